/**
 * The store with every call of an operation made through `around(op, call)`; `close` and
 * `onWork` are left alone, and so are plain values. Each wrapped function is built once per
 * operation, not per call.
 */
export function wrapStoreCalls<S extends object>(store: S, around: (op: string, call: () => unknown) => unknown): S {
  const wrapped = new Map<string | symbol, unknown>();
  return new Proxy(store, {
    get(target, name, receiver) {
      const value = Reflect.get(target, name, receiver) as unknown;
      if (typeof value !== 'function' || name === 'close' || name === 'onWork') return value;
      let fn = wrapped.get(name);
      if (!fn) {
        const op = String(name);
        fn = (...args: unknown[]) => around(op, () => (value as (...a: unknown[]) => unknown).apply(target, args));
        wrapped.set(name, fn);
      }
      return fn;
    },
  });
}
