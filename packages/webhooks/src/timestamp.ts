import { WebhookVerificationError } from './errors.js';

/** Parse unix seconds and check them against the tolerance (null: no check). */
export function checkTimestamp(value: string | undefined, toleranceSeconds: number | null, now: Date): number {
  if (!value || !/^\d+$/.test(value)) throw new WebhookVerificationError('Invalid or missing timestamp');
  const seconds = Number(value);
  if (toleranceSeconds === null) return seconds;
  const current = Math.floor(now.getTime() / 1000);
  if (seconds < current - toleranceSeconds) throw new WebhookVerificationError('Message timestamp too old');
  if (seconds > current + toleranceSeconds) throw new WebhookVerificationError('Message timestamp too new');
  return seconds;
}

export function parseJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch (cause) {
    throw new WebhookVerificationError('Signed body is not valid JSON', { cause });
  }
}
