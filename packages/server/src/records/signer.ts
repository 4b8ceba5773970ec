import { CompactSign, exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';
import type { SecretBox } from '../crypto/secret-box.js';
import { newId } from '../ids.js';
import type { Store } from '../store/types.js';

/** What a record's JWS asserts; the bytes themselves are bound through `content_hash`. */
export interface RecordClaims {
  iss: 'herald';
  rid: string;
  content_hash: string;
  content_type: string;
  size: number;
  iat: number;
}

/**
 * Signs record metadata as compact JWS (RS256). Keys live in the store, private halves sealed
 * with the master key; every key ever used stays in the JWKS so older records still verify.
 * The first key is made on first use.
 */
export function makeRecordSigner(store: Store, box: SecretBox) {
  let creating: Promise<void> | null = null;

  async function rotate(): Promise<string> {
    const { privateKey, publicKey } = await generateKeyPair('RS256', { modulusLength: 2048, extractable: true });
    const kid = newId('key').replace('key_', 'rsk_');
    const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
    await store.addSigningKey({ kid, sealed_private: box.seal(JSON.stringify(await exportJWK(privateKey))), public_jwk: publicJwk, status: 'active', created_at: Date.now() });
    return kid;
  }

  async function activeKey() {
    let key = await store.getActiveSigningKey();
    if (!key) {
      creating ??= rotate().then(() => undefined).finally(() => (creating = null));
      await creating;
      key = (await store.getActiveSigningKey())!;
    }
    return key;
  }

  return {
    rotate,
    async sign(claims: RecordClaims): Promise<string> {
      const key = await activeKey();
      const privateKey = await importJWK(JSON.parse(box.open(key.sealed_private)) as JWK, 'RS256');
      return new CompactSign(new TextEncoder().encode(JSON.stringify(claims))).setProtectedHeader({ alg: 'RS256', kid: key.kid, typ: 'herald-record+jws' }).sign(privateKey);
    },
    async jwks(): Promise<{ keys: Record<string, unknown>[] }> {
      await activeKey();
      return { keys: (await store.listSigningKeys()).map((k) => k.public_jwk) };
    },
  };
}
export type RecordSigner = ReturnType<typeof makeRecordSigner>;
