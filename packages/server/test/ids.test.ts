import assert from 'node:assert/strict';
import { test } from 'node:test';
import { newId } from '../src/ids.js';

test('ids minted one after another sort in creation order, even within one millisecond or when the clock steps back', () => {
  const now = Date.now();
  const ids = [newId('app', now)];
  for (let i = 0; i < 2000; i++) ids.push(newId('app', now));
  ids.push(newId('app', now - 5_000));
  ids.push(newId('app', now + 1));
  for (const id of ids) assert.match(id, /^app_[0-9a-hjkmnp-tv-z]{26}$/);
  assert.equal(new Set(ids).size, ids.length, 'no duplicates');
  assert.deepEqual([...ids].sort(), ids, 'lexical order is minting order');
  const timeOf = (id: string) => [...id.slice(4, 14)].reduce((t, c) => t * 32 + '0123456789abcdefghjkmnpqrstvwxyz'.indexOf(c), 0);
  assert.equal(timeOf(ids[0]!), now, 'the first 10 characters encode the millisecond');
  assert.equal(timeOf(ids.at(-2)!), now, 'a clock step back keeps the last time');
  assert.equal(timeOf(ids.at(-1)!), now + 1);
});
