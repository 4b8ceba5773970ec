import { Type } from '@sinclair/typebox';
import { notFound, orConflict, quotaExceeded } from '../../errors.js';
import { newId } from '../../ids.js';
import { PRESETS } from '../../presets/index.js';
import type { ApplicationPatch as StorePatch, ApplicationRow } from '../../store/types.js';
import { loadApp, type Api, type ApiContext } from '../context.js';
import { present } from '../present.js';
import { AppParams, Application, ApplicationIn, ApplicationPatch, Page, PageQuery, PresetName, errorResponses } from '../schemas.js';
import { environmentDefaults, installEventTypes, presetSettings } from './settings.js';

type SettingsInput = { default_timeout_seconds?: number | null } & Partial<Omit<StorePatch, 'default_timeout_ms'>>;

/** API settings (seconds) → store columns (ms); undefined stays undefined so a patch only sets what was sent. */
function toStorePatch({ default_timeout_seconds, ...rest }: SettingsInput): StorePatch {
  const patch: StorePatch = { ...rest };
  if (default_timeout_seconds !== undefined) patch.default_timeout_ms = default_timeout_seconds === null ? null : default_timeout_seconds * 1000;
  return patch;
}

const DEFAULTS: Omit<ApplicationRow, 'id' | 'name' | 'uid' | 'created_at' | 'updated_at'> = {
  retry_schedule: null,
  metadata: {},
  signature_scheme: 'standard',
  scheme_options: {},
  envelope: 'standard',
  require_verification: false,
  default_timeout_ms: null,
  message_id_prefix: 'msg',
  encrypt_data: false,
  preset: null,
};

/** Applications: one per customer of the tenant; `{app}` in paths is the `app_…` id or your uid. */
export function applicationRoutes(app: Api, { store, limits }: ApiContext): void {
  const tags = ['applications'];
  app.post(
    '/app',
    {
      schema: {
        tags,
        summary: "Create an application; it starts from the environment's settings, `preset` configures it like a known provider",
        body: ApplicationIn,
        response: { 201: Application, ...errorResponses },
      },
    },
    async (req, reply) => {
      const now = Date.now();
      const { preset: presetName, name, uid, ...settings } = req.body;
      const preset = presetName ? PRESETS[presetName]! : null;
      const row: ApplicationRow = {
        id: newId('app', now),
        name,
        uid: uid ?? null,
        ...DEFAULTS,
        ...environmentDefaults(await store.getEnvironmentSettings(req.scope)),
        ...(preset ? presetSettings(preset) : {}),
        ...toStorePatch(settings as SettingsInput),
        created_at: now,
        updated_at: now,
      };
      const max = (await limits.for(req.scope.tenant_id)).max_applications;
      if (!(await orConflict(store.createApplication(req.scope, row, max), `An application with uid "${row.uid}" already exists`))) {
        throw quotaExceeded(`This environment already has ${max} applications, the most this tenant may have; delete one first`);
      }
      if (preset) await installEventTypes(store, req.scope, preset);
      return reply.code(201).send(present.application(row));
    },
  );

  app.get('/app', { schema: { tags, summary: 'List applications', querystring: PageQuery, response: { 200: Page(Application), ...errorResponses } } }, async (req) =>
    present.page(await store.listApplications(req.scope, req.query), present.application),
  );

  app.get('/app/:app', { schema: { tags, summary: 'Get an application', params: AppParams, response: { 200: Application, ...errorResponses } } }, async (req) =>
    present.application(await loadApp(store, req.scope, req.params.app)),
  );

  app.patch(
    '/app/:app',
    { schema: { tags, summary: 'Update an application', params: AppParams, body: ApplicationPatch, response: { 200: Application, ...errorResponses } } },
    async (req) => {
      const current = await loadApp(store, req.scope, req.params.app);
      const updated = await orConflict(
        store.updateApplication(req.scope, current.id, toStorePatch(req.body as SettingsInput), Date.now()),
        `An application with uid "${req.body.uid}" already exists`,
      );
      if (!updated) throw notFound('Application', req.params.app);
      return present.application(updated);
    },
  );

  app.post(
    '/app/:app/preset',
    {
      schema: {
        tags,
        summary: "Apply a provider preset to an existing application: its delivery settings, and any of its event types you don't have yet",
        params: AppParams,
        body: Type.Object({ preset: PresetName }, { additionalProperties: false }),
        response: { 200: Type.Object({ application: Application, event_types_created: Type.Array(Type.String()) }), ...errorResponses },
      },
    },
    async (req) => {
      const current = await loadApp(store, req.scope, req.params.app);
      const preset = PRESETS[req.body.preset]!;
      const updated = await store.updateApplication(req.scope, current.id, presetSettings(preset), Date.now());
      const created = await installEventTypes(store, req.scope, preset);
      return { application: present.application(updated!), event_types_created: created };
    },
  );

  app.delete(
    '/app/:app',
    { schema: { tags, summary: 'Delete an application with its endpoints, messages and log', params: AppParams, response: { 204: Type.Null(), ...errorResponses } } },
    async (req, reply) => {
      const current = await loadApp(store, req.scope, req.params.app);
      await store.deleteApplication(req.scope, current.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/presets',
    {
      schema: {
        tags,
        summary: 'Provider presets: what each configures and which event types it installs',
        response: {
          200: Type.Object({
            data: Type.Array(
              Type.Object({
                name: Type.String(),
                description: Type.String(),
                application: Type.Object({}, { additionalProperties: true }),
                event_types: Type.Array(Type.String()),
              }),
            ),
          }),
        },
      },
    },
    async () => ({
      data: Object.values(PRESETS).map((p) => ({ name: p.name, description: p.description, application: p.application, event_types: p.event_types.map((e) => e.name) })),
    }),
  );
}
