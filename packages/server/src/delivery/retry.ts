/**
 * Retry policy as data: given where a delivery is in its schedule and how the attempt ended,
 * decide the next state. Pure, so it is tested without a clock or a network.
 */
export interface RetryInput {
  /** Index in `schedule` of the attempt that just ran (0 = first attempt). */
  scheduleIndex: number;
  /** Seconds before each attempt; its length is the attempt budget. */
  schedule: number[];
  ok: boolean;
  status: number | null;
  retryAfterSeconds: number | null;
  now: number;
  jitter: number;
  maxRetryAfterSeconds: number;
  /** The transport's verdict that retrying cannot help (see SendResult.permanent). */
  permanent?: 'end' | 'disable' | undefined;
  random?: () => number;
}

export interface RetryDecision {
  status: 'pending' | 'succeeded' | 'failed';
  next_attempt_at: number | null;
  schedule_index: number;
  /** Set when the receiver asked never to be called again. */
  disable_endpoint: string | null;
}

export function decideNext(input: RetryInput): RetryDecision {
  const { scheduleIndex, schedule, now } = input;
  if (input.ok) return { status: 'succeeded', next_attempt_at: null, schedule_index: scheduleIndex, disable_endpoint: null };
  if (input.permanent) return { status: 'failed', next_attempt_at: null, schedule_index: scheduleIndex, disable_endpoint: input.permanent === 'disable' ? 'revoked' : null };
  if (input.status === 410) return { status: 'failed', next_attempt_at: null, schedule_index: scheduleIndex, disable_endpoint: 'gone' };
  const next = scheduleIndex + 1;
  if (next >= schedule.length) return { status: 'failed', next_attempt_at: null, schedule_index: scheduleIndex, disable_endpoint: null };
  const random = input.random ?? Math.random;
  let delaySeconds = schedule[next]! * (1 + input.jitter * (2 * random() - 1));
  if (input.retryAfterSeconds !== null) {
    delaySeconds = Math.max(delaySeconds, Math.min(input.retryAfterSeconds, input.maxRetryAfterSeconds));
  }
  return { status: 'pending', next_attempt_at: now + Math.round(delaySeconds * 1000), schedule_index: next, disable_endpoint: null };
}

/** `Retry-After` is either delta-seconds or an HTTP date; anything else is ignored. */
export function parseRetryAfter(value: string | undefined, now: number): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now) / 1000));
}
