import type { RunOutcome } from './engine.js';

/** Messages between the transformation sandbox and its threads. `input` is JSON text; null checks the code only. */
export interface TransformCall {
  id: number;
  code: string;
  input: string | null;
}

export type TransformReply = { id: number; outcome: RunOutcome; duration_ms: number };
