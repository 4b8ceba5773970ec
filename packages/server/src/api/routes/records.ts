import { Type } from '@sinclair/typebox';
import { createReadStream } from 'node:fs';
import { HttpProblem, notFound } from '../../errors.js';
import { newId } from '../../ids.js';
import { deleteRecord, recordPath, RecordTooLargeError, writeRecord } from '../../records/files.js';
import type { CredentialThrottle } from '../../limits/rate-limits.js';
import { loadApp, type Api, type ApiContext } from '../context.js';
import { AppParams, errorResponses } from '../schemas.js';

/** `type/subtype` plus parameters, as RFC 9110 writes a media type; no control characters. */
const MEDIA_TYPE = /^[A-Za-z0-9!#$&^_.+-]{1,127}\/[A-Za-z0-9!#$&^_.+-]{1,127}(\s*;\s*[A-Za-z0-9!#$&^_.+-]+=(?:[A-Za-z0-9!#$&^_.+-]+|"[\x20\x21\x23-\x5b\x5d-\x7e]*"))*$/;

function recordContentType(header: string | undefined): string {
  if (header === undefined) return 'application/octet-stream';
  const value = header.trim();
  if (!MEDIA_TYPE.test(value)) throw new HttpProblem(415, 'Unsupported Media Type', 'The Content-Type of a record must be a media type such as application/vcon+json or application/octet-stream');
  return value;
}

/**
 * Records are tenants' bytes: never rendered on Herald's origin. Downloads are attachments,
 * not sniffed, and sandboxed (no script, no requests) should a browser render them anyway.
 */
export const RECORD_DOWNLOAD_HEADERS = {
  'x-content-type-options': 'nosniff',
  'content-security-policy': "sandbox; default-src 'none'",
  'cross-origin-resource-policy': 'cross-origin',
  'cache-control': 'private, no-store',
} as const;

const RecordSchema = Type.Object({
  record_id: Type.String(),
  content_type: Type.String(),
  size: Type.Integer(),
  content_hash: Type.String({ description: 'sha512- + base64 of the SHA-512 of the bytes' }),
  jws: Type.String({ description: 'Compact JWS (RS256) over {rid, content_hash, content_type, size, iat}; keys at /.well-known/jwks.json' }),
  created_at: Type.String({ format: 'date-time' }),
});

/**
 * Pointer payloads (seeds 000/001). Upload a record (streamed to disk, hashed, signed); publish
 * a message that names it; each delivery carries `record: {format, content_hash, download_url}`
 * with a fresh short-lived URL instead of the bytes.
 */
export function recordRoutes(app: Api, ctx: ApiContext): void {
  const { store, config, recordSigner } = ctx;
  void app.register(async (uploads) => {
    // This route takes the body as a stream, whatever its type, instead of Fastify's buffered parsers.
    uploads.removeAllContentTypeParsers();
    uploads.addContentTypeParser('*', (_req, payload, done) => done(null, payload));
    (uploads as Api).post(
      '/app/:app/records',
      {
        schema: {
          tags: ['records'],
          summary: `Upload a record (JSON or bytes, up to ${config.records.maxBytes} bytes, streamed); reference it from a message with "record"`,
          params: AppParams,
          headers: Type.Object({ 'content-type': Type.Optional(Type.String({ maxLength: 200 })) }),
          response: { 201: RecordSchema, ...errorResponses },
        },
      },
      async (req, reply) => {
        const application = await loadApp(store, req.scope, req.params.app);
        const contentType = recordContentType(req.headers['content-type']);
        if (!req.body) throw new HttpProblem(400, 'Bad Request', "Send the record's bytes as the request body (with its Content-Type)");
        const declared = Number(req.headers['content-length']);
        if (declared > config.records.maxBytes) throw new HttpProblem(413, 'Payload Too Large', `Records are limited to ${config.records.maxBytes} bytes`);
        const now = Date.now();
        const id = newId('rec', now);
        const path = recordPath(config.dataDir, id);
        let written;
        try {
          written = await writeRecord(req.body as NodeJS.ReadableStream as never, path, config.records.maxBytes);
        } catch (err) {
          if (err instanceof RecordTooLargeError) throw new HttpProblem(413, 'Payload Too Large', `Records are limited to ${config.records.maxBytes} bytes`);
          throw err;
        }
        if (written.size === 0) {
          await deleteRecord(config.dataDir, id);
          throw new HttpProblem(400, 'Bad Request', 'The record is empty; send its bytes as the request body');
        }
        const jws = await recordSigner.sign({ iss: 'herald', rid: id, content_hash: written.contentHash, content_type: contentType, size: written.size, iat: Math.floor(now / 1000) });
        await store.createRecord(req.scope, { id, app_id: application.id, content_type: contentType, size: written.size, content_hash: written.contentHash, jws, created_at: now, purged_at: null });
        return reply.code(201).send({ record_id: id, content_type: contentType, size: written.size, content_hash: written.contentHash, jws, created_at: new Date(now).toISOString() });
      },
    );
  });

  app.get(
    '/app/:app/records/:record',
    {
      schema: {
        tags: ['records'],
        summary: "A record's metadata and a fresh download URL",
        params: Type.Object({ app: Type.String({ maxLength: 256 }), record: Type.String({ maxLength: 64 }) }),
        response: { 200: Type.Composite([RecordSchema, Type.Object({ download_url: Type.String() })]), ...errorResponses },
      },
    },
    async (req) => {
      const application = await loadApp(store, req.scope, req.params.app);
      const record = await store.getRecord(req.scope, application.id, req.params.record);
      if (!record) throw notFound('Record', req.params.record);
      if (record.purged_at) throw new HttpProblem(410, 'Gone', `Record "${record.id}" was purged after the retention period`);
      return {
        record_id: record.id,
        content_type: record.content_type,
        size: record.size,
        content_hash: record.content_hash,
        jws: record.jws,
        created_at: new Date(record.created_at).toISOString(),
        download_url: ctx.downloads.url(record.id, record.content_hash),
      };
    },
  );
}

/**
 * Unauthenticated: the signed, expiring link is the authorisation, so wrong links count as
 * failed credentials of the client's address. With HERALD_RECORDS_URL set, records are served
 * only on that origin (and the dashboard never is: see dashboard.ts).
 */
export function publicRecordRoutes(app: Api, ctx: ApiContext, throttle: CredentialThrottle): void {
  const { store, config, downloads, recordSigner } = ctx;
  const recordsHost = config.security.recordsUrl ? new URL(config.security.recordsUrl).host : null;
  app.get('/.well-known/jwks.json', { schema: { hide: true } }, async () => recordSigner.jwks());

  app.get(
    '/records/:record',
    {
      schema: {
        hide: true,
        params: Type.Object({ record: Type.String({ maxLength: 64 }) }),
        querystring: Type.Object({ expires: Type.Integer({ minimum: 0, maximum: 1e11 }), token: Type.String({ maxLength: 100 }) }),
      },
    },
    async (req, reply) => {
      if (recordsHost && req.host !== recordsHost) throw new HttpProblem(404, 'Not Found', `Records are served from ${config.security.recordsUrl}`);
      throttle.check(req);
      const record = await store.getRecordForDownload(req.params.record);
      const verdict = record ? downloads.check(record.id, req.query.expires, req.query.token, record.content_hash) : 'invalid';
      if (!record || verdict === 'invalid') {
        throttle.failed(req);
        if (!record) throw notFound('Record', req.params.record);
        throw new HttpProblem(403, 'Forbidden', 'This download link is not valid for this record');
      }
      if (verdict === 'expired') throw new HttpProblem(410, 'Gone', 'This download link has expired; ask for a new delivery or a fresh link');
      if (record.purged_at) throw new HttpProblem(410, 'Gone', 'This record was purged after the retention period');
      return reply
        .type(record.content_type)
        .headers(RECORD_DOWNLOAD_HEADERS)
        .header('content-disposition', `attachment; filename="${record.id}"`)
        .header('content-length', record.size)
        .header('herald-content-hash', record.content_hash)
        .header('herald-record-signature', record.jws)
        .send(createReadStream(recordPath(config.dataDir, record.id)));
    },
  );
}
