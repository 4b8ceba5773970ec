import { createCipheriv, randomBytes } from 'node:crypto';

/** What replaces the envelope's `data` when encryption is on (seed 004): base64url fields. */
export interface EncryptedData {
  alg: 'A256GCM';
  key_id: string;
  iv: string;
  ciphertext: string;
  tag: string;
}

/** AES-256-GCM with a fresh 96-bit IV per delivery attempt; no additional data, as the seed's receivers expect. */
export function encryptData(keyId: string, key: Buffer, plaintext: string): EncryptedData {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return {
    alg: 'A256GCM',
    key_id: keyId,
    iv: iv.toString('base64url'),
    ciphertext: ciphertext.toString('base64url'),
    tag: cipher.getAuthTag().toString('base64url'),
  };
}
