import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { ApiException as ApiExceptionType, Svix as SvixType } from 'svix';
import { createTenant, rowCounts, startHerald, startReceiver, waitFor, type Receiver, type TestHerald } from './helpers.js';

// The official Svix SDK, unchanged, pointed at Herald's Svix surface: every call it makes for the
// resources Herald has, with the fields it reads asserted populated. SDK 1.x by default;
// HERALD_SVIX_SDK=svix-v2 runs the same calls through SDK 2.x, which needs Node 22 (svix-sdk2.test.ts).
const V2 = process.env.HERALD_SVIX_SDK === 'svix-v2';
const { ApiException, Svix, Webhook } = (await import(V2 ? 'svix-v2' : 'svix')) as typeof import('svix');
// SDK 2.x renamed these endpoint fields.
const FILTER = V2 ? 'eventTypes' : 'filterTypes';
const RATE = V2 ? 'throttleRate' : 'rateLimit';
const field = (o: object, name: string) => (o as Record<string, unknown>)[name];
// SDK 2.x calls the PUT of applications, endpoints and event types `upsert`.
const PUT = V2 ? 'upsert' : 'update';
const SET_HEADERS = V2 ? 'setHeaders' : 'updateHeaders';

// Set by svix-sdk2.test.ts: Herald runs in that (Node 20) process, this one only drives the SDK.
const REMOTE = process.env.HERALD_SVIX_URL;

let h: TestHerald | undefined;
let url: string;
let receiver: Receiver;
let svix: SvixType;
let key: string;

before(async () => {
  if (REMOTE) {
    url = REMOTE;
    key = process.env.HERALD_SVIX_KEY!;
  } else {
    h = await startHerald();
    url = h.url;
    key = (await createTenant(h, 'Svix user')).test;
  }
  receiver = await startReceiver();
  svix = new Svix(key, { serverUrl: `${url}/svix` });
});
after(async () => {
  await receiver.close();
  await h?.close();
});

const isDate = (d: unknown) => d instanceof Date && !Number.isNaN(d.getTime());

async function rejects(call: Promise<unknown>, code: number): Promise<ApiExceptionType<any>> {
  try {
    await call;
  } catch (err) {
    assert.ok(err instanceof ApiException, `expected an ApiException, got ${String(err)}`);
    assert.equal(err.code, code, JSON.stringify(err.body));
    return err;
  }
  assert.fail(`expected ${code}`);
}

test('applications: create, getOrCreate, list, get, update (PUT, upsert), patch, delete', async () => {
  const app = await svix.application.create({ name: 'Acme', uid: 'acme', metadata: { plan: 'pro' } });
  assert.match(app.id, /^app_/);
  assert.equal(app.uid, 'acme');
  assert.deepEqual(app.metadata, { plan: 'pro' });
  assert.ok(isDate(app.createdAt) && isDate(app.updatedAt));

  const same = await svix.application.getOrCreate({ name: 'Acme again', uid: 'acme' });
  assert.equal(same.id, app.id);
  assert.equal(same.name, 'Acme');
  const fresh = await svix.application.getOrCreate({ name: 'Fresh', uid: 'fresh' });
  assert.notEqual(fresh.id, app.id);

  assert.equal((await svix.application.get('acme')).id, app.id);
  const updated = await (svix.application as any)[PUT]('acme', { name: 'Acme Inc' });
  assert.equal(updated.name, 'Acme Inc');
  assert.deepEqual(updated.metadata, {});
  const upserted = await (svix.application as any)[PUT]('made-by-put', { name: 'Made by PUT' });
  assert.equal(upserted.uid, 'made-by-put');
  const patched = await svix.application.patch(app.id, { metadata: { plan: 'team' } });
  assert.equal(patched.name, 'Acme Inc');
  assert.deepEqual(patched.metadata, { plan: 'team' });

  const first = await svix.application.list({ limit: 2 });
  assert.equal(first.data.length, 2);
  assert.equal(first.done, false);
  assert.ok(first.iterator);
  assert.equal(first.prevIterator, `-${first.data[0]!.id}`);
  const rest = await svix.application.list({ limit: 2, iterator: first.iterator! });
  const ids = [...first.data, ...rest.data].map((a) => a.id);
  assert.equal(new Set(ids).size, 3);
  assert.equal(rest.done, true);
  // Back again with the prev iterator: the first page, newest first.
  const back = await svix.application.list({ limit: 2, iterator: rest.prevIterator! });
  assert.deepEqual(back.data.map((a) => a.id), first.data.map((a) => a.id));
  assert.equal(back.iterator, first.iterator);

  await svix.application.delete(fresh.id);
  await rejects(svix.application.get(fresh.id), 404);
  await svix.application.delete('made-by-put');
});

test('errors come back in Svix shape: 401, 404, 409, 422 with loc', async () => {
  const anonymous = new Svix('hk_test_nope', { serverUrl: `${url}/svix` });
  const unauth = await rejects(anonymous.application.list(), 401);
  assert.equal(unauth.body.code, 'authentication_failed');
  const missing = await rejects(svix.application.get('no-such-app'), 404);
  assert.equal(missing.body.code, 'not_found');
  assert.match(missing.body.detail, /no-such-app/);
  await svix.application.create({ name: 'Dup', uid: 'dup' });
  const dup = await rejects(svix.application.create({ name: 'Dup', uid: 'dup' }), 409);
  assert.equal(dup.body.code, 'conflict');
  const app = await svix.application.get('dup');
  const bad = await rejects(svix.endpoint.create(app.id, { url: 'not a url' }), 422);
  assert.deepEqual(bad.body.detail[0].loc, ['body', 'url']);
  assert.equal(typeof bad.body.detail[0].msg, 'string');
  const badFilter = await rejects(svix.endpoint.create(app.id, { url: receiver.url, [FILTER]: [''] } as never), 422);
  assert.deepEqual(badFilter.body.detail[0].loc.slice(0, 2), ['body', 'filterTypes']);
  await rejects(svix.message.create(app.id, { eventType: 'x', payload: {}, deliverAt: new Date(Date.now() + 60_000) }), 422);
  await rejects(svix.application.list({ order: 'ascending' as never }), 422);
  await rejects(svix.message.list(app.id, { tag: 'a' }), 422);
  await rejects(svix.message.create(app.id, { eventType: 'x', payload: {}, tags: ['a'] }), 422);
  const badTime = await fetch(`${url}/svix/api/v1/app/${app.id}/msg?before=yesterday`, { headers: { authorization: `Bearer ${key}` } });
  assert.equal(badTime.status, 422);
  assert.deepEqual(((await badTime.json()) as { detail: { loc: string[] }[] }).detail[0]!.loc, ['query', 'before']);
  // Unknown Svix paths are Svix-shaped 404s too.
  const res = await fetch(`${url}/svix/api/v1/nowhere`, { headers: { authorization: `Bearer ${key}` } });
  assert.equal(res.status, 404);
  assert.equal(((await res.json()) as { code: string }).code, 'not_found');
  await svix.application.delete(app.id);
});

test('event types: create with schemas, list, get, update (PUT, upsert), patch, archive, expunge', async () => {
  const schema = { type: 'object', properties: { id: { type: 'string' } }, required: ['id'], examples: [{ id: 'inv_1' }] };
  const et = await svix.eventType.create({ name: 'invoice.paid', description: 'An invoice was paid', schemas: { '1': schema }, featureFlag: null, archived: false });
  assert.equal(et.name, 'invoice.paid');
  assert.equal(et.description, 'An invoice was paid');
  assert.deepEqual(et.schemas, { '1': schema });
  assert.equal(et.archived, false);
  assert.ok(isDate(et.createdAt));

  const got = await svix.eventType.get('invoice.paid');
  assert.deepEqual(got.schemas, { '1': schema });
  const put = await (svix.eventType as any)[PUT]('invoice.paid', { description: 'Paid', schemas: { '1': schema } });
  assert.equal(put.description, 'Paid');
  const upsert = await (svix.eventType as any)[PUT]('invoice.created', { description: 'Created' });
  assert.equal(upsert.name, 'invoice.created');
  const patched = await svix.eventType.patch('invoice.created', { description: 'Made' });
  assert.equal(patched.description, 'Made');

  const listed = await svix.eventType.list({ limit: 50 });
  assert.deepEqual(listed.data.map((e) => e.name).sort(), ['invoice.created', 'invoice.paid']);
  assert.equal(listed.done, true);

  await svix.eventType.delete('invoice.created');
  assert.equal((await svix.eventType.get('invoice.created')).archived, true);
  assert.deepEqual((await svix.eventType.list()).data.map((e) => e.name), ['invoice.paid']);
  await svix.eventType.delete('invoice.created', { expunge: true });
  await rejects(svix.eventType.get('invoice.created'), 404);

  // A payload the schema refuses is a 422 from the publish.
  const app = await svix.application.create({ name: 'Schemas' });
  await rejects(svix.message.create(app.id, { eventType: 'invoice.paid', payload: { wrong: true } }), 422);
  await svix.application.delete(app.id);
});

test('endpoints, messages and attempts, end to end, verified with svix.Webhook', async () => {
  const app = await svix.application.create({ name: 'Shop', uid: 'shop' });
  const ep = await svix.endpoint.create(app.id, {
    url: receiver.url,
    uid: 'main',
    description: 'Main',
    [FILTER]: ['order.created', 'order.paid'],
    channels: ['eu'],
    [RATE]: 50,
    metadata: { team: 'billing' },
    headers: { 'x-tenant': 'shop', authorization: 'Bearer s3cret' },
  } as never);
  assert.match(ep.id, /^ep_/);
  assert.equal(ep.uid, 'main');
  assert.deepEqual(field(ep, FILTER), ['order.created', 'order.paid']);
  assert.deepEqual(ep.channels, ['eu']);
  assert.equal(field(ep, RATE), 50);
  assert.deepEqual(ep.metadata, { team: 'billing' });
  assert.equal(ep.disabled, false);
  if (!V2) assert.equal(ep.version, 1);
  assert.ok(isDate(ep.createdAt));
  const other = await svix.endpoint.create(app.id, { url: `${receiver.url}/other`, disabled: true });
  assert.equal(other.disabled, true);

  assert.equal((await svix.endpoint.get(app.id, 'main')).id, ep.id);
  const list = await svix.endpoint.list(app.id);
  assert.deepEqual(list.data.map((e) => e.id).sort(), [ep.id, other.id].sort());

  const { key: secret } = await svix.endpoint.getSecret(app.id, 'main');
  assert.match(secret, /^whsec_/);
  assert.deepEqual(await svix.endpoint.getHeaders(app.id, 'main'), { headers: { 'x-tenant': 'shop' }, sensitive: ['authorization'] });
  await svix.endpoint.patchHeaders(app.id, 'main', { headers: { 'x-region': 'eu' } });
  const headers = await svix.endpoint.getHeaders(app.id, 'main');
  assert.deepEqual(headers.headers, { 'x-tenant': 'shop', 'x-region': 'eu' });
  assert.deepEqual(headers.sensitive, ['authorization']);

  // A message on another channel reaches no endpoint with channels; one on "eu" reaches "main".
  const skipped = await svix.message.create(app.id, { eventType: 'order.created', payload: { n: 0 }, channels: ['us'], payloadRetentionPeriod: 90 });
  const msg = await svix.message.create(app.id, { eventType: 'order.created', eventId: 'evt-1', payload: { n: 1 }, channels: ['eu'] }, { withContent: true });
  assert.match(msg.id, /^msg_/);
  assert.equal(msg.eventType, 'order.created');
  assert.equal(msg.eventId, 'evt-1');
  assert.deepEqual(msg.payload, { n: 1 });
  assert.deepEqual(msg.channels, ['eu']);
  assert.ok(isDate(msg.timestamp));
  const again = await svix.message.create(app.id, { eventType: 'order.created', eventId: 'evt-1', payload: { n: 1 }, channels: ['eu'] });
  assert.equal(again.id, msg.id, 'the event id deduplicates');

  // The id receivers dedupe on is the publisher's event id when there is one.
  const delivery = await waitFor(() => receiver.received.find((r) => r.headers['svix-id'] === 'evt-1'), { what: 'the delivery' });
  assert.equal(delivery.headers['x-tenant'], 'shop');
  assert.equal(delivery.headers['x-region'], 'eu');
  assert.equal(delivery.headers.authorization, 'Bearer s3cret');
  assert.equal(delivery.headers['webhook-id'], undefined, 'an application made through Svix signs with svix-* headers');
  const verified = new Webhook(secret).verify(delivery.body, {
    'svix-id': delivery.headers['svix-id'] as string,
    'svix-timestamp': delivery.headers['svix-timestamp'] as string,
    'svix-signature': delivery.headers['svix-signature'] as string,
  });
  // SDK 1.x returns the parsed payload; 2.x returns nothing and throws on a bad signature.
  if (!V2) assert.deepEqual(verified, { n: 1 });
  assert.deepEqual(JSON.parse(delivery.body), { n: 1 }, 'the body is the payload, as Svix sends it');
  assert.throws(() => new Webhook(secret).verify(delivery.body.replace('1', '2'), delivery.headers as Record<string, string>));

  const got = await svix.message.get(app.id, msg.id, { withContent: true });
  assert.deepEqual(got.payload, { n: 1 });
  assert.deepEqual((await svix.message.get(app.id, 'evt-1', { withContent: false })).payload, {});
  const byChannel = await svix.message.list(app.id, { channel: 'eu', withContent: true });
  assert.deepEqual(byChannel.data[0]!.payload, { n: 1 });
  assert.deepEqual(byChannel.data.map((m) => m.id), [msg.id]);
  const all = await svix.message.list(app.id, { eventTypes: ['order.created', 'order.paid'], limit: 10 });
  assert.deepEqual(all.data.map((m) => m.id), [msg.id, skipped.id]);
  assert.equal((await svix.message.list(app.id, { eventTypes: ['order.paid'] })).data.length, 0);
  assert.equal((await svix.message.list(app.id, { before: new Date(0) })).data.length, 0);

  const attempts = await waitFor(async () => {
    const page = await svix.messageAttempt.listByMsg(app.id, msg.id);
    return page.data.length ? page : null;
  });
  const attempt = attempts.data[0]!;
  assert.equal(attempt.msgId, msg.id);
  assert.equal(attempt.endpointId, ep.id);
  assert.equal(attempt.status, 0);
  assert.equal(attempt.responseStatusCode, 204);
  assert.equal(attempt.url, receiver.url);
  assert.ok(isDate(attempt.timestamp));
  assert.equal((await svix.messageAttempt.get(app.id, msg.id, attempt.id)).id, attempt.id);
  const byEndpoint = await svix.messageAttempt.listByEndpoint(app.id, 'main', { withMsg: true });
  assert.equal(byEndpoint.data[0]!.msg?.id, msg.id);
  assert.equal((await svix.messageAttempt.listByEndpoint(app.id, 'main', { status: 2 })).data.length, 0);

  const attemptedMessages = await svix.messageAttempt.listAttemptedMessages(app.id, 'main');
  assert.deepEqual(attemptedMessages.data.map((m) => [m.id, m.status, m.statusText]), [[msg.id, 0, 'success']]);
  const destinations = await svix.messageAttempt.listAttemptedDestinations(app.id, msg.id);
  assert.deepEqual(destinations.data.map((d) => [d.id, d.status, d.url]), [[ep.id, 0, receiver.url]]);

  const stats = await svix.endpoint.getStats(app.id, 'main');
  assert.deepEqual(stats, { success: 1, pending: 0, sending: 0, fail: 0, canceled: 0 });

  await svix.messageAttempt.resend(app.id, msg.id, 'main');
  await waitFor(() => receiver.received.filter((r) => r.headers['svix-id'] === 'evt-1').length === 2, { what: 'the resend' });

  // Rotation: the new secret signs, and getSecret returns it.
  await svix.endpoint.rotateSecret(app.id, 'main', {});
  const rotated = (await svix.endpoint.getSecret(app.id, 'main')).key;
  assert.notEqual(rotated, secret);
  const own = 'whsec_' + Buffer.alloc(32, 7).toString('base64');
  await svix.endpoint.rotateSecret(app.id, 'main', { key: own });
  assert.equal((await svix.endpoint.getSecret(app.id, 'main')).key, own);
  if (!V2) {
    // SDK 1.x can also set the secret in a patch (2.x dropped the field).
    const patchedSecret = 'whsec_' + Buffer.alloc(32, 8).toString('base64');
    await svix.endpoint.patch(app.id, 'main', { secret: patchedSecret });
    assert.equal((await svix.endpoint.getSecret(app.id, 'main')).key, patchedSecret);
  }

  // PUT replaces: fields left out return to their defaults.
  const put = await (svix.endpoint as any)[PUT](app.id, 'main', { url: receiver.url, description: 'Replaced' });
  assert.equal(put.description, 'Replaced');
  assert.equal(field(put, FILTER), null);
  assert.equal(put.channels, null);
  assert.equal(field(put, RATE), null);
  const created = await (svix.endpoint as any)[PUT](app.id, 'made-by-put', { url: `${receiver.url}/put` });
  assert.equal(created.uid, 'made-by-put');
  const patched = await svix.endpoint.patch(app.id, 'main', { [FILTER]: ['order.paid'], disabled: true } as never);
  assert.deepEqual(field(patched, FILTER), ['order.paid']);
  assert.equal(patched.disabled, true);
  await svix.endpoint.patch(app.id, 'main', { disabled: false });
  await (svix.endpoint as any)[SET_HEADERS](app.id, 'main', { headers: { 'x-only': '1' } });
  assert.deepEqual(await svix.endpoint.getHeaders(app.id, 'main'), { headers: { 'x-only': '1' }, sensitive: [] });

  const recovered = await svix.endpoint.recover(app.id, 'main', { since: new Date(Date.now() - 3600_000) });
  assert.equal(recovered.status, 'finished');
  assert.ok(isDate(recovered.updatedAt));

  await svix.eventType.create({ name: 'order.paid', description: 'Paid', schemas: { '1': { type: 'object', examples: [{ order: 'o_1' }] } } });
  const example = await svix.endpoint.sendExample(app.id, 'main', { eventType: 'order.paid' });
  assert.deepEqual(example.payload, { order: 'o_1' });
  await waitFor(() => receiver.received.find((r) => r.headers['svix-id'] === example.id && r.body.includes('o_1')), { what: 'the example' });

  await svix.endpoint.delete(app.id, 'made-by-put');
  await rejects(svix.endpoint.get(app.id, 'made-by-put'), 404);
  await svix.application.delete(app.id);
});

test('portal access, dashboard access and health', async () => {
  const app = await svix.application.create({ name: 'Portal', uid: 'portal' });
  const access = await svix.authentication.appPortalAccess('portal', { expiry: 3600 }).catch((err) => {
    console.log(JSON.stringify(err.body));
    throw err;
  });
  assert.match(access.url, new RegExp(`^${url.replace(/[.]/g, '\\.')}/portal#`));
  assert.ok(access.token.length > 20);
  const res = await fetch(`${url}/api/v1/app/${app.id}/endpoint`, { headers: { authorization: `Portal ${access.token}` } });
  assert.equal(res.status, 200, 'the token opens the portal for this application');
  const made = await svix.authentication.appPortalAccess('portal-new', { application: { name: 'Made for the portal' } });
  assert.ok(made.token);
  assert.equal((await svix.application.get('portal-new')).name, 'Made for the portal');
  if (!V2) {
    // Deprecated, and gone from SDK 2.x.
    const dash = await svix.authentication.dashboardAccess('portal');
    assert.ok(dash.url.includes('/portal#'));
  }
  await svix.health.get();
  await svix.application.delete('portal');
  await svix.application.delete('portal-new');
});

test('hostile input on the Svix surface: nothing written', { skip: REMOTE ? 'counts rows in the store, so it runs where Herald does (the SDK 1.x run)' : false }, async () => {
  const app = await svix.application.create({ name: 'Hostile' });
  const other = await createTenant(h!, 'Other');
  const before = await rowCounts(h!);
  const post = (path: string, body: string) =>
    fetch(`${url}/svix/api/v1${path}`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body });
  let res = await post(`/app/${app.id}/msg`, '{"eventType":');
  assert.equal(res.status, 400);
  assert.equal(((await res.json()) as { code: string }).code, 'bad_request');
  res = await post(`/app/${app.id}/msg`, JSON.stringify({ eventType: 42, payload: {} }));
  assert.equal(res.status, 422);
  res = await post(`/app/${app.id}/msg`, JSON.stringify({ eventType: 'a', payload: JSON.parse('['.repeat(200) + ']'.repeat(200)) }));
  assert.ok(res.status === 400 || res.status === 422, String(res.status));
  res = await post(`/app/${app.id}/endpoint`, JSON.stringify({ url: 'http://169.254.169.254/latest' }));
  assert.equal(res.status, 422);
  res = await post(`/app/${app.id}/endpoint`, JSON.stringify({ url: receiver.url, headers: { 'svix-signature': 'forged' } }));
  assert.equal(res.status, 422);
  // Another tenant's application is not found, whatever the surface.
  const theirs = new Svix(other.test, { serverUrl: `${url}/svix` });
  await rejects(theirs.application.get(app.id), 404);
  await rejects(theirs.message.create(app.id, { eventType: 'a', payload: {} }), 404);
  await rejects(theirs.endpoint.getSecret(app.id, 'ep_x'), 404);
  // A dashboard cookie is not a Svix credential.
  res = await fetch(`${url}/svix/api/v1/app`, { headers: { cookie: 'herald_session=x' } });
  assert.equal(res.status, 401);
  assert.deepEqual(await rowCounts(h!), before);
  await svix.application.delete(app.id);
});

test('rate limits hold on the Svix surface and answer in its shape', { skip: REMOTE ? 'sets tenant limits with the admin token, so it runs where Herald does' : false }, async () => {
  const limited = await createTenant(h!, 'Limited');
  await h!.admin('PATCH', `/api/v1/tenants/${limited.id}/limits`, { api_per_second: 1, publish_per_second: 1 });
  const client = new Svix(limited.test, { serverUrl: `${url}/svix`, numRetries: 0 });
  // Six at once fit at most two one-second windows: at most two pass.
  const reads = await Promise.allSettled(Array.from({ length: 6 }, () => client.application.list()));
  const refused = reads.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason as ApiExceptionType<any>);
  assert.ok(refused.length >= 4, `${refused.length} of 6 refused`);
  for (const err of refused) {
    assert.equal(err.code, 429);
    assert.equal(err.body.code, 'rate_limited');
  }
  const writes = await Promise.allSettled(Array.from({ length: 6 }, (_, i) => client.application.create({ name: `w${i}` })));
  assert.ok(writes.filter((r) => r.status === 'rejected' && (r.reason as ApiExceptionType<any>).code === 429).length >= 4, 'writes spend the native limit');
});
