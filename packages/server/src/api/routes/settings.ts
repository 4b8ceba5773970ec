import { Type } from '@sinclair/typebox';
import { unprocessable } from '../../errors.js';
import { newId } from '../../ids.js';
import { PRESETS, type Preset } from '../../presets/index.js';
import type { ApplicationPatch, EnvironmentSettings, EventTypeRow, Scope, Store } from '../../store/types.js';
import type { Api, ApiContext } from '../context.js';
import { Envelope, PortalSettings, PresetName, SchemeName, SchemeOptions, errorResponses } from '../schemas.js';

/** A preset as application settings (store units). */
export function presetSettings(p: Preset): ApplicationPatch {
  const { default_timeout_seconds, ...rest } = p.application;
  return { ...rest, default_timeout_ms: default_timeout_seconds * 1000, preset: p.name };
}

/** What an environment's settings mean for a new application: its preset, overlaid with explicit choices. */
export function environmentDefaults(settings: EnvironmentSettings): ApplicationPatch {
  const patch: ApplicationPatch = settings.preset && PRESETS[settings.preset] ? presetSettings(PRESETS[settings.preset]!) : {};
  if (settings.signature_scheme) patch.signature_scheme = settings.signature_scheme;
  if (settings.scheme_options) patch.scheme_options = settings.scheme_options;
  if (settings.envelope) patch.envelope = settings.envelope;
  return patch;
}

export async function installEventTypes(store: Store, scope: Scope, p: Preset): Promise<string[]> {
  const now = Date.now();
  const rows: EventTypeRow[] = p.event_types.map((et) => ({
    id: newId('et', now),
    name: et.name,
    description: et.description,
    schema: et.schema,
    example: et.example,
    archived: false,
    created_at: now,
    updated_at: now,
  }));
  return store.ensureEventTypes(scope, rows);
}

const Settings = Type.Object({
  preset: Type.Union([PresetName, Type.Null()], { description: "A provider preset: new applications start from it and its event types are installed" }),
  operational_app: Type.Union([Type.String({ minLength: 1, maxLength: 256 }), Type.Null()], {
    description: 'Application (id or uid) whose endpoints receive endpoint.* and message.attempt.* operational events',
  }),
  signature_scheme: Type.Union([SchemeName, Type.Null()]),
  scheme_options: Type.Union([SchemeOptions, Type.Null()]),
  envelope: Type.Union([Envelope, Type.Null()]),
  portal: Type.Union([PortalSettings, Type.Null()], { description: "The customer portal's branding and what it shows customers" }),
});

/**
 * Environment settings: the contract a tenant (a provider) speaks, set once. New applications
 * and `POST /webhooks/test` start from it; applications and endpoints can still override.
 */
export function settingsRoutes(app: Api, { store }: ApiContext): void {
  const tags = ['settings'];
  app.get('/settings', { schema: { tags, summary: "This environment's delivery defaults", response: { 200: Settings, ...errorResponses } } }, async (req) =>
    store.getEnvironmentSettings(req.scope),
  );
  app.patch(
    '/settings',
    {
      schema: {
        tags,
        summary: "Set this environment's delivery defaults; setting a preset installs its event types",
        body: Type.Partial(Settings, { additionalProperties: false }),
        response: { 200: Type.Composite([Settings, Type.Object({ event_types_created: Type.Array(Type.String()) })]), ...errorResponses },
      },
    },
    async (req) => {
      const merged: EnvironmentSettings = { ...(await store.getEnvironmentSettings(req.scope)), ...req.body } as EnvironmentSettings;
      if (merged.operational_app && !(await store.getApplication(req.scope, merged.operational_app))) {
        throw unprocessable(`operational_app: no application "${merged.operational_app}" in this environment`, [{ field: 'body.operational_app', message: 'is not an application here' }]);
      }
      await store.putEnvironmentSettings(req.scope, merged, Date.now());
      const created = merged.preset ? await installEventTypes(store, req.scope, PRESETS[merged.preset]!) : [];
      return { ...merged, event_types_created: created };
    },
  );
}
