// The dashboard and the customer portal in real Chromium (Debian's /usr/bin/chromium driven by
// playwright-core) against a real Herald and a real receiver on 127.0.0.1.
// HERALD_SCREENSHOTS=docs/screenshots also saves the main pages at 1280 px and 390 px.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../../server/test/browser.js';
import { shot } from './screenshots.js';
import { Webhook } from '@herald/webhooks';
import { createTenant, startHerald, startReceiver, waitFor, type Receiver, type TestHerald } from '../../server/test/helpers.js';

let h: TestHerald;
let rx: Receiver;
let browser: Browser;
let tenant: Awaited<ReturnType<typeof createTenant>>;
let appA: string;
let appB: string;

before(async () => {
  h = await startHerald();
  rx = await startReceiver((r, res) =>
    r.path === '/fail' ? void res.writeHead(500).end('down for maintenance') : void res.writeHead(200, { 'content-type': 'application/json' }).end('{"received":true}'),
  );
  tenant = await createTenant(h, 'Acme');
  const key = { token: tenant.test };
  appA = (await h.call('POST', '/api/v1/app', { ...key, body: { name: 'Orders' } })).body.id;
  appB = (await h.call('POST', '/api/v1/app', { ...key, body: { name: 'Billing' } })).body.id;
  await h.call('POST', `/api/v1/app/${appB}/endpoint`, { ...key, body: { url: `${rx.url}/billing-only`, description: 'belongs to Billing' } });
  await h.call('POST', '/api/v1/event-type', { ...key, body: { name: 'order.created', description: 'An order was placed', example: { order_id: 'ord_example', total: 42 } } });
  // One attempt only, so its deliveries fail at once (for bulk retry).
  await h.call('POST', `/api/v1/app/${appA}/endpoint`, { ...key, body: { url: `${rx.url}/fail`, filter_types: ['order.failed'], retry_schedule: [0] } });
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await rx?.close();
  await h?.close();
});

async function newPage(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, baseURL: h.url, permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  page.on('dialog', (d) => void d.accept());
  return { context, page };
}

test('operator: sign in by keyboard, create an endpoint and copy its secret, see the delivery and its attempt, resend, rotate, test-send, open a portal link', async () => {
  const { context, page } = await newPage();
  try {
    await page.goto('/');
    await page.getByLabel('Admin token or API key').waitFor();
    await shot(page, 'login');
    // Keyboard only: the token field has focus, Enter submits.
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'token');
    await page.keyboard.type('not-a-key');
    await page.keyboard.press('Enter');
    await page.getByRole('alert').filter({ hasText: 'Unauthorized: That is neither the admin token nor a valid API key' }).waitFor();
    await page.getByLabel('Admin token or API key').fill(tenant.test);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Applications' }).waitFor();
    // An application configured like a known provider.
    await page.getByLabel('New application').fill('Intake');
    await page.getByLabel('Provider preset').selectOption('klarefi');
    await page.getByRole('button', { name: 'Create', exact: true }).click();
    await page.getByRole('row').filter({ hasText: 'Intake' }).filter({ hasText: 'klarefi' }).waitFor();
    await shot(page, 'applications');

    await page.getByRole('link', { name: 'Orders' }).click();
    await page.getByRole('heading', { name: 'Endpoints' }).waitFor();
    await page.getByLabel('URL').fill(`${rx.url}/orders`);
    await page.getByLabel('Description').fill('Order service');
    await page.getByRole('button', { name: 'Create endpoint' }).click();
    const secret = (await page.getByTestId('secret').textContent())!;
    assert.match(secret, /^whsec_/);
    await page.getByRole('button', { name: 'Copy secret' }).click();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), secret);
    await shot(page, 'endpoints');
    await page.getByRole('button', { name: 'Done' }).click();
    // Masked from now on.
    assert.ok(!(await page.content()).includes(secret));

    // A published message arrives, signed with the secret the page handed out.
    const published = await h.call('POST', `/api/v1/app/${appA}/msg`, { token: tenant.test, body: { type: 'order.created', payload: { order_id: 'ord_1', total: 99 } } });
    assert.equal(published.status, 202);
    const first = await waitFor(() => rx.received.find((r) => r.path === '/orders'), { what: 'the delivery' });
    await new Webhook(secret).verify(first.body, first.headers as Record<string, string>);

    // The message log shows it; its page shows the payload and the attempt with the response.
    await page.getByRole('link', { name: 'Message log' }).click();
    await waitFor(async () => {
      await page.getByRole('button', { name: 'Refresh' }).click();
      return (await page.getByTestId('log-row').filter({ hasText: 'succeeded' }).count()) > 0;
    }, { what: 'the log row', timeoutMs: 15_000, intervalMs: 300 });
    await shot(page, 'message-log');
    await page.getByRole('link', { name: published.body.id }).click();
    await page.getByTestId('payload').filter({ hasText: 'ord_1' }).waitFor();
    await page.getByTestId('attempt').first().locator('summary').click();
    await page.getByTestId('response-body').filter({ hasText: '{"received":true}' }).waitFor();
    assert.match(await page.getByTestId('attempt').first().textContent() ?? '', /webhook-signature/);
    await shot(page, 'message');

    // Resend: a second request reaches the receiver.
    await page.getByRole('button', { name: 'Resend' }).click();
    await waitFor(() => rx.received.filter((r) => r.path === '/orders').length >= 2, { what: 'the resend' });

    // Search by id and by status.
    await page.getByRole('link', { name: '← Message log' }).click();
    await page.getByLabel('Message id').fill(published.body.id);
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByTestId('log-row').first().waitFor();
    assert.equal(await page.getByTestId('log-row').count(), 1);

    // Rotate: a new secret, shown once, and it signs from now on.
    await page.getByRole('link', { name: 'Endpoints' }).click();
    const card = page.getByTestId('endpoint').filter({ hasText: '/orders' });
    await card.getByRole('button', { name: 'Rotate secret' }).click();
    const rotated = (await page.getByTestId('secret').textContent())!;
    assert.match(rotated, /^whsec_/);
    // The banner names the endpoint (it read "Signing secret for" and a blank before).
    await page.getByRole('status').filter({ hasText: `Signing secret for ${rx.url}/orders — copy it now` }).waitFor();
    assert.notEqual(rotated, secret);
    await page.getByRole('button', { name: 'Done' }).click();

    // Send a test event (the event type's example) and see the receiver's answer.
    await card.getByLabel('Event type to send').selectOption('order.created');
    await card.getByRole('button', { name: 'Send test event' }).click();
    await card.getByTestId('send-result').filter({ hasText: 'Delivered: 200' }).waitFor();
    const example = rx.received.filter((r) => r.path === '/orders').at(-1)!;
    assert.match(example.body, /ord_example/);
    await new Webhook(rotated).verify(example.body, example.headers as Record<string, string>);

    // Edit the endpoint; verify it (this receiver does not echo the challenge).
    await card.getByRole('button', { name: 'Edit' }).click();
    await card.getByLabel('Description').fill('Order service, v2');
    await card.getByRole('button', { name: 'Save' }).click();
    await page.getByTestId('endpoint').filter({ hasText: 'Order service, v2' }).waitFor();
    await card.getByRole('button', { name: 'Verify' }).click();
    await card.getByTestId('verify-result').filter({ hasText: 'Not verified' }).waitFor();

    // Bulk retry of failed deliveries, with progress.
    await h.call('POST', `/api/v1/app/${appA}/msg`, { token: tenant.test, body: { type: 'order.failed', payload: { order_id: 'ord_2' } } });
    await waitFor(() => rx.received.some((r) => r.path === '/fail'), { what: 'the failing delivery' });
    await page.getByRole('link', { name: 'Message log' }).click();
    await page.getByLabel('Status').selectOption('failed');
    await waitFor(async () => {
      await page.getByRole('button', { name: 'Search' }).click();
      return (await page.getByTestId('log-row').filter({ hasText: 'failed' }).count()) > 0;
    }, { what: 'the failed delivery in the log', timeoutMs: 15_000, intervalMs: 300 });
    await page.getByRole('button', { name: 'Retry 1 failed' }).click();
    await page.getByTestId('bulk-progress').filter({ hasText: 'Retried 1' }).waitFor();
    await waitFor(() => rx.received.filter((r) => r.path === '/fail').length >= 2, { what: 'the retried delivery' });

    // Overview chart renders.
    await page.getByRole('link', { name: 'Overview' }).click();
    await page.getByRole('img', { name: 'Deliveries by status' }).waitFor();
    await page.getByRole('img', { name: 'Attempt latency over time per endpoint' }).waitFor();
    await page.getByRole('img', { name: 'Success rate over time per endpoint' }).waitFor();
    await shot(page, 'overview');

    // A portal link for this application…
    await page.getByRole('link', { name: 'Portal link' }).click();
    await page.getByRole('button', { name: 'Create portal link' }).click();
    const link = (await page.getByTestId('portal-link').getAttribute('href'))!;
    assert.ok(link.includes('/portal#'));

    // Sign out: the session is gone.
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.getByLabel('Admin token or API key').waitFor();
    assert.equal(await page.evaluate(async () => (await fetch('/api/v1/app')).status), 401);

    await portal(link);
  } finally {
    await context.close();
  }
});

/** In a fresh browser (no operator cookies): only the linked application is reachable. */
async function portal(link: string): Promise<void> {
  const { context, page } = await newPage();
  try {
    await page.goto(link);
    await page.getByRole('heading', { name: 'Orders' }).waitFor();
    await page.getByTestId('endpoint').filter({ hasText: '/orders' }).waitFor();
    assert.ok(!page.url().includes('#'), 'the token leaves the address bar');
    assert.equal(await page.getByRole('link', { name: 'Portal link' }).count(), 0);
    assert.ok(!(await page.content()).includes('billing-only'));
    await shot(page, 'portal');
    // The portal authenticates with its link's token in a header (no cookie): ask as it does.
    const status = (path: string) =>
      page.evaluate(async (p) => (await fetch(p, { headers: { authorization: `Portal ${sessionStorage.getItem('herald.portal')}` } })).status, path);
    assert.equal(await page.evaluate(async () => (await fetch('/api/v1/app')).status), 401, 'no ambient credential');
    assert.equal(await status(`/api/v1/app/${appA}/endpoint`), 200);
    assert.equal(await status(`/api/v1/app/${appB}/endpoint`), 404);
    assert.equal(await status(`/api/v1/app/${appB}`), 404);
    assert.equal(await status('/api/v1/app'), 404);
    assert.equal(await status('/api/v1/tenants'), 401);
    // Even a hand-made link to the other application's page shows nothing of it.
    await page.goto(`/apps/${appB}/endpoints`);
    await page.waitForLoadState('networkidle');
    assert.ok(!(await page.content()).includes('billing-only'));
    // The portal's message log works for its own application.
    await page.goto('/portal/messages');
    await page.getByTestId('log-row').first().waitFor();
  } finally {
    await context.close();
  }
  await embedded(link);
}

/** The portal inside an iframe on another site (the tenant's own app), as it is meant to be used. */
async function embedded(link: string): Promise<void> {
  const host = createServer((_req, res) => void res.writeHead(200, { 'content-type': 'text/html' }).end(`<h1>Tenant app</h1><iframe title="Webhooks" src="${link}" width="1000" height="700"></iframe>`));
  await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
  const { context, page } = await newPage();
  try {
    // localhost vs 127.0.0.1: a different site, so the frame is third-party.
    await page.goto(`http://localhost:${(host.address() as AddressInfo).port}/`);
    const frame = page.frameLocator('iframe[title="Webhooks"]');
    await frame.getByTestId('endpoint').filter({ hasText: '/orders' }).waitFor();
    await frame.getByRole('link', { name: 'Message log' }).click();
    await frame.getByTestId('log-row').first().waitFor();
    await shot(page, 'portal-embedded');
  } finally {
    await context.close();
    host.closeAllConnections();
    await new Promise((r) => host.close(r));
  }
}

test('portal links are listed and revoked from the dashboard; a revoked link opens nothing', async () => {
  const { context, page } = await newPage();
  try {
    await page.goto('/');
    await page.getByLabel('Admin token or API key').fill(tenant.test);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'Billing' }).click();
    await page.getByRole('link', { name: 'Portal link' }).click();
    await page.getByLabel(/Read-only/).check();
    await page.getByRole('button', { name: 'Create portal link' }).click();
    const link = (await page.getByTestId('portal-link').getAttribute('href'))!;
    const row = page.getByTestId('portal-link-row').filter({ hasText: 'read-only' }).first();
    await row.waitFor();
    await row.getByRole('button', { name: /^Revoke plk_/ }).click();
    await row.filter({ hasText: 'revoked' }).waitFor();
    // A fresh browser with the revoked link: the portal says so and shows nothing.
    const other = await newPage();
    try {
      await other.page.goto(link);
      await other.page.getByRole('alert').filter({ hasText: /revoked|expired|invalid/ }).waitFor();
      assert.ok(!(await other.page.content()).includes('billing-only'));
    } finally {
      await other.context.close();
    }
  } finally {
    await context.close();
  }
});

test('sign out everywhere ends the sessions of other browsers', async () => {
  const { context, page } = await newPage();
  const elsewhere = await newPage();
  try {
    assert.equal((await elsewhere.context.request.post('/api/v1/session', { data: { token: tenant.test } })).status(), 201);
    assert.equal((await elsewhere.context.request.get('/api/v1/app')).status(), 200);
    await page.goto('/');
    await page.getByLabel('Admin token or API key').fill(tenant.test);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Applications' }).waitFor();
    await page.getByRole('button', { name: 'Sign out everywhere' }).click();
    await page.getByLabel('Admin token or API key').waitFor();
    assert.equal((await elsewhere.context.request.get('/api/v1/app')).status(), 401, 'the other browser is signed out too');
    assert.equal(await page.evaluate(async () => (await fetch('/api/v1/app')).status), 401);
  } finally {
    await elsewhere.context.close();
    await context.close();
  }
});

test('the pages work at 390 px and every form field has a label', async () => {
  const { context, page } = await newPage();
  try {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/');
    await page.getByLabel('Admin token or API key').fill(tenant.test);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'Orders' }).click();
    await page.getByRole('heading', { name: 'Endpoints' }).waitFor();
    // Measure the loaded page, not whatever state it is in while the list is still on its way.
    await page.getByTestId('endpoint').first().waitFor();
    const unlabelled = await page.evaluate(() =>
      Array.from(document.querySelectorAll('input, select, textarea')).filter((el) => !(el as HTMLInputElement).labels?.length && !el.getAttribute('aria-label')).map((el) => el.outerHTML),
    );
    assert.deepEqual(unlabelled, []);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    // Name what sticks out, so a failure says where to look.
    const wide = await page.evaluate(() =>
      Array.from(document.querySelectorAll('body *'))
        .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
        .slice(0, 5)
        .map((el) => `${el.tagName.toLowerCase()}.${el.className} (${Math.round(el.getBoundingClientRect().right)} px)`),
    );
    assert.ok(overflow <= 1, `the page scrolls sideways by ${overflow} px at 390 px: ${wide.join(', ')}`);
  } finally {
    await context.close();
  }
});

test('an endpoint paused by back-pressure shows "Throttled until …" on its card', async () => {
  const key = { token: tenant.test };
  const appId = (await h.call('POST', '/api/v1/app', { ...key, body: { name: 'Throttled' } })).body.id;
  const previous = rx.handler;
  rx.handler = (r, res) => (r.path === '/slow-down' ? void res.writeHead(429, { 'retry-after': '600' }).end('slow down') : previous(r, res));
  const ep = (await h.call('POST', `/api/v1/app/${appId}/endpoint`, { ...key, body: { url: `${rx.url}/slow-down` } })).body;
  await h.call('POST', `/api/v1/app/${appId}/msg`, { ...key, body: { type: 'order.created', payload: {} } });
  await waitFor(async () => (await h.call('GET', `/api/v1/app/${appId}/endpoint/${ep.id}`, key)).body.throttled_until);
  const { context, page } = await newPage();
  try {
    await page.goto('/');
    await page.getByLabel('Admin token or API key').fill(tenant.test);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Applications' }).waitFor();
    await page.goto(`/apps/${appId}/endpoints`);
    const note = page.getByTestId('endpoint').filter({ hasText: '/slow-down' }).getByTestId('throttled');
    await note.waitFor();
    assert.match(await note.innerText(), /Throttled until .*rate_limited/);
  } finally {
    rx.handler = previous;
    await context.close();
  }
});
