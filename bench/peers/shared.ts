import { Redis } from 'ioredis';

/** What the peer publishers and the peer worker agree on. */
export interface PeerJob {
  id: string;
  url: string;
  type: string;
  payload: unknown;
}

export const QUEUE = 'webhooks';
/** BullMQ 6 takes a constructed client under ESM; workers need maxRetriesPerRequest: null. */
export const redisConnection = () => new Redis({ host: '127.0.0.1', port: 6379, maxRetriesPerRequest: null });

export const ATTEMPTS_TABLE = `CREATE TABLE IF NOT EXISTS attempts (
  id BIGSERIAL PRIMARY KEY, job_id TEXT NOT NULL, url TEXT NOT NULL, status INTEGER, error TEXT,
  duration_ms DOUBLE PRECISION NOT NULL, created_at TIMESTAMPTZ NOT NULL DEFAULT now())`;
