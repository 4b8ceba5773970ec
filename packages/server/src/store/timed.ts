import type { Metrics } from '../metrics.js';
import { wrapStoreCalls } from './wrap-calls.js';

/** The store with each asynchronous call's duration observed by operation name (failures too). */
export function timedStore<S extends object>(store: S, metrics: Pick<Metrics, 'storeCall'>): S {
  return wrapStoreCalls(store, (op, call) => {
    const started = performance.now();
    const result = call();
    if (!(result instanceof Promise)) return result;
    const done = () => metrics.storeCall(op, (performance.now() - started) / 1000);
    result.then(done, done);
    return result;
  });
}
