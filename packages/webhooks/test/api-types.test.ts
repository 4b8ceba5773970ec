import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { API_TYPES_FILE, generateApiTypes, servedDocument } from '../../../scripts/api-types.js';
import type { Endpoint, RotatedSecret, TenantWithKeys } from '../src/client.js';

test('the committed API types are what the served OpenAPI document generates', async () => {
  const generated = await generateApiTypes(await servedDocument());
  const committed = readFileSync(API_TYPES_FILE, 'utf8');
  if (committed !== generated) {
    const lines = [committed.split('\n'), generated.split('\n')] as const;
    const at = lines[0].findIndex((line, i) => line !== lines[1][i]);
    assert.fail(`packages/webhooks/src/api-types.ts is out of date (first difference at line ${at + 1}: ${JSON.stringify(lines[0][at])} vs ${JSON.stringify(lines[1][at])}); run \`npm run generate:api-types\``);
  }
});

test('the client answers in the server’s shapes (checked by the type-check, shown here)', () => {
  // What rotation returns: the endpoint, its new secret, when the old one stops (not an Endpoint).
  const rotated: RotatedSecret = { endpoint: {} as Endpoint, secret: 'whsec_x', public_key: 'whpk_x', previous_expire_at: '2026-12-01T00:00:00.000Z' };
  // @ts-expect-error a rotation answer is not an endpoint
  const notAnEndpoint: Endpoint = rotated;
  const tenant: Pick<TenantWithKeys, 'api_keys'> = { api_keys: { test: 'hk_test_x', live: 'hk_live_x' } };
  assert.ok(notAnEndpoint && tenant.api_keys.test);
});
