// Issue 21's live, complete dashboard and portal in real Chromium against a real Herald and
// receiver: updates without reload, delete, search, health figures, the event catalog, branding,
// dark mode, copy buttons and what the portal keeps from customers.
// HERALD_SCREENSHOTS=docs/screenshots also saves these pages at 1280 px and 390 px.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../../server/test/browser.js';
import { shot } from './screenshots.js';
import { createTenant, startHerald, startReceiver, waitFor, type Receiver, type TestHerald } from '../../server/test/helpers.js';

let h: TestHerald;
let rx: Receiver;
let browser: Browser;
let key: string;
let app: string;

const call = (method: string, path: string, body?: unknown) => h.call(method, path, { token: key, ...(body !== undefined ? { body } : {}) });

before(async () => {
  h = await startHerald();
  rx = await startReceiver(async (r, res) => {
    if (r.path === '/slow') await new Promise((resolve) => setTimeout(resolve, 1500));
    if (r.path === '/flaky' && r.body.includes('"fail":true')) return void res.writeHead(503).end('busy');
    res.writeHead(204).end();
  });
  key = (await createTenant(h, 'Acme')).test;
  app = (await call('POST', '/api/v1/app', { name: 'Orders' })).body.id;
  await call('POST', '/api/v1/event-type', {
    name: 'invoice.paid',
    description: 'An invoice was paid in full',
    schema: { type: 'object', required: ['invoice'], properties: { invoice: { type: 'integer' } } },
    example: { invoice: 42 },
  });
  await call('POST', '/api/v1/event-type', { name: 'invoice.voided', description: 'An invoice was voided', example: { invoice: 7 } });
  await call('POST', '/api/v1/event-type', { name: 'order.shipped', description: 'An order left the warehouse' });
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await rx?.close();
  await h?.close();
});

async function signedIn(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, baseURL: h.url, permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  await page.goto('/');
  await page.getByLabel('Admin token or API key').fill(key);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Applications' }).waitFor();
  return { context, page };
}

/** Marks the document: a reload or full navigation would lose the mark. */
const mark = (page: Page) => page.evaluate(() => ((window as unknown as { __unreloaded: boolean }).__unreloaded = true));
const stillUnreloaded = (page: Page) => page.evaluate(() => (window as unknown as { __unreloaded?: boolean }).__unreloaded === true);

test('live: the message log, a message’s attempts and the endpoint list update without reload', async () => {
  const { context, page } = await signedIn();
  try {
    await page.goto(`/apps/${app}/endpoints`);
    await page.getByRole('heading', { name: 'Endpoints' }).waitFor();
    await mark(page);
    // An endpoint made elsewhere (the API) appears.
    await call('POST', `/api/v1/app/${app}/endpoint`, { url: `${rx.url}/slow`, description: 'slow receiver' });
    await page.getByTestId('endpoint').filter({ hasText: 'slow receiver' }).waitFor();

    await page.getByRole('link', { name: 'Message log' }).click();
    await page.getByRole('heading', { name: 'Message log' }).waitFor();
    await mark(page);
    const published = await call('POST', `/api/v1/app/${app}/msg`, { type: 'invoice.paid', payload: { invoice: 1 } });
    await page.getByTestId('log-row').filter({ hasText: published.body.id }).waitFor();
    assert.ok(await stillUnreloaded(page), 'the row came without a reload');

    // A message's page: its attempt appears when the slow receiver answers.
    const slow = await call('POST', `/api/v1/app/${app}/msg`, { type: 'invoice.paid', payload: { invoice: 2 } });
    await page.getByTestId('log-row').filter({ hasText: slow.body.id }).getByRole('link').click();
    await page.getByTestId('delivery').first().waitFor();
    await mark(page);
    assert.equal(await page.getByTestId('attempt').count(), 0, 'no attempt yet: the receiver takes 1.5 s');
    await page.getByTestId('attempt').first().waitFor({ timeout: 10_000 });
    await page.getByTestId('delivery').locator('.badge-succeeded').first().waitFor();
    assert.ok(await stillUnreloaded(page));
  } finally {
    await context.close();
  }
});

test('search the log by type prefix and payload text', async () => {
  for (const [type, payload] of [['invoice.voided', { invoice: 7, customer: 'Globex' }], ['order.shipped', { order: 'ord_9', customer: 'Initech' }]] as const) {
    await call('POST', `/api/v1/app/${app}/msg`, { type, payload });
  }
  const { context, page } = await signedIn();
  try {
    await page.goto(`/apps/${app}/messages`);
    await page.getByTestId('log-row').first().waitFor();
    await page.getByLabel('Type starts with').fill('invoice.');
    await page.getByRole('button', { name: 'Search' }).click();
    await waitFor(async () => (await page.getByTestId('log-row').filter({ hasText: 'order.shipped' }).count()) === 0 && (await page.getByTestId('log-row').count()) > 0);
    assert.ok((await page.getByTestId('log-row').filter({ hasText: 'invoice.voided' }).count()) > 0);
    await page.getByLabel('Type starts with').fill('');
    await page.getByLabel('Payload contains').fill('initech');
    await page.getByRole('button', { name: 'Search' }).click();
    await waitFor(async () => {
      const rows = await page.getByTestId('log-row').allInnerTexts();
      return rows.length > 0 && rows.every((r) => r.includes('order.shipped'));
    }, { what: 'only the Initech message' });
    await shot(page, 'log-search');
  } finally {
    await context.close();
  }
});

test('endpoint cards show success rate, p50 latency and the last error; ids copy', async () => {
  const flaky = (await call('POST', `/api/v1/app/${app}/endpoint`, { url: `${rx.url}/flaky`, description: 'flaky receiver', filter_types: ['order.shipped'], retry_schedule: [0] })).body.id as string;
  for (const n of [1, 2, 3]) await call('POST', `/api/v1/app/${app}/msg`, { type: 'order.shipped', payload: { n } });
  await call('POST', `/api/v1/app/${app}/msg`, { type: 'order.shipped', payload: { fail: true } });
  await waitFor(async () => (await call('GET', `/api/v1/app/${app}/endpoint-health`)).body.data.find((d: { endpoint_id: string }) => d.endpoint_id === flaky)?.attempts === 4);
  const { context, page } = await signedIn();
  try {
    await page.goto(`/apps/${app}/endpoints`);
    const card = page.getByTestId('endpoint').filter({ hasText: 'flaky receiver' });
    await card.getByTestId('success-rate').filter({ hasText: '75.0%' }).waitFor();
    assert.match(await card.getByTestId('success-rate').innerText(), /75\.0% of 4/);
    assert.match(await card.getByTestId('p50').innerText(), /^\d+ ms$/);
    assert.match(await card.getByTestId('last-error').innerText(), /^503 · /);
    await card.getByRole('button', { name: `Copy ${flaky}` }).click();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), flaky);
    await shot(page, 'endpoint-health');
    // A message's payload copies too.
    await page.getByRole('link', { name: 'Message log' }).click();
    await page.getByTestId('log-row').first().getByRole('link').click();
    await page.getByRole('button', { name: 'Copy payload' }).click();
    assert.deepEqual(JSON.parse(await page.evaluate(() => navigator.clipboard.readText())), JSON.parse(await page.getByTestId('payload').innerText()));
  } finally {
    await context.close();
  }
});

test('delete asks first: endpoints, event types and applications', async () => {
  const doomed = (await call('POST', '/api/v1/app', { name: 'Doomed' })).body.id as string;
  await call('POST', `/api/v1/app/${doomed}/endpoint`, { url: `${rx.url}/doomed`, description: 'doomed endpoint' });
  await call('POST', '/api/v1/event-type', { name: 'doomed.type', description: 'to delete' });
  const { context, page } = await signedIn();
  const dialogs: string[] = [];
  let accept = false;
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void (accept ? d.accept() : d.dismiss());
  });
  try {
    await page.goto(`/apps/${doomed}/endpoints`);
    const card = page.getByTestId('endpoint').filter({ hasText: 'doomed endpoint' });
    await card.getByRole('button', { name: 'Delete' }).click();
    assert.match(dialogs.at(-1)!, /^Delete the endpoint .*\/doomed/);
    assert.equal(await card.count(), 1, 'dismissed: still there');
    accept = true;
    await card.getByRole('button', { name: 'Delete' }).click();
    await card.waitFor({ state: 'detached' });
    assert.equal((await call('GET', `/api/v1/app/${doomed}/endpoint`)).body.data.length, 0);

    await page.getByRole('link', { name: 'Event types' }).click();
    const type = page.locator('li.card').filter({ hasText: 'doomed.type' });
    await type.getByRole('button', { name: 'Delete' }).click();
    await type.waitFor({ state: 'detached' });
    assert.equal((await call('GET', '/api/v1/event-type/doomed.type')).status, 404);

    await page.getByRole('button', { name: 'Delete' }).first().click();
    assert.match(dialogs.at(-1)!, /^Delete the application "Doomed"/);
    await page.getByRole('heading', { name: 'Applications' }).waitFor();
    assert.equal((await call('GET', `/api/v1/app/${doomed}`)).status, 404);
    assert.equal(await page.getByRole('row').filter({ hasText: 'Doomed' }).count(), 0);
  } finally {
    await context.close();
  }
});

test('dark mode in the dashboard, kept across reloads', async () => {
  const { context, page } = await signedIn();
  try {
    await page.goto(`/apps/${app}/endpoints`);
    await page.getByLabel('Theme').selectOption('dark');
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
    assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor), 'rgb(13, 17, 23)');
    await page.reload();
    await page.getByRole('heading', { name: 'Endpoints' }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
    await shot(page, 'endpoints-dark');
    await page.getByLabel('Theme').selectOption('light');
    assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor), 'rgb(246, 247, 249)');
  } finally {
    await context.close();
  }
});

test('portal: branding, the event catalog with "send example", and only what customers act on', async () => {
  const { context, page } = await signedIn();
  try {
    // The operator brands the portal from the dashboard.
    await page.goto(`/apps/${app}/portal`);
    await page.getByLabel('Name').fill('Acme Webhooks');
    await page.getByLabel('Logo URL (https)').fill('https://acme.example.com/logo.svg');
    await page.getByLabel('Accent colour').fill('#0a7d4f');
    await page.getByLabel('Theme', { exact: true }).last().selectOption('dark');
    await page.getByRole('button', { name: 'Save branding' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    assert.deepEqual((await call('GET', '/api/v1/settings')).body.portal, {
      name: 'Acme Webhooks', logo_url: 'https://acme.example.com/logo.svg', accent_color: '#0a7d4f', theme: 'dark', show_delivery_settings: false,
    });
  } finally {
    await context.close();
  }
  const link = (await call('POST', `/api/v1/app/${app}/portal-link`, {})).body.url as string;
  const portalContext = await browser.newContext({ viewport: { width: 1280, height: 800 }, permissions: ['clipboard-read', 'clipboard-write'] });
  const portal = await portalContext.newPage();
  try {
    await portal.goto(link);
    await portal.getByTestId('portal-brand').filter({ hasText: 'Acme Webhooks' }).waitFor();
    assert.equal(await portal.getByTestId('portal-brand').locator('img').getAttribute('src'), 'https://acme.example.com/logo.svg');
    assert.equal(await portal.evaluate(() => document.documentElement.dataset.theme), 'dark');
    assert.equal(await portal.title(), 'Acme Webhooks');
    const accent = await portal.getByRole('button', { name: 'Create endpoint' }).evaluate((b) => getComputedStyle(b).backgroundColor);
    assert.equal(accent, 'rgb(10, 125, 79)');

    // What customers act on, and nothing of the delivery internals.
    await portal.getByTestId('endpoint').first().waitFor();
    for (const hidden of ['Signature scheme', 'Envelope', 'Kind']) assert.equal(await portal.getByLabel(hidden, { exact: true }).count(), 0, hidden);
    for (const shown of ['URL', 'Description', 'Event types (comma separated, empty for all)', 'Rate limit (per second, empty for none)']) await portal.getByLabel(shown, { exact: true }).waitFor();
    assert.ok(!(await portal.getByTestId('endpoint').first().innerText()).includes('scheme'));
    await portal.getByTestId('endpoint-health').first().waitFor();
    await shot(portal, 'portal-branded');

    // The catalog: types, descriptions, schemas, examples; send one.
    await portal.getByRole('link', { name: 'Event catalog' }).click();
    const paid = portal.getByTestId('catalog-entry').filter({ hasText: 'invoice.paid' });
    await paid.waitFor();
    assert.equal(await portal.getByTestId('catalog-entry').count(), 3);
    await paid.getByText('An invoice was paid in full').waitFor();
    assert.deepEqual(JSON.parse(await paid.getByTestId('catalog-example').innerText()), { invoice: 42 });
    await paid.locator('summary', { hasText: 'Schema' }).click();
    assert.deepEqual(JSON.parse(await paid.getByTestId('catalog-schema').innerText()).required, ['invoice']);
    assert.equal(await portal.getByTestId('catalog-entry').filter({ hasText: 'order.shipped' }).getByText('No example').count(), 1);
    await paid.getByLabel('to').selectOption({ label: `${rx.url}/slow` });
    const before = rx.received.filter((r) => r.path === '/slow').length;
    await paid.getByRole('button', { name: 'Send example' }).click();
    await paid.getByTestId('catalog-send-result').filter({ hasText: 'Delivered: 204' }).waitFor({ timeout: 10_000 });
    const sent = rx.received.filter((r) => r.path === '/slow').slice(before);
    assert.equal(sent.length, 1);
    assert.deepEqual(JSON.parse(sent[0]!.body).data, { invoice: 42 });
    await portal.getByLabel('Find an event type').fill('order');
    await waitFor(async () => (await portal.getByTestId('catalog-entry').count()) === 1);
    await portal.getByLabel('Find an event type').fill('');
    await shot(portal, 'portal-catalog');
  } finally {
    await portalContext.close();
  }

  // A tenant that shows delivery settings gives its customers the scheme and envelope choices.
  const settings = (await call('GET', '/api/v1/settings')).body.portal;
  await call('PATCH', '/api/v1/settings', { portal: { ...settings, show_delivery_settings: true, theme: 'light' } });
  const open = await browser.newContext();
  try {
    const page = await open.newPage();
    await page.goto((await call('POST', `/api/v1/app/${app}/portal-link`, {})).body.url);
    await page.getByLabel('Signature scheme', { exact: true }).waitFor();
    await page.getByLabel('Envelope', { exact: true }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'light');
  } finally {
    await open.close();
  }
});
