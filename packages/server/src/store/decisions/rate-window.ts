/** An endpoint's per-second rate limit and the one-second window it is counting in. */
export interface RateWindow {
  rate_limit: number | null;
  rate_window_start: number | null;
  rate_window_count: number;
}

export interface RateAllowance {
  /** How many more may start now (Infinity without a limit). */
  left: number;
  /** The window they count in: `now` when the stored one is over; null without a limit. */
  windowStart: number | null;
  /** Already started in that window. */
  used: number;
}

/** Per-second rate limits in one-second windows: how many more may start now, and where they count. */
export function rateAllowance(w: RateWindow, now: number): RateAllowance {
  if (w.rate_limit === null) return { left: Number.POSITIVE_INFINITY, windowStart: null, used: 0 };
  const fresh = w.rate_window_start === null || now - w.rate_window_start >= 1000;
  const used = fresh ? 0 : w.rate_window_count;
  return { left: Math.max(0, w.rate_limit - used), windowStart: fresh ? now : w.rate_window_start!, used };
}
