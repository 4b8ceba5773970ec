// The publish ceiling: Herald's own HTTP stack (Fastify, its JSON body parser with the nesting
// limit, its validators and the publish route's schemas) answering a publish with 202 and a
// message, with nothing looked up or stored. Run as its own process:
//   node --import tsx bench/publish-limit.ts   → prints {"url": …} and serves until killed.
import Fastify from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { installJsonBodyParser } from '../packages/server/src/api/json-body.js';
import { AppParams, IdempotencyKey, Message, MessageIn, errorResponses } from '../packages/server/src/api/schemas.js';
import { installValidators } from '../packages/server/src/api/validation.js';
import { newId } from '../packages/server/src/ids.js';

const app = Fastify({ logger: false, bodyLimit: 1024 * 1024 }).withTypeProvider<TypeBoxTypeProvider>();
installValidators(app);
installJsonBodyParser(app, 64);
app.post(
  '/api/v1/app/:app/msg',
  {
    schema: {
      params: AppParams,
      headers: Type.Object({ 'idempotency-key': Type.Optional(IdempotencyKey) }),
      body: MessageIn,
      response: { 202: Message, ...errorResponses },
    },
  },
  async (req, reply) => {
    if (!/^Bearer hk_(test|live)_/.test(req.headers.authorization ?? '')) return reply.code(401).send({ type: 'about:blank', title: 'Unauthorized', status: 401, detail: 'no key' });
    const now = Date.now();
    const payload = JSON.stringify(req.body.payload);
    return reply.code(202).send({ id: newId('msg', now), event_id: req.body.id ?? null, type: req.body.type, payload: JSON.parse(payload) as unknown, record: null, channels: null, headers: {}, ordering_key: null, created_at: new Date(now).toISOString() });
  },
);
const url = await app.listen({ host: '127.0.0.1', port: 0 });
process.stdout.write(JSON.stringify({ url }) + '\n');
