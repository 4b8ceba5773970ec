#!/usr/bin/env node
// Generates packages/webhooks/src/api-types.ts, the TypeScript types of Herald's API, from the
// OpenAPI document the server serves (openapi-typescript). The SDK's client, the dashboard and
// the CLI use them instead of restating the schemas by hand; a test fails when the committed
// file and the served document disagree. Run: npm run generate:api-types
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { createHerald, loadConfig } from '../packages/server/src/index.js';
import { makeLogger } from '../packages/server/src/logger.js';

export const API_TYPES_FILE = fileURLToPath(new URL('../packages/webhooks/src/api-types.ts', import.meta.url));

const HEADER = `/**
 * Herald's API types, generated from its OpenAPI document by scripts/api-types.ts
 * (openapi-typescript). Do not edit: run \`npm run generate:api-types\`.
 */
`;

/** The document a default Herald serves (a throw-away SQLite data dir, nothing listening). */
export async function servedDocument(): Promise<Record<string, unknown>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'herald-openapi-'));
  const herald = await createHerald({ ...loadConfig({}, { dataDir }), adminToken: 'unused', logLevel: 'silent' }, { logger: makeLogger('silent') });
  try {
    const res = await herald.api.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    return JSON.parse(res.body) as Record<string, unknown>;
  } finally {
    await herald.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function generateApiTypes(document: Record<string, unknown>): Promise<string> {
  // The server URL is wherever the document was read; the types do not depend on it.
  const { servers: _servers, ...portable } = document;
  return HEADER + astToString(await openapiTS(portable as never, { alphabetize: true }));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(API_TYPES_FILE, await generateApiTypes(await servedDocument()));
  console.error(`wrote ${API_TYPES_FILE}`);
}
