import type { TenantLimits } from '../config.js';
import type { Store } from '../store/types.js';

export const LIMIT_NAMES = ['publish_per_second', 'api_per_second', 'max_applications', 'max_endpoints_per_app', 'max_event_types', 'max_schema_bytes', 'max_payload_bytes'] as const satisfies readonly (keyof TenantLimits)[];

export interface TenantLimitsSource {
  /** The limits in force for a tenant: the admin's overrides over the server defaults. */
  for(tenantId: string): Promise<TenantLimits>;
  /** The admin's overrides only. */
  overrides(tenantId: string): Promise<Partial<TenantLimits>>;
  set(tenantId: string, overrides: Partial<TenantLimits>, now: number): Promise<TenantLimits>;
  defaults: TenantLimits;
}

/**
 * Limits are read on every request, so they are cached per tenant. A change made through this
 * process is seen at once; one made through another process (PostgreSQL) within `ttlMs`.
 */
export function makeTenantLimits(store: Store, defaults: TenantLimits, ttlMs = 5000): TenantLimitsSource {
  const cache = new Map<string, { limits: TenantLimits; at: number }>();
  const overrides = async (tenantId: string) => {
    const stored = await store.getTenantLimits(tenantId);
    const known: Partial<TenantLimits> = {};
    for (const name of LIMIT_NAMES) if (typeof stored[name] === 'number') known[name] = stored[name];
    return known;
  };
  return {
    defaults,
    overrides,
    async for(tenantId) {
      const hit = cache.get(tenantId);
      if (hit && Date.now() - hit.at < ttlMs) return hit.limits;
      const limits = { ...defaults, ...(await overrides(tenantId)) };
      if (cache.size > 10_000) cache.clear();
      cache.set(tenantId, { limits, at: Date.now() });
      return limits;
    },
    async set(tenantId, next, now) {
      await store.putTenantLimits(tenantId, next, now);
      cache.delete(tenantId);
      return this.for(tenantId);
    },
  };
}
