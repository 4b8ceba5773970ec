import type { Environment } from '../crypto/tokens.js';
import type { ApplicationRow, EventTypeRow, Scope, Store } from '../store/types.js';

type Key = { id: string; tenant_id: string; environment: Environment };

/** A request's lookups of its tenant's configuration, as of a version read after the request arrived. */
export interface Lookups {
  application(idOrUid: string): Promise<ApplicationRow | null>;
  eventType(name: string): Promise<EventTypeRow | null>;
}

export interface LookupCache {
  /** The live key with this hash and the lookups of its request, or null (unknown or revoked). */
  key(keyHash: string): Promise<{ key: Key; lookups: Lookups } | null>;
  /** Lookups for a request authenticated otherwise (a session): straight from the store. */
  direct(scope: Scope): Lookups;
}

interface Entry<T> {
  version: number;
  value: T;
}

/** Entries kept per map at most; past it the map starts over (an attacker's many ids cost memory once). */
const MAX_ENTRIES = 20_000;

/**
 * What every publish looks up — its API key, application and event type — cached in this process,
 * and never stale across processes. Every change to those rows counts up its tenant's
 * config_version in the same transaction (a trigger, migration 005). A request reads its tenant's
 * current version once, in a read that starts after the request arrived, and uses a cached row
 * only if it was read at that version: a change committed by any process before the request
 * arrived is seen by it. The version reads of concurrent requests are one query (`configVersions`
 * with every tenant asked for meanwhile), so under load the cost is a fraction of a round trip per
 * request instead of three.
 */
export function makeLookupCache(store: Pick<Store, 'findApiKey' | 'configVersions' | 'getApplication' | 'getEventType'>): LookupCache {
  const keys = new Map<string, Entry<Key>>();
  const applications = new Map<string, Entry<ApplicationRow | null>>();
  const eventTypes = new Map<string, Entry<EventTypeRow | null>>();
  const versions = makeVersionReads(store);

  const remember = <T>(map: Map<string, Entry<T>>, id: string, entry: Entry<T>) => {
    if (map.size >= MAX_ENTRIES) map.clear();
    map.set(id, entry);
  };

  /** A row cached at `version`, or read now (after that version was read, so never older than it). */
  const cached = async <T>(map: Map<string, Entry<T>>, id: string, version: number, read: () => Promise<T>): Promise<T> => {
    const hit = map.get(id);
    if (hit && hit.version === version) return hit.value;
    const value = await read();
    remember(map, id, { version, value });
    return value;
  };

  const lookupsAt = (scope: Scope, version: number): Lookups => {
    const prefix = `${scope.tenant_id}\u0000${scope.environment}\u0000`;
    return {
      application: (idOrUid) => cached(applications, prefix + idOrUid, version, () => store.getApplication(scope, idOrUid)),
      eventType: (name) => cached(eventTypes, prefix + name, version, () => store.getEventType(scope, name)),
    };
  };

  return {
    async key(keyHash) {
      const hit = keys.get(keyHash);
      if (hit) {
        const version = await versions.current(hit.value.tenant_id);
        if (version === hit.version) return { key: hit.value, lookups: lookupsAt(hit.value, version) };
      }
      // The key and its tenant's version in one statement: one snapshot.
      const found = await store.findApiKey(keyHash);
      if (!found) {
        keys.delete(keyHash);
        return null;
      }
      const key: Key = { id: found.id, tenant_id: found.tenant_id, environment: found.environment };
      remember(keys, keyHash, { version: found.config_version, value: key });
      return { key, lookups: lookupsAt(key, found.config_version) };
    },
    direct: (scope) => ({
      application: (idOrUid) => store.getApplication(scope, idOrUid),
      eventType: (name) => store.getEventType(scope, name),
    }),
  };
}

/**
 * Tenants' current versions, read for many requests at once. A request joins the next read to
 * start, never one already under way (that one may have begun before the request arrived).
 */
function makeVersionReads(store: Pick<Store, 'configVersions'>) {
  let next = new Map<string, { resolve: (v: number | null) => void; reject: (e: unknown) => void }[]>();
  let reading = false;

  const read = () => {
    const batch = next;
    next = new Map();
    reading = true;
    store.configVersions([...batch.keys()]).then(
      (found) => {
        for (const [tenant, waiters] of batch) for (const w of waiters) w.resolve(found.get(tenant) ?? null);
      },
      (err: unknown) => {
        for (const waiters of batch.values()) for (const w of waiters) w.reject(err);
      },
    ).finally(() => {
      reading = false;
      if (next.size) read();
    });
  };

  return {
    current(tenantId: string): Promise<number | null> {
      return new Promise((resolve, reject) => {
        const waiters = next.get(tenantId);
        if (waiters) waiters.push({ resolve, reject });
        else next.set(tenantId, [{ resolve, reject }]);
        if (!reading) read();
      });
    },
  };
}
