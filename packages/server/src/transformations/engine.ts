import variant from '@jitl/quickjs-singlefile-mjs-release-sync';
import { newQuickJSWASMModuleFromVariant, newVariant, shouldInterruptAfterDeadline, type QuickJSWASMModule } from 'quickjs-emscripten-core';

/**
 * Endpoint transformations run here: QuickJS compiled to WebAssembly, with nothing of the host in
 * reach (no require, process, fetch, timers or I/O: the context has only the ECMAScript
 * built-ins). Every run gets a fresh runtime with a time limit (an interrupt handler checked as
 * the code runs), a heap limit and a stack limit, and the whole module is capped by its WebAssembly
 * memory, which no allocation inside can pass. A run that aborts the module (the engine's own
 * assertion, say after a stack overflow) loads a new one.
 */
export interface EngineLimits {
  timeMs: number;
  memoryBytes: number;
  /** The WebAssembly memory of the module, all runs together (bytes). */
  moduleBytes: number;
}

/** What a run returns: the handler's answer as JSON text, or why there is none. */
export type RunOutcome = { ok: true; output: string } | { ok: false; reason: 'timeout' | 'memory' | 'error'; message: string };

const PAGE = 64 * 1024;
const STACK_BYTES = 256 * 1024;
const INVOKE = 'transformation-invoke.js';

export async function makeEngine(limits: EngineLimits) {
  const load = () =>
    newQuickJSWASMModuleFromVariant(
      newVariant(variant, { wasmMemory: new WebAssembly.Memory({ initial: 16 * 1024 * 1024 / PAGE, maximum: Math.max(256, Math.ceil(limits.moduleBytes / PAGE)) }) }),
    );
  let module: QuickJSWASMModule = await load();

  /** Runs `code` (which defines `handler`) on `input` (JSON text). */
  async function run(code: string, input: string | null): Promise<RunOutcome> {
    let outcome: RunOutcome;
    try {
      outcome = runOnce(module, code, input, limits);
    } catch (err) {
      // The module aborted: it cannot be used again.
      module = await load();
      outcome = { ok: false, reason: 'error', message: `The sandbox stopped: ${(err as Error).message.slice(0, 200)}` };
    }
    if (!outcome.ok && outcome.reason === 'error' && /interrupted/.test(outcome.message)) outcome = { ok: false, reason: 'timeout', message: `ran longer than ${limits.timeMs} ms` };
    if (!outcome.ok && outcome.reason === 'error' && /out of memory|memory access out of bounds|Cannot enlarge memory/i.test(outcome.message)) {
      outcome = { ok: false, reason: 'memory', message: `used more than ${Math.round(limits.memoryBytes / 1048576)} MB` };
    }
    return outcome;
  }
  return { run };
}

function runOnce(module: QuickJSWASMModule, code: string, input: string | null, limits: EngineLimits): RunOutcome {
  const runtime = module.newRuntime();
  try {
    runtime.setMemoryLimit(limits.memoryBytes);
    runtime.setMaxStackSize(STACK_BYTES);
    runtime.setInterruptHandler(shouldInterruptAfterDeadline(Date.now() + limits.timeMs));
    const context = runtime.newContext();
    try {
      const defined = context.evalCode(code, 'transformation.js');
      if (defined.error) return failure(context.dump(defined.error), () => defined.error.dispose());
      defined.value.dispose();
      // Only checking that the code defines a handler (at save): nothing to call.
      const call = input === null ? `typeof handler === 'function' ? 'null' : (() => { throw new TypeError('the code must define function handler(webhook)') })()` : `JSON.stringify(handler(JSON.parse(${JSON.stringify(input)})) ?? null)`;
      const result = context.evalCode(call, INVOKE);
      if (result.error) return failure(context.dump(result.error), () => result.error.dispose());
      const output = context.typeof(result.value) === 'string' ? context.getString(result.value) : null;
      result.value.dispose();
      return output === null ? { ok: false, reason: 'error', message: 'handler must return a JSON-serializable object' } : { ok: true, output };
    } finally {
      context.dispose();
    }
  } finally {
    runtime.dispose();
  }
}

function failure(dumped: unknown, dispose: () => void): RunOutcome {
  dispose();
  const e = dumped as { name?: string; message?: string; stack?: string } | string;
  const message = typeof e === 'object' && e !== null ? `${e.name ?? 'Error'}: ${e.message ?? ''}${lineOf(e.stack)}` : String(e);
  return { ok: false, reason: 'error', message: message.slice(0, 500) };
}

/** "at handler (transformation.js:3:9)" → " (line 3)"; frames of Herald's own call are left out. */
function lineOf(stack: string | undefined): string {
  const m = stack?.match(/transformation\.js:(\d+)/);
  return m ? ` (line ${m[1]})` : '';
}
