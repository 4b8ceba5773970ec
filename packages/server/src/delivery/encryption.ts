import { encryptData } from '../crypto/data-encryption.js';
import type { SecretBox } from '../crypto/secret-box.js';
import type { DataEncrypter } from '../envelopes/index.js';
import type { EndpointRuntime } from '../store/types.js';

/** A delivery that cannot be built as configured: recorded as a failed attempt, class `configuration`. */
export class DeliveryConfigError extends Error {
  override name = 'DeliveryConfigError';
}

/**
 * The data encrypter for an endpoint, or undefined when it does not encrypt. Opened keys are
 * cached by their sealed text, so the master-key decryption happens once per key.
 */
export function makeEncrypterFor(box: SecretBox) {
  const keys = new Map<string, Buffer>();
  return (rt: Pick<EndpointRuntime, 'encrypt_data' | 'active_key'>): DataEncrypter | undefined => {
    if (!rt.encrypt_data) return undefined;
    if (!rt.active_key) {
      throw new DeliveryConfigError('Encryption is on for this endpoint but its application has no active webhook key: create one with POST /api/v1/app/{app}/webhook-keys');
    }
    const { id, sealed } = rt.active_key;
    let key = keys.get(sealed);
    if (!key) {
      key = Buffer.from(box.open(sealed), 'base64');
      if (keys.size > 1000) keys.clear();
      keys.set(sealed, key);
    }
    const bytes = key;
    return { keyId: id, encrypt: (plaintext) => encryptData(id, bytes, plaintext) };
  };
}
export type EncrypterFor = ReturnType<typeof makeEncrypterFor>;
