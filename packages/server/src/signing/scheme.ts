/**
 * A signature scheme turns (id, timestamp, body, live secrets) into the headers a receiver
 * checks. Each scheme lives in its own module; every unexpired secret signs, newest first, so
 * receivers holding either side of a rotation accept.
 */
export interface SignInput {
  /** The id the receiver dedupes on (`webhook-id`). */
  id: string;
  /** Unix seconds of this attempt. */
  timestamp: number;
  /** The exact bytes sent, as a string. */
  body: string;
  /** Plaintext secrets, newest first; at least one. */
  secrets: string[];
}

export interface SignatureScheme {
  readonly name: string;
  sign(input: SignInput): Record<string, string>;
}
