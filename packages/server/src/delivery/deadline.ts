/**
 * An attempt's overall deadline, as the smallest thing undici accepts as a signal (an object with
 * `aborted`, `reason` and add/removeEventListener). An AbortController per request, with its
 * EventTarget listener bookkeeping, cost ~4 % of a delivery's CPU in the profile
 * (AbortSignal.timeout() before it, ~3 % more). The dispatcher starts one per attempt and every
 * transport stops when it fires.
 */
export class Deadline {
  aborted = false;
  reason: unknown = undefined;
  private listeners: (() => void)[] = [];
  private readonly timer: NodeJS.Timeout;

  constructor(
    readonly ms: number,
    reason: () => unknown = () => new DOMException(`No complete response within ${ms} ms`, 'TimeoutError'),
  ) {
    this.timer = setTimeout(() => {
      this.aborted = true;
      this.reason = reason();
      for (const listener of this.listeners.splice(0)) listener();
    }, ms);
  }

  addEventListener(_type: 'abort', listener: () => void): void {
    if (this.aborted) queueMicrotask(listener);
    else this.listeners.push(listener);
  }

  removeEventListener(_type: 'abort', listener: () => void): void {
    const i = this.listeners.indexOf(listener);
    if (i >= 0) this.listeners.splice(i, 1);
  }

  clear(): void {
    clearTimeout(this.timer);
    this.listeners.length = 0;
  }
}

/**
 * `work`, or `late()` if it has not settled `graceMs` after the deadline fired: a transport that
 * ignores its deadline cannot hold an attempt (and its lease) open.
 */
export function settleBy<T>(work: Promise<T>, deadline: Deadline, graceMs: number, late: () => T): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let timer: NodeJS.Timeout | undefined;
    const onAbort = () => {
      timer = setTimeout(() => resolve(late()), graceMs);
    };
    deadline.addEventListener('abort', onAbort);
    work.then(resolve, reject).finally(() => {
      clearTimeout(timer);
      deadline.removeEventListener('abort', onAbort);
    });
  });
}
