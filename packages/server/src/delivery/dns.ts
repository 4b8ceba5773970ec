import { Resolver } from 'node:dns';
import type { LookupFunction } from 'node:net';

/**
 * A `lookup` for outgoing connections that asks the given DNS servers instead of the system
 * resolver (HERALD_DNS_SERVERS). The connection goes to the address this lookup returned, which
 * is the seam the SSRF guard checks at connect time.
 */
export function lookupVia(servers: string[], timeoutMs = 5000): LookupFunction {
  const resolver = new Resolver({ timeout: timeoutMs, tries: 1 });
  resolver.setServers(servers);
  return ((hostname: string, options: { all?: boolean; family?: number | string }, callback: (...args: unknown[]) => void) => {
    const literal = /^\d+\.\d+\.\d+\.\d+$/.test(hostname) ? 4 : hostname.includes(':') ? 6 : 0;
    const done = (addresses: { address: string; family: number }[]) =>
      options.all ? callback(null, addresses) : callback(null, addresses[0]!.address, addresses[0]!.family);
    if (literal) return done([{ address: hostname, family: literal }]);
    resolver.resolve4(hostname, (err4, v4) => {
      if (!err4 && v4.length) return done(v4.map((address) => ({ address, family: 4 })));
      resolver.resolve6(hostname, (err6, v6) => {
        if (!err6 && v6.length) return done(v6.map((address) => ({ address, family: 6 })));
        const err = err4 ?? err6 ?? Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
        callback(Object.assign(err, { hostname }));
      });
    });
  }) as LookupFunction;
}
