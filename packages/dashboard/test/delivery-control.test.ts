// Delivery control from the customer portal (and the dashboard), in real Chromium against a real
// Herald: payload filters, endpoint authentication, transformations with "try it", and ordering,
// as a customer sets them there, are what the API then holds and what delivery obeys.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../server/test/browser.js';
import { createTenant, startHerald, waitFor, type TestHerald } from '../../server/test/helpers.js';
import { shot } from './screenshots.js';

let h: TestHerald;
let browser: Browser;
let key: { token: string };
let appId: string;
let endpointId: string;

before(async () => {
  h = await startHerald();
  key = { token: (await createTenant(h, 'Acme')).test };
  appId = (await h.call('POST', '/api/v1/app', { ...key, body: { name: 'Orders' } })).body.id;
  endpointId = (await h.call('POST', `/api/v1/app/${appId}/endpoint`, { ...key, body: { url: 'http://127.0.0.1:9/orders', retry_schedule: [3600] } })).body.id;
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await h?.close();
});

async function openPortal(): Promise<{ page: Page; close(): Promise<void> }> {
  const link = (await h.call('POST', `/api/v1/app/${appId}/portal-link`, { ...key, body: {} })).body.url as string;
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, baseURL: h.url });
  const page = await context.newPage();
  await page.goto(link);
  await page.getByTestId('endpoint').filter({ hasText: '/orders' }).waitFor();
  return { page, close: () => context.close() };
}

const deliveriesFor = async (payload: unknown) => {
  const msg = (await h.call('POST', `/api/v1/app/${appId}/msg`, { ...key, body: { type: 'order.paid', payload } })).body;
  return (await h.call('GET', `/api/v1/app/${appId}/msg/${msg.id}/delivery`, key)).body.data.length as number;
};

test('portal: a customer sets a payload filter; a bad one is refused with the operator named', async () => {
  const { page, close } = await openPortal();
  try {
    const card = page.getByTestId('endpoint').filter({ hasText: '/orders' });
    await card.getByRole('button', { name: 'Edit' }).click();
    const box = card.getByLabel('Payload filter (JSON, empty for every message)');
    await box.fill('{"amount": {"$gte": 100}, "currency": {"$in": ["EUR", "USD"]}}');
    await card.getByRole('button', { name: 'Save' }).click();
    await card.getByTestId('endpoint-payload-filter').waitFor();
    await shot(page, 'portal-payload-filter');
    assert.deepEqual((await h.call('GET', `/api/v1/app/${appId}/endpoint/${endpointId}`, key)).body.payload_filter, { amount: { $gte: 100 }, currency: { $in: ['EUR', 'USD'] } });
    assert.equal(await deliveriesFor({ amount: 250, currency: 'EUR' }), 1);
    assert.equal(await deliveriesFor({ amount: 25, currency: 'EUR' }), 0);

    await card.getByRole('button', { name: 'Edit' }).click();
    await box.fill('{"amount": {"$above": 100}}');
    await card.getByRole('button', { name: 'Save' }).click();
    assert.match(await card.getByRole('alert').innerText(), /payload_filter\.amount\.\$above.*not an operator/);
    await box.fill('{"amount": ');
    await card.getByRole('button', { name: 'Save' }).click();
    assert.match(await card.getByRole('alert').innerText(), /not valid JSON/);
    assert.deepEqual((await h.call('GET', `/api/v1/app/${appId}/endpoint/${endpointId}`, key)).body.payload_filter, { amount: { $gte: 100 }, currency: { $in: ['EUR', 'USD'] } });
  } finally {
    await close();
  }
});

test('portal: a customer sets OAuth2 credentials for their receiver; the secret is masked when read back', async () => {
  const { page, close } = await openPortal();
  try {
    const card = page.getByTestId('endpoint').filter({ hasText: '/orders' });
    await card.getByRole('button', { name: 'Edit' }).click();
    await card.getByLabel('Authentication').selectOption('oauth2_client_credentials');
    await card.getByLabel('Token URL').fill('https://auth.acme.example/oauth/token');
    await card.getByLabel('Client id').fill('herald');
    await card.getByLabel('Client secret').fill('very-secret');
    await card.getByLabel('Scope (optional)').fill('webhooks');
    await card.getByRole('button', { name: 'Save' }).click();
    await card.getByTestId('endpoint-auth').filter({ hasText: 'OAuth2 (https://auth.acme.example/oauth/token)' }).waitFor();
    const stored = (await h.call('GET', `/api/v1/app/${appId}/endpoint/${endpointId}`, key)).body.auth;
    assert.deepEqual(stored, { type: 'oauth2_client_credentials', token_url: 'https://auth.acme.example/oauth/token', client_id: 'herald', client_secret: '********', scope: 'webhooks', audience: null, client_auth: 'basic' });
    assert.ok(!(await page.content()).includes('very-secret'));
    // Saving again with the masked secret keeps it (the form sends "********" back).
    await card.getByRole('button', { name: 'Edit' }).click();
    assert.equal(await card.getByLabel('Client secret').inputValue(), '********');
    await card.getByLabel('Scope (optional)').fill('webhooks other');
    await card.getByRole('button', { name: 'Save' }).click();
    await waitFor(async () => (await h.call('GET', `/api/v1/app/${appId}/endpoint/${endpointId}`, key)).body.auth.scope === 'webhooks other');
    await card.getByRole('button', { name: 'Edit' }).click();
    await card.getByLabel('Authentication').selectOption('');
    await card.getByRole('button', { name: 'Save' }).click();
    await waitFor(async () => (await h.call('GET', `/api/v1/app/${appId}/endpoint/${endpointId}`, key)).body.auth === null);
  } finally {
    await close();
  }
});

test('portal and dashboard: write a transformation, try it on a sample, save it', async () => {
  await h.call('POST', '/api/v1/event-type', { ...key, body: { name: 'order.paid', example: { amount: 7, currency: 'EUR' } } });
  const { page, close } = await openPortal();
  try {
    const card = page.getByTestId('endpoint').filter({ hasText: '/orders' });
    await card.getByRole('button', { name: 'Transformation' }).click();
    const code = card.getByLabel('Transformation (JavaScript)');
    await code.fill('function handler(webhook) { webhook.payload = { cents: webhook.payload.amount * 100 }; webhook.headers["X-Band"] = "low"; return webhook; }');
    await card.getByRole('button', { name: 'Try it' }).click();
    const result = card.getByTestId('transformation-result');
    await result.filter({ hasText: 'Would send' }).waitFor();
    assert.match(await result.innerText(), /"cents": 700[\s\S]*"X-Band": "low"/);
    await shot(page, 'portal-transformation');
    // A busy loop in "try it" answers with its limit, not a hung page.
    await code.fill('function handler(webhook) { for (;;) {} }');
    await card.getByRole('button', { name: 'Try it' }).click();
    await result.filter({ hasText: 'ran longer than' }).waitFor();
    // Code that does not compile is refused on save, with the reason.
    await code.fill('function handler(webhook) {');
    await card.getByRole('button', { name: 'Save transformation' }).click();
    assert.match(await card.getByRole('alert').innerText(), /transformation.*SyntaxError/);
    await code.fill('function handler(webhook) { webhook.cancel = webhook.payload.amount < 10; return webhook; }');
    await card.getByRole('button', { name: 'Save transformation' }).click();
    await card.getByRole('button', { name: 'Transformation (on)' }).waitFor();
    assert.match((await h.call('GET', `/api/v1/app/${appId}/endpoint/${endpointId}`, key)).body.transformation, /webhook\.cancel/);
  } finally {
    await close();
  }
  // The operator's dashboard shows the same editor with the saved code.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, baseURL: h.url });
  try {
    const page = await context.newPage();
    await page.goto('/');
    await page.getByLabel('Admin token or API key').fill(key.token);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Applications' }).waitFor();
    await page.goto(`/apps/${appId}/endpoints`);
    const card = page.getByTestId('endpoint').filter({ hasText: '/orders' });
    await card.getByRole('button', { name: 'Transformation (on)' }).click();
    assert.match(await card.getByLabel('Transformation (JavaScript)').inputValue(), /webhook\.cancel/);
    await card.getByRole('button', { name: 'Try it' }).click();
    await card.getByTestId('transformation-result').filter({ hasText: 'Cancelled' }).waitFor();
  } finally {
    await context.close();
  }
});

test('portal: a customer makes the endpoint FIFO, pausing on failure', async () => {
  const { page, close } = await openPortal();
  try {
    const card = page.getByTestId('endpoint').filter({ hasText: '/orders' });
    await card.getByRole('button', { name: 'Edit' }).click();
    await card.getByLabel('Delivery order').selectOption('fifo');
    await card.getByLabel('When a delivery fails for good').selectOption('pause');
    await card.getByRole('button', { name: 'Save' }).click();
    await card.filter({ hasText: 'FIFO per ordering key (pause on failure)' }).waitFor();
    const stored = (await h.call('GET', `/api/v1/app/${appId}/endpoint/${endpointId}`, key)).body;
    assert.deepEqual([stored.ordering, stored.ordering_failure], ['fifo', 'pause']);
  } finally {
    await close();
  }
});

test('portal: editing an endpoint keeps OAuth2 settings the form does not show', async () => {
  const auth = { type: 'oauth2_client_credentials', token_url: 'https://auth.acme.example/token', client_id: 'herald', client_secret: 's3cret', client_auth: 'body' };
  assert.equal((await h.call('PATCH', `/api/v1/app/${appId}/endpoint/${endpointId}`, { ...key, body: { auth } })).status, 200);
  const { page, close } = await openPortal();
  try {
    const card = page.getByTestId('endpoint').filter({ hasText: '/orders' });
    await card.getByRole('button', { name: 'Edit' }).click();
    await card.getByLabel('Scope (optional)').fill('webhooks');
    await card.getByRole('button', { name: 'Save' }).click();
    await waitFor(async () => (await h.call('GET', `/api/v1/app/${appId}/endpoint/${endpointId}`, key)).body.auth.scope === 'webhooks');
    assert.equal((await h.call('GET', `/api/v1/app/${appId}/endpoint/${endpointId}`, key)).body.auth.client_auth, 'body');
  } finally {
    await close();
  }
});
