/** What the store holds about an endpoint's health when a batch of outcomes is recorded. */
export interface HealthState {
  failing_since: number | null;
  status: string;
}

/** One attempt's part in its endpoint's health, in the order the attempts are recorded. */
export interface HealthEvent {
  endpoint_id: string;
  ok: boolean;
  /** When the attempt ran. */
  at: number;
  /** The attempt's verdict that the endpoint must be disabled (a 410, a revoked address), if any. */
  disable: string | null;
}

export interface HealthPlan {
  /** The endpoint's failing_since after the batch. */
  failing_since: number | null;
  /** How to write it: unchanged, set outright (a success in the batch reset it) or started unless already running. */
  write: 'none' | 'set' | 'start';
  /** It had been failing and a success cleared that. */
  recovered: boolean;
  /** Disable it, and why; with the failing_since that decided it. */
  disable: { reason: string; failing_since: number | null } | null;
}

/**
 * Endpoint health, as the attempts happened, one after another: the first failure since the last
 * success starts the clock, a success stops it, and an endpoint failing for `autoDisableAfterMs`
 * (or told to by an attempt) is disabled. A batch gives the same result as recording its outcomes
 * one by one: a success followed by a failure leaves the endpoint failing since that failure.
 */
export function planEndpointHealth(current: ReadonlyMap<string, HealthState>, events: readonly HealthEvent[], now: number, autoDisableAfterMs: number): Map<string, HealthPlan> {
  const plans = new Map<string, HealthPlan & { status: string; reset: boolean }>();
  for (const e of events) {
    const state = current.get(e.endpoint_id);
    if (!state) continue;
    let p = plans.get(e.endpoint_id);
    if (!p) plans.set(e.endpoint_id, (p = { failing_since: state.failing_since, write: 'none', recovered: false, disable: null, status: state.status, reset: false }));
    if (e.ok) {
      if (p.failing_since !== null) {
        p.failing_since = null;
        p.recovered ||= state.failing_since !== null;
      }
      p.reset = true;
      continue;
    }
    p.failing_since ??= e.at;
    const reason = e.disable ?? (now - p.failing_since >= autoDisableAfterMs ? 'failing' : null);
    if (reason && p.status === 'enabled') {
      p.status = 'disabled';
      p.disable = { reason, failing_since: p.failing_since };
    }
  }
  const result = new Map<string, HealthPlan>();
  for (const [id, { status: _status, reset, ...plan }] of plans) {
    const before = current.get(id)!.failing_since;
    plan.write = plan.failing_since === before ? 'none' : reset ? 'set' : 'start';
    result.set(id, plan);
  }
  return result;
}
