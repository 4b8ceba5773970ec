/** Thrown whenever a webhook cannot be trusted: missing headers, bad signature, stale timestamp. */
export class WebhookVerificationError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'WebhookVerificationError';
    // Keep `instanceof` working when the class is transpiled or bundled.
    Object.setPrototypeOf(this, new.target.prototype);
  }
}
