/**
 * Envelopes wrap a published payload into the body a receiver sees. The payload arrives as
 * JSON text and is spliced in verbatim, so the sent bytes never depend on re-serialisation.
 */
export interface EnvelopeInput {
  id: string;
  type: string;
  /** The published payload, JSON text. */
  payload: string;
  /** When the message was published, ms. */
  createdAt: number;
}

export type Envelope = (input: EnvelopeInput) => string;

export const envelopes: Record<string, Envelope> = {
  /** Standard Webhooks: `{ type, timestamp (ISO 8601), data }`. */
  standard: ({ type, payload, createdAt }) =>
    `{"type":${JSON.stringify(type)},"timestamp":${JSON.stringify(new Date(createdAt).toISOString())},"data":${payload}}`,
  /** The payload exactly as published. */
  raw: ({ payload }) => payload,
};
