import type { ValidationOutcome } from './engine.js';

/** Messages between the schema sandbox and its threads. Payloads travel as JSON text. */
export type SandboxCall =
  | { id: number; op: 'check'; schema: Record<string, unknown> }
  | { id: number; op: 'validate'; key: string; schema?: Record<string, unknown>; payload: string };

export type SandboxReply =
  | { id: number; ok: true; outcome: ValidationOutcome | null }
  /** The thread no longer holds the validator for this key: send the schema again. */
  | { id: number; ok: false; missing: true }
  | { id: number; ok: false; message: string }
  /** Progress: the validator is compiled, validation starts (its own, shorter budget). */
  | { id: number; compiled: true };
