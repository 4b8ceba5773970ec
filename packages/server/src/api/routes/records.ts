import { Type } from '@sinclair/typebox';
import { createReadStream } from 'node:fs';
import { HttpProblem, notFound } from '../../errors.js';
import { newId } from '../../ids.js';
import { recordPath, RecordTooLargeError, writeRecord } from '../../records/files.js';
import { loadApp, type Api, type ApiContext } from '../context.js';
import { AppParams, errorResponses } from '../schemas.js';

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
        const contentType = (req.headers['content-type'] ?? 'application/octet-stream').split(',')[0]!.trim();
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
        download_url: ctx.downloads.url(ctx.publicUrl(), record.id, record.content_hash),
      };
    },
  );
}

/** Unauthenticated: the signed, expiring link is the authorisation. */
export function publicRecordRoutes(app: Api, ctx: ApiContext): void {
  const { store, config, downloads, recordSigner } = ctx;
  app.get('/.well-known/jwks.json', { schema: { hide: true } }, async () => recordSigner.jwks());

  app.get(
    '/records/:record',
    {
      schema: {
        hide: true,
        params: Type.Object({ record: Type.String({ maxLength: 64 }) }),
        querystring: Type.Object({ expires: Type.Integer(), token: Type.String({ maxLength: 100 }) }),
      },
    },
    async (req, reply) => {
      const record = await store.getRecordForDownload(req.params.record);
      if (!record) throw notFound('Record', req.params.record);
      const verdict = downloads.check(record.id, req.query.expires, req.query.token, record.content_hash);
      if (verdict === 'invalid') throw new HttpProblem(403, 'Forbidden', 'This download link is not valid for this record');
      if (verdict === 'expired') throw new HttpProblem(410, 'Gone', 'This download link has expired; ask for a new delivery or a fresh link');
      if (record.purged_at) throw new HttpProblem(410, 'Gone', 'This record was purged after the retention period');
      return reply
        .type(record.content_type)
        .header('content-length', record.size)
        .header('cache-control', 'private, no-store')
        .header('herald-content-hash', record.content_hash)
        .header('herald-record-signature', record.jws)
        .send(createReadStream(recordPath(config.dataDir, record.id)));
    },
  );
}
