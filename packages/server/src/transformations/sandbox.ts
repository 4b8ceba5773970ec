import { Worker } from 'node:worker_threads';
import type { EngineLimits, RunOutcome } from './engine.js';
import type { TransformCall, TransformReply } from './protocol.js';

export interface TransformationSandboxOptions {
  /** Threads running transformations (each one run at a time). */
  threads: number;
  /** Longest one run may take, ms. */
  timeMs: number;
  /** Heap one run may use, MB. */
  memoryMb: number;
}

export interface TransformationSandbox {
  /** Runs `code`'s handler on `input` (JSON text); null only checks that the code defines one. */
  run(code: string, input: string | null): Promise<RunOutcome & { duration_ms: number }>;
  close(): Promise<void>;
}

const entry = import.meta.url.endsWith('.ts') ? new URL('./thread-entry.mjs', import.meta.url) : new URL('./transformation-thread.mjs', import.meta.url);
/** The engine stops a run itself; a thread that has not answered by then is stuck and replaced. */
const BACKSTOP_MS = 2000;

interface Task {
  call: Omit<TransformCall, 'id'>;
  resolve(outcome: RunOutcome & { duration_ms: number }): void;
}

/**
 * Transformations run on their own threads, never on the one that delivers: a busy loop costs its
 * own run's time limit on a transformation thread and nothing on the dispatcher's. Threads start on
 * first use, so a Herald without transformations starts none.
 */
export function makeTransformationSandbox(options: TransformationSandboxOptions): TransformationSandbox {
  const limits: EngineLimits = {
    timeMs: options.timeMs,
    memoryBytes: options.memoryMb * 1024 * 1024,
    // Room for one run at its heap limit, the engine itself and fragmentation.
    moduleBytes: (options.memoryMb * 2 + 32) * 1024 * 1024,
  };
  let nextId = 0;
  let closed = false;

  function makeSlot() {
    let worker: Worker | null = null;
    let timer: NodeJS.Timeout | null = null;
    const queue: { id: number; task: Task }[] = [];

    const armHead = () => {
      if (timer) clearTimeout(timer);
      timer = queue.length ? setTimeout(() => replace({ ok: false, reason: 'timeout', message: `ran longer than ${options.timeMs} ms` }), options.timeMs + BACKSTOP_MS) : null;
    };
    const replace = (outcome: RunOutcome) => {
      const head = queue.shift();
      const rest = queue.splice(0);
      void worker?.terminate();
      worker = null;
      head?.task.resolve({ ...outcome, duration_ms: options.timeMs + BACKSTOP_MS });
      for (const q of rest) send(q.task);
    };
    const start = () => {
      const w = new Worker(entry, { workerData: limits, resourceLimits: { maxOldGenerationSizeMb: 64 } });
      w.unref();
      worker = w;
      w.on('message', (m: TransformReply | { ready: true }) => {
        if (w !== worker || 'ready' in m) return;
        const head = queue.shift();
        if (!head || head.id !== m.id) return replace({ ok: false, reason: 'error', message: 'the transformation thread replied out of order' });
        head.task.resolve({ ...m.outcome, duration_ms: m.duration_ms });
        armHead();
      });
      w.on('error', (err) => {
        if (w === worker) replace({ ok: false, reason: 'error', message: `the transformation thread failed: ${err.message}` });
      });
      w.on('exit', () => {
        if (w === worker && !closed) replace({ ok: false, reason: 'error', message: 'the transformation thread stopped' });
      });
    };
    const send = (task: Task) => {
      if (!worker) start();
      const id = nextId++;
      queue.push({ id, task });
      worker!.postMessage({ id, ...task.call } satisfies TransformCall);
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
        for (const q of queue.splice(0)) q.task.resolve({ ok: false, reason: 'error', message: 'the transformation sandbox is closing', duration_ms: 0 });
        await w?.terminate();
      },
    };
  }

  const slots = Array.from({ length: Math.max(1, options.threads) }, makeSlot);
  return {
    run(code, input) {
      return new Promise((resolve) => {
        if (closed) return resolve({ ok: false, reason: 'error', message: 'the transformation sandbox is closed', duration_ms: 0 });
        let best = slots[0]!;
        for (const s of slots) if (s.load < best.load) best = s;
        best.send({ call: { code, input }, resolve });
      });
    },
    async close() {
      closed = true;
      await Promise.all(slots.map((s) => s.close()));
    },
  };
}
