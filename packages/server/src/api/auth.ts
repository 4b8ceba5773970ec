import type { FastifyReply, FastifyRequest } from 'fastify';
import { hashToken, tokensEqual } from '../crypto/tokens.js';
import { HttpProblem } from '../errors.js';
import type { Scope, Store } from '../store/types.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the API-key hook: every tenant route reads and writes only inside it. */
    scope: Scope;
  }
}

function bearer(req: FastifyRequest): string {
  const header = req.headers.authorization;
  const match = header?.match(/^Bearer\s+(\S+)$/i);
  if (!match) throw new HttpProblem(401, 'Unauthorized', 'Send your API key as "Authorization: Bearer hk_test_…" or "hk_live_…"');
  return match[1]!;
}

export function makeAuth(store: Store, adminToken: string) {
  return {
    async requireAdmin(req: FastifyRequest, reply: FastifyReply) {
      if (!tokensEqual(bearer(req), adminToken)) {
        void reply.header('www-authenticate', 'Bearer');
        throw new HttpProblem(401, 'Unauthorized', 'This route needs the admin token (HERALD_ADMIN_TOKEN, printed at first start)');
      }
    },
    async requireApiKey(req: FastifyRequest, reply: FastifyReply) {
      const token = bearer(req);
      const key = /^hk_(test|live)_/.test(token) ? await store.findApiKey(hashToken(token)) : null;
      if (!key) {
        void reply.header('www-authenticate', 'Bearer');
        throw new HttpProblem(401, 'Unauthorized', 'The API key is unknown or revoked');
      }
      req.scope = { tenant_id: key.tenant_id, environment: key.environment };
    },
  };
}
