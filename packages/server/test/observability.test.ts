import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { parse } from 'yaml';
import { createAppAndEndpoint, createTenant, startHerald, startReceiver, waitFor, type Receiver, type TestHerald } from './helpers.js';

const ROOT = new URL('../../../', import.meta.url);
const ALERTS = new URL('deploy/prometheus/herald-alerts.yml', ROOT);
const DASHBOARD = new URL('deploy/grafana/herald-dashboard.json', ROOT);

/** Metric names a PromQL expression reads (histogram series by their family name). */
function metricNames(expr: string): string[] {
  return [...expr.matchAll(/\bherald_[a-z0-9_]+/g)].map((m) => m[0].replace(/_(bucket|sum|count)$/, ''));
}

/** Families a scrape exposes, by their # TYPE lines. */
const families = (text: string) => new Set([...text.matchAll(/^# TYPE (\S+) /gm)].map((m) => m[1]!));

/** The value of the one sample of `text` whose name and labels match exactly, or undefined. */
function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  for (const line of text.split('\n')) {
    const m = /^([a-z_:]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const got = Object.fromEntries([...(m[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((l) => [l[1], l[2]]));
    if (Object.keys(labels).length === Object.keys(got).length && Object.entries(labels).every(([k, v]) => got[k] === v)) return Number(m[3]);
  }
  return undefined;
}

describe('metrics for running it', () => {
  let h: TestHerald;
  let rx: Receiver;
  let scrape: () => Promise<string>;
  let appId: string;
  let endpointId: string;
  before(async () => {
    h = await startHerald({ security: { metricsEndpointLabels: true, metricsAppLabels: true } });
    rx = await startReceiver();
    scrape = async () => (await h.call('GET', '/metrics', { token: 'test-admin-token' })).body as string;
    const t = await createTenant(h);
    ({ appId, endpointId } = await createAppAndEndpoint(h, t.test, `${rx.url}/metrics`));
    assert.equal((await h.call('POST', `/api/v1/app/${appId}/msg`, { token: t.test, body: { type: 'm', payload: {} } })).status, 202);
    await waitFor(() => rx.received.length === 1);
    await h.call('GET', '/api/v1/no/such/route/msg_123', { token: t.test });
  });
  after(async () => {
    await rx.close();
    await h.close();
  });

  test('API requests by method, route pattern and status; unmatched paths share one series', async () => {
    const text = await waitFor(async () => {
      const t = await scrape();
      return sample(t, 'herald_http_requests_total', { method: 'POST', route: '/api/v1/app/:app/msg', status: '202' }) === 1 ? t : null;
    });
    assert.equal(sample(text, 'herald_http_request_duration_seconds_count', { method: 'POST', route: '/api/v1/app/:app/msg' }), 1);
    assert.equal(sample(text, 'herald_http_requests_total', { method: 'GET', route: 'unmatched', status: '404' }), 1);
    const routes = text.split('\n').filter((l) => l.startsWith('herald_http_request'));
    assert.ok(routes.length > 0 && routes.every((l) => !l.includes('msg_123') && !l.includes(appId)), 'no ids in route labels');
  });

  test('store calls timed by operation: claims, outcome batches, publishes, scrapes', async () => {
    await waitFor(async () => (sample(await scrape(), 'herald_store_call_duration_seconds_count', { op: 'recordOutcomes' }) ?? 0) >= 1);
    const text = await scrape();
    for (const op of ['claimDue', 'queueStats']) {
      assert.ok((sample(text, 'herald_store_call_duration_seconds_count', { op }) ?? 0) >= 1, `${op} timed`);
    }
    const publishes = ['publish', 'publishBatch'].map((op) => sample(text, 'herald_store_call_duration_seconds_count', { op }) ?? 0);
    assert.equal(publishes[0]! + publishes[1]!, 1, 'the one publish, alone or as a group commit');
    assert.equal(sample(text, 'herald_queue_oldest_due_age_seconds', {}), 0, 'nothing waits');
  });

  test('attempts per application when asked; the series of a deleted endpoint and of its idle application are dropped', async () => {
    const text = await scrape();
    assert.equal(sample(text, 'herald_app_delivery_attempts_total', { app_id: appId, outcome: 'succeeded' }), 1);
    assert.equal(sample(text, 'herald_app_attempt_duration_seconds_count', { app_id: appId }), 1);
    assert.equal(sample(text, 'herald_endpoint_in_flight', { endpoint_id: endpointId }), 0);
    const short = await startHerald({ security: { metricsEndpointLabels: true, metricsAppLabels: true, metricsIdleSeriesMs: 3000 } });
    const scrapeShort = async () => (await short.call('GET', '/metrics', { token: 'test-admin-token' })).body as string;
    try {
      const t = await createTenant(short);
      const { appId: app, endpointId: ep } = await createAppAndEndpoint(short, t.test, `${rx.url}/idle`);
      const before = rx.received.length;
      assert.equal((await short.call('POST', `/api/v1/app/${app}/msg`, { token: t.test, body: { type: 'm', payload: {} } })).status, 202);
      await waitFor(() => rx.received.length === before + 1);
      const fresh = await waitFor(async () => {
        const s = await scrapeShort();
        return sample(s, 'herald_app_delivery_attempts_total', { app_id: app, outcome: 'succeeded' }) === 1 ? s : null;
      });
      assert.equal(sample(fresh, 'herald_endpoint_in_flight', { endpoint_id: ep }), 0);
      assert.equal((await short.call('DELETE', `/api/v1/app/${app}/endpoint/${ep}`, { token: t.test })).status, 204);
      // HERALD_METRICS_IDLE_SERIES (3 s here): the deleted endpoint gets no more attempts, so its series go.
      const later = await waitFor(async () => {
        const s = await scrapeShort();
        return sample(s, 'herald_endpoint_in_flight', { endpoint_id: ep }) === undefined ? s : null;
      }, { timeoutMs: 15_000 });
      assert.equal(sample(later, 'herald_app_delivery_attempts_total', { app_id: app, outcome: 'succeeded' }), undefined);
      assert.equal(sample(later, 'herald_app_attempt_duration_seconds_count', { app_id: app }), undefined);
      assert.equal(sample(later, 'herald_delivery_attempts_total', { outcome: 'succeeded' }), 1, 'the totals stay');
    } finally {
      await short.close();
    }
  });

  test('per-application series are off by default', async () => {
    const plain = await startHerald();
    try {
      const text = (await plain.call('GET', '/metrics', { token: 'test-admin-token' })).body as string;
      assert.ok(!families(text).has('herald_app_delivery_attempts_total'));
      assert.ok(families(text).has('herald_in_flight'));
    } finally {
      await plain.close();
    }
  });

  test('every metric the Grafana dashboard and the alert rules name is exposed', async () => {
    const exposed = families(await scrape());
    const dashboard = JSON.parse(readFileSync(DASHBOARD, 'utf8')) as { panels: { title: string; targets?: { expr: string }[] }[] };
    const rules = (parse(readFileSync(ALERTS, 'utf8')) as { groups: { rules: { alert: string; expr: string }[] }[] }).groups.flatMap((g) => g.rules);
    const exprs = [
      ...dashboard.panels.flatMap((p) => (p.targets ?? []).map((t) => [`dashboard "${p.title}"`, t.expr] as const)),
      ...rules.map((r) => [`alert ${r.alert}`, r.expr] as const),
    ];
    assert.ok(rules.length >= 5 && dashboard.panels.length >= 15, 'the files are there and not empty');
    for (const [where, expr] of exprs) {
      const names = metricNames(expr);
      assert.ok(names.length > 0, `${where} names a Herald metric`);
      // The in-flight total exists in one of its two forms, whichever the labels option picked.
      for (const name of names) if (name !== 'herald_in_flight') assert.ok(exposed.has(name), `${where}: ${name} is not in /metrics`);
    }
    for (const needed of ['herald_queue_oldest_due_age_seconds', 'herald_delivery_attempts_total', 'herald_endpoints_disabled_total']) {
      assert.ok(rules.some((r) => r.expr.includes(needed)), `an alert on ${needed}`);
    }
  });

  test('promtool accepts the alert rules (where Debian\'s prometheus is installed)', (t) => {
    if (!existsSync('/usr/bin/promtool')) {
      t.diagnostic('promtool not installed (apt-get install prometheus): rules checked by the test above only');
      return;
    }
    const r = spawnSync('/usr/bin/promtool', ['check', 'rules', ALERTS.pathname], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /SUCCESS: \d+ rules found/);
  });
});
