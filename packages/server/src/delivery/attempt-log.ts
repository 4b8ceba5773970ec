import type { Logger } from 'pino';
import type { AttemptVerdict } from '../metrics.js';
import type { ClaimedDelivery } from '../store/types.js';

export interface LoggedAttempt {
  id: string;
  number: number;
  outcome: AttemptVerdict;
  response_status: number | null;
  error_class: string | null;
  duration_ms: number;
  next_attempt_at: number | null;
}

type AttemptOf = Pick<ClaimedDelivery, 'id' | 'tenant_id' | 'environment' | 'app_id' | 'message_id' | 'endpoint_id' | 'event_type'>;

/**
 * One line per attempt, searchable by every id it touches: failures at info (an operator's first
 * question is "what failed, and when is the next try"), successes at debug. Never the URL, headers,
 * payload or error text, which can carry a receiver's credentials or a customer's data.
 */
export function logAttempt(logger: Logger, d: AttemptOf, attempt: LoggedAttempt): void {
  const ok = attempt.outcome === 'succeeded';
  if (!logger.isLevelEnabled(ok ? 'debug' : 'info')) return;
  const line = {
    tenant_id: d.tenant_id,
    environment: d.environment,
    app_id: d.app_id,
    endpoint_id: d.endpoint_id,
    message_id: d.message_id,
    delivery_id: d.id,
    attempt_id: attempt.id,
    attempt_number: attempt.number,
    event_type: d.event_type,
    outcome: attempt.outcome,
    response_status: attempt.response_status,
    error_class: attempt.error_class,
    duration_ms: attempt.duration_ms,
    next_attempt_at: attempt.next_attempt_at === null ? null : new Date(attempt.next_attempt_at).toISOString(),
  };
  if (ok) logger.debug(line, 'attempt succeeded');
  else logger.info(line, attempt.outcome === 'retrying' ? 'attempt failed; will retry' : attempt.outcome === 'cancelled' ? 'delivery cancelled by its transformation' : 'attempt failed; no retries left');
}
