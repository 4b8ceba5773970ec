import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ASSETS } from '../paths.js';
import type { EnvelopeChoice } from '../envelopes/index.js';
import type { SchemeOptions } from '../signing/scheme.js';

/**
 * Provider presets are data: each JSON file beside this one configures an application like one
 * of the seed providers (scheme, envelope, timeout, retries, verification) and lists its event
 * types. Adding a provider is adding a file.
 */
export interface Preset {
  name: string;
  description: string;
  application: {
    signature_scheme: string;
    scheme_options: SchemeOptions;
    envelope: EnvelopeChoice;
    require_verification: boolean;
    default_timeout_seconds: number;
    retry_schedule: number[];
    message_id_prefix: 'msg' | 'evt';
    encrypt_data?: boolean;
  };
  event_types: { name: string; description: string; schema: Record<string, unknown>; example: unknown }[];
}

const DIR = ASSETS.presets;

export const PRESETS: Record<string, Preset> = Object.fromEntries(
  readdirSync(DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(DIR, f), 'utf8')) as Preset)
    .map((p) => [p.name, p]),
);
export const PRESET_NAMES = Object.keys(PRESETS) as [string, ...string[]];
