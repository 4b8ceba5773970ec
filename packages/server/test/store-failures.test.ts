import assert from 'node:assert/strict';
import { test } from 'node:test';
import { asStoreFailure, storeFailureReason } from '../src/store/failures.js';

// Which errors mean "the store itself failed" (answered 503 + Retry-After) and which are ordinary
// errors (a bug or a constraint: not an outage). The codes are the ones each driver really raises.
test('store failures are recognised across both dialects; other errors are not', () => {
  const cases: [unknown, string | null][] = [
    [Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }), 'disk_full'],
    [Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' }), 'disk_full'],
    [Object.assign(new Error('attempt to write a readonly database'), { code: 'SQLITE_READONLY' }), 'read_only'],
    [Object.assign(new Error('attempt to write a readonly database'), { code: 'SQLITE_READONLY_DBMOVED' }), 'read_only'],
    [Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' }), 'locked'],
    [Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR_WRITE' }), 'unavailable'],
    [Object.assign(new Error('could not extend file'), { code: '53100' }), 'disk_full'],
    [Object.assign(new Error('cannot execute INSERT in a read-only transaction'), { code: '25006' }), 'read_only'],
    [Object.assign(new Error('canceling statement due to statement timeout'), { code: '57014' }), 'timeout'],
    [Object.assign(new Error('deadlock detected'), { code: '40P01' }), 'locked'],
    [Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }), 'unavailable'],
    [Object.assign(new Error('the database system is starting up'), { code: '57P03' }), 'unavailable'],
    [Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }), 'unavailable'],
    [new Error('Connection terminated unexpectedly'), 'unavailable'],
    [new Error('timeout exceeded when trying to connect'), 'unavailable'],
    [new Error('Query read timeout'), 'timeout'],
    [Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505' }), null],
    [Object.assign(new Error('UNIQUE constraint failed'), { code: 'SQLITE_CONSTRAINT_UNIQUE' }), null],
    [Object.assign(new Error('syntax error'), { code: '42601' }), null],
    [new TypeError("Cannot read properties of undefined (reading 'id')"), null],
    ['a string', null],
    [null, null],
  ];
  for (const [err, reason] of cases) assert.equal(storeFailureReason(err), reason, String((err as Error)?.message ?? err));
  const failure = asStoreFailure(Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }))!;
  assert.match(failure.message, /disk is full/);
  assert.equal(asStoreFailure(new TypeError('x')), null);
});
