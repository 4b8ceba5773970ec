// The API reference at /docs in real Chromium: rendered by the bundled Scalar from the live
// OpenAPI document, with nothing fetched from any other origin.
import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../server/test/browser.js';
import { startHerald, type TestHerald } from '../../server/test/helpers.js';

let h: TestHerald;
let browser: Browser;

before(async () => {
  h = await startHerald();
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await h?.close();
});

test('/docs renders the API reference from the live document, from this origin only', async () => {
  const page = await browser.newPage();
  const elsewhere: string[] = [];
  const errors: string[] = [];
  await page.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.origin === h.url) return route.continue();
    elsewhere.push(url.href);
    return route.abort();
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  const documentRequest = page.waitForRequest(`${h.url}/api/v1/openapi.json`);
  const res = await page.goto(`${h.url}/docs`);
  assert.equal(res?.status(), 200);
  assert.match(res?.headers()['content-security-policy'] ?? '', /connect-src 'self'/);
  await documentRequest;
  // Open the messages section in the sidebar and go to the publish operation, as a reader would.
  await page.getByText('messages', { exact: true }).first().click();
  const publish = page.getByText('Publish a message to every subscribed, enabled endpoint of the application');
  await publish.first().click({ timeout: 30_000 });
  // The operation's own section: its heading, its path and its longer description.
  await page.getByRole('heading', { name: 'Publish a message to every subscribed, enabled endpoint of the application' }).waitFor({ timeout: 30_000 });
  await page.getByText('/api/v1/app/{app}/msg', { exact: true }).first().waitFor();
  await page.getByText('means the message and one delivery per subscribed, enabled endpoint are committed').first().waitFor();
  await page.screenshot({ path: join(tmpdir(), 'herald-docs.png') });
  assert.deepEqual(elsewhere, []);
  assert.deepEqual(errors.filter((e) => /Content Security Policy|Refused to/.test(e)), []);
  await page.close();
});

test('/redoc, /reference and /api/v1/docs lead to /docs; /docs/ is the page, not the dashboard', async () => {
  assert.match(await (await fetch(`${h.url}/docs/`)).text(), /Herald API reference/);
  for (const alias of ['/redoc', '/reference', '/api/v1/docs']) {
    const res = await fetch(`${h.url}${alias}`, { redirect: 'manual' });
    assert.equal(res.status, 301, alias);
    assert.equal(res.headers.get('location'), '/docs');
  }
  const script = await fetch(`${h.url}/docs/api-reference.js`);
  assert.equal(script.status, 200);
  assert.match(script.headers.get('content-type') ?? '', /javascript/);
  const missing = await fetch(`${h.url}/docs/nope`, { headers: { accept: 'text/html' } });
  assert.equal(missing.status, 404);
});
