import type { EndpointThrottle } from '../store/types.js';
import type { SendResult } from './sender.js';

export interface BackPressureOptions {
  /** A 429 without Retry-After pauses this long. */
  throttleDefaultSeconds: number;
  maxRetryAfterSeconds: number;
  timeoutPauseAfter: number;
  timeoutPauseMs: number;
}

/**
 * Endpoint-level back-pressure. A receiver that answers 429 (or 503 with Retry-After) is asking
 * for everything to slow down, not only the request it answered: the whole endpoint is paused
 * until then, new deliveries included. Repeated timeouts say the same without words. Per-endpoint
 * consecutive-timeout counts are this process's own (each worker notices for itself).
 */
export function makeBackPressure(options: BackPressureOptions) {
  const timeoutsInARow = new Map<string, number>();

  return function throttleFor(endpointId: string, result: SendResult, retryAfterSeconds: number | null, now: number): EndpointThrottle | null {
    if (result.errorClass === 'timeout') {
      const n = (timeoutsInARow.get(endpointId) ?? 0) + 1;
      if (n < options.timeoutPauseAfter) {
        if (timeoutsInARow.size > 100_000) timeoutsInARow.clear();
        timeoutsInARow.set(endpointId, n);
        return null;
      }
      timeoutsInARow.delete(endpointId);
      return { until: now + options.timeoutPauseMs, reason: 'timeouts' };
    }
    timeoutsInARow.delete(endpointId);
    if (result.status === 429) {
      const seconds = Math.min(retryAfterSeconds ?? options.throttleDefaultSeconds, options.maxRetryAfterSeconds);
      return seconds > 0 ? { until: now + seconds * 1000, reason: 'rate_limited' } : null;
    }
    if (result.status === 503 && retryAfterSeconds !== null && retryAfterSeconds > 0) {
      return { until: now + Math.min(retryAfterSeconds, options.maxRetryAfterSeconds) * 1000, reason: 'unavailable' };
    }
    return null;
  };
}
