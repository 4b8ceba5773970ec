import { Worker } from 'node:worker_threads';
import type { ValidationOutcome } from './engine.js';
import type { SandboxCall, SandboxReply } from './protocol.js';

/** The schema could not be compiled (a message a person can act on). */
export class SchemaCompileError extends Error {
  override name = 'SchemaCompileError';
}

/** Compiling or validating took longer than the budget (or more memory than allowed); the thread was replaced. */
export class SchemaBudgetExceeded extends Error {
  override name = 'SchemaBudgetExceeded';
}

export interface SchemaSandboxOptions {
  /** Threads running schemas (each takes one call at a time). */
  threads: number;
  /** Longest one validation may run, ms. */
  budgetMs: number;
  /** Longest a compile (at save, or a validation that first compiles) may run, ms. */
  compileBudgetMs: number;
  /** How long a schema that overran its budget is refused without running, ms. */
  quarantineMs: number;
  /** Heap limit of each thread, MB. */
  maxHeapMb: number;
}

export interface SchemaSandbox {
  /** Compiles `schema`; throws SchemaCompileError or SchemaBudgetExceeded. */
  check(schema: Record<string, unknown>): Promise<void>;
  /** Validates a payload (JSON text) against `schema`, compiled once per `key`. */
  validate(key: string, schema: Record<string, unknown>, payload: string): Promise<ValidationOutcome>;
  close(): Promise<void>;
}

type Call = { op: 'check'; schema: Record<string, unknown> } | { op: 'validate'; key: string; schema: Record<string, unknown>; payload: string };
interface Task {
  call: Call;
  /** Set once sent: whether this send compiles (a check, or a validator the thread does not hold). */
  compiles?: boolean;
  resolve(outcome: ValidationOutcome | null): void;
  reject(err: Error): void;
}

const entry = import.meta.url.endsWith('.ts') ? new URL('./thread-entry.mjs', import.meta.url) : new URL('./schema-thread.mjs', import.meta.url);

/**
 * Tenants' JSON Schemas run here, never on the thread that serves requests: each call gets a time
 * budget, and a thread that overruns it (or its heap limit) is terminated and replaced, failing
 * only the call it was running; calls queued behind it go to the new thread. Threads start on
 * first use, so a Herald whose tenants have no schemas starts none.
 */
export function makeSchemaSandbox(options: SchemaSandboxOptions): SchemaSandbox {
  let nextId = 0;
  let closed = false;
  // Schemas (by key) that overran their budget: refused at once for a while, so one tenant's
  // pathological schema cannot keep the threads busy for everyone else.
  const quarantined = new Map<string, number>();

  function makeSlot() {
    let worker: Worker | null = null;
    let ready = false;
    let timer: NodeJS.Timeout | null = null;
    const queue: { id: number; task: Task }[] = [];
    const known = new Set<string>();

    const post = (id: number, task: Task) => {
      const c = task.call;
      let message: SandboxCall;
      if (c.op === 'check') message = { id, op: 'check', schema: c.schema };
      else {
        message = known.has(c.key) ? { id, op: 'validate', key: c.key, payload: c.payload } : { id, op: 'validate', key: c.key, schema: c.schema, payload: c.payload };
        known.add(c.key);
      }
      task.compiles = 'schema' in message;
      worker!.postMessage(message);
    };

    const armHead = () => {
      if (timer) clearTimeout(timer);
      timer = null;
      if (!ready || !queue.length) return;
      const head = queue[0]!.task;
      const budget = head.compiles ? options.compileBudgetMs : options.budgetMs;
      timer = setTimeout(() => {
        if (head.call.op === 'validate') quarantined.set(head.call.key, Date.now() + options.quarantineMs);
        replace(new SchemaBudgetExceeded(`took longer than ${budget} ms`));
      }, budget);
    };

    /** Ends the current thread: the call it was running fails with `reason`, the rest are resent. */
    const replace = (reason: Error) => {
      const head = queue.shift();
      const rest = queue.splice(0);
      void worker?.terminate();
      worker = null;
      ready = false;
      known.clear();
      if (timer) clearTimeout(timer);
      timer = null;
      head?.task.reject(reason);
      for (const q of rest) send(q.task);
    };

    const start = () => {
      const w = new Worker(entry, { resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb } });
      w.unref();
      worker = w;
      w.on('message', (m: SandboxReply | { ready: true }) => {
        if (w !== worker) return;
        if ('ready' in m) {
          ready = true;
          armHead();
          return;
        }
        if ('compiled' in m) {
          // Compiled within the compile budget: the validation itself gets the validation budget.
          if (queue[0]?.id === m.id) {
            queue[0].task.compiles = false;
            armHead();
          }
          return;
        }
        const head = queue.shift();
        if (!head || head.id !== m.id) return replace(new Error('schema sandbox replied out of order'));
        if (m.ok) head.task.resolve(m.outcome);
        else if ('missing' in m) {
          known.delete((head.task.call as { key: string }).key);
          send(head.task);
        } else head.task.reject(new SchemaCompileError(m.message));
        armHead();
      });
      w.on('error', (err) => {
        if (w === worker) replace(new SchemaBudgetExceeded(`used more memory than allowed (${err.message})`));
      });
      w.on('exit', () => {
        if (w === worker && !closed) replace(new SchemaBudgetExceeded('the schema thread stopped'));
      });
    };

    const send = (task: Task) => {
      if (!worker) start();
      const id = nextId++;
      queue.push({ id, task });
      post(id, task);
      if (queue.length === 1) armHead();
    };

    return {
      send,
      get load() {
        return queue.length;
      },
      async close() {
        if (timer) clearTimeout(timer);
        const w = worker;
        worker = null;
        for (const q of queue.splice(0)) q.task.reject(new Error('the schema sandbox is closing'));
        await w?.terminate();
      },
    };
  }

  const slots = Array.from({ length: Math.max(1, options.threads) }, makeSlot);
  const run = (call: Call) =>
    new Promise<ValidationOutcome | null>((resolve, reject) => {
      if (closed) return reject(new Error('the schema sandbox is closed'));
      let best = slots[0]!;
      for (const s of slots) if (s.load < best.load) best = s;
      best.send({ call, resolve, reject });
    });

  return {
    async check(schema) {
      await run({ op: 'check', schema });
    },
    async validate(key, schema, payload) {
      const until = quarantined.get(key);
      if (until !== undefined) {
        if (until > Date.now()) throw new SchemaBudgetExceeded(`overran its time budget recently; it is refused until ${new Date(until).toISOString()}`);
        quarantined.delete(key);
      }
      return (await run({ op: 'validate', key, schema, payload }))!;
    },
    async close() {
      closed = true;
      await Promise.all(slots.map((s) => s.close()));
    },
  };
}
