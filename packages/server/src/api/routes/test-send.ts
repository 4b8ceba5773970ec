import { Type } from '@sinclair/typebox';
import { sendOneOff } from '../../delivery/one-off.js';
import { unprocessable } from '../../errors.js';
import { newId } from '../../ids.js';
import type { Api, ApiContext } from '../context.js';
import { Envelope, SchemeName, SchemeOptions, errorResponses } from '../schemas.js';
import { checkEndpointUrl } from '../../delivery/endpoint-url.js';
import { OneOffResponse } from './endpoints.js';
import { environmentDefaults } from './settings.js';

/** Seed 003's test endpoint: the body shape it implies when the caller names only a scheme. */
const DEFAULT_ENVELOPE: Record<string, string> = { timestamped: 'event', 'hmac-hex': 'classic' };

/**
 * `POST /webhooks/test` (seed 003): sign one sample event with a secret the caller supplies and
 * send it to any URL now, returning what the receiver said. Nothing is stored.
 */
export function testSendRoutes(app: Api, { store, sender, policy, config }: ApiContext): void {
  app.post(
    '/webhooks/test',
    {
      schema: {
        tags: ['endpoints'],
        summary: 'Send one signed sample event to a URL now and report status, latency and a body excerpt',
        body: Type.Object(
          {
            endpoint_url: Type.String({ minLength: 1, maxLength: 2048 }),
            signing_secret: Type.String({ minLength: 8, maxLength: 200 }),
            scheme: Type.Optional(SchemeName),
            scheme_options: Type.Optional(SchemeOptions),
            envelope: Type.Optional(Envelope),
            event_type: Type.Optional(Type.String({ minLength: 1, maxLength: 256, pattern: '^[A-Za-z0-9._:-]+$' })),
            timeout_seconds: Type.Optional(Type.Integer({ minimum: 1, maximum: 30 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: OneOffResponse, ...errorResponses },
      },
    },
    async (req) => {
      const body = req.body;
      const urlError = checkEndpointUrl(body.endpoint_url, req.scope.environment, policy, 'body.endpoint_url');
      if (urlError) throw unprocessable(`${urlError.field} ${urlError.message}`, [urlError]);
      // Unnamed choices come from the environment's contract (seed 003 sends only URL and secret).
      const defaults = environmentDefaults(await store.getEnvironmentSettings(req.scope));
      const scheme = body.scheme ?? defaults.signature_scheme ?? 'standard';
      if (scheme === 'standard-ed25519') {
        throw unprocessable('standard-ed25519 signs with a key pair Herald holds for a stored endpoint; use POST /app/{app}/endpoint/{endpoint}/send-example', [
          { field: 'body.scheme', message: 'needs a stored endpoint' },
        ]);
      }
      if (scheme === 'standard' && !/^whsec_[A-Za-z0-9+/]{32,}={0,2}$/.test(body.signing_secret)) {
        throw unprocessable('The standard scheme needs a whsec_ secret (whsec_ + base64)', [{ field: 'body.signing_secret', message: 'must be whsec_ + base64 for the standard scheme' }]);
      }
      const type = body.event_type ?? 'webhook.test';
      const example = (await store.getEventType(req.scope, type))?.example;
      const payload = example ?? { test: true, message: 'A test event from Herald' };
      const now = Date.now();
      const { raw: _raw, ...result } = await sendOneOff(
        sender,
        { id: newId('evt', now), type, payload: JSON.stringify(payload), createdAt: now },
        {
          url: body.endpoint_url,
          timeout_ms: body.timeout_seconds !== undefined ? body.timeout_seconds * 1000 : (defaults.default_timeout_ms ?? 15_000),
          headers: {},
          scheme,
          scheme_options: body.scheme_options ?? defaults.scheme_options ?? {},
          envelope: body.envelope ?? defaults.envelope ?? DEFAULT_ENVELOPE[scheme] ?? 'standard',
        },
        [{ secret: body.signing_secret }],
        config.delivery.userAgent,
      );
      return result;
    },
  );
}
