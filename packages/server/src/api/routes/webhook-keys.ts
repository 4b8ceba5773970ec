import { Type } from '@sinclair/typebox';
import { randomBytes } from 'node:crypto';
import { conflict, notFound } from '../../errors.js';
import { newId } from '../../ids.js';
import { loadApp, type Api, type ApiContext } from '../context.js';
import { present } from '../present.js';
import { AppParams, WebhookKey, errorResponses } from '../schemas.js';

const KeyParams = Type.Object({ app: Type.String({ maxLength: 256 }), key: Type.String({ maxLength: 64 }) });

/**
 * Webhook encryption keys (seed 004's webhook.key.create): 32 random bytes per key, returned
 * once; the active key encrypts the data of endpoints with `encrypt_data`.
 */
export function webhookKeyRoutes(app: Api, { store, box }: ApiContext): void {
  const tags = ['webhook keys'];
  app.post(
    '/app/:app/webhook-keys',
    {
      schema: {
        tags,
        summary: 'Create a webhook key; it becomes the active one. The key is returned this once.',
        params: AppParams,
        response: { 201: Type.Composite([WebhookKey, Type.Object({ key: Type.String({ description: 'base64 of 32 bytes: the AES-256-GCM key' }) })]), ...errorResponses },
      },
    },
    async (req, reply) => {
      const application = await loadApp(store, req.scope, req.params.app);
      const now = Date.now();
      const key = randomBytes(32).toString('base64');
      const row = await store.createWebhookKey(req.scope, application.id, { id: newId('key', now), sealed: box.seal(key), hint: `****…${key.slice(-6)}` }, now);
      return reply.code(201).send({ ...present.webhookKey(row), key });
    },
  );

  app.get(
    '/app/:app/webhook-keys',
    { schema: { tags, summary: "List the application's webhook keys (masked)", params: AppParams, response: { 200: Type.Object({ data: Type.Array(WebhookKey) }), ...errorResponses } } },
    async (req) => {
      const application = await loadApp(store, req.scope, req.params.app);
      return { data: (await store.listWebhookKeys(req.scope, application.id)).map(present.webhookKey) };
    },
  );

  for (const [action, status] of [['activate', 'active'], ['retire', 'retired']] as const) {
    app.post(
      `/app/:app/webhook-keys/:key/${action}`,
      {
        schema: {
          tags,
          summary: action === 'activate' ? 'Make this key the one that encrypts' : 'Retire a key that no longer encrypts (the active key cannot be retired)',
          params: KeyParams,
          response: { 200: WebhookKey, ...errorResponses },
        },
      },
      async (req) => {
        const application = await loadApp(store, req.scope, req.params.app);
        const result = await store.setWebhookKeyStatus(req.scope, application.id, req.params.key, status, Date.now());
        if (result === null) throw notFound('Webhook key', req.params.key);
        if (result === 'is_active') throw conflict('This is the active key; create or activate another key before retiring it');
        if (result === 'retired') throw conflict('A retired key cannot be activated again; create a new key');
        return present.webhookKey(result);
      },
    );
  }
}
