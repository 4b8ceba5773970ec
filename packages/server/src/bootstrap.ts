import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateAdminToken } from './crypto/tokens.js';

/**
 * First-start material kept in the data dir when the environment does not provide it:
 * the master key (encrypts endpoint secrets) and the admin token. Files are 0600.
 */
function readOrCreate(path: string, create: () => string): { value: string; created: boolean } {
  if (existsSync(path)) return { value: readFileSync(path, 'utf8').trim(), created: false };
  const value = create();
  writeFileSync(path, value + '\n', { mode: 0o600, flag: 'wx' });
  return { value, created: true };
}

/**
 * The data dir holds the master key, the admin token, the database and tenants' records: only
 * the user Herald runs as may enter it (0700), whatever the umask or an earlier version left.
 */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if ((statSync(dir).mode & 0o077) !== 0) chmodSync(dir, 0o700);
}

export function loadMasterKey(dataDir: string, fromEnv: string | undefined): Buffer {
  ensurePrivateDir(dataDir);
  const encoded = fromEnv ?? readOrCreate(join(dataDir, 'master.key'), () => randomBytes(32).toString('base64')).value;
  const key = Buffer.from(encoded, 'base64');
  if (key.length !== 32) throw new Error('HERALD_MASTER_KEY must be the base64 encoding of exactly 32 bytes (try: openssl rand -base64 32)');
  return key;
}

export function loadAdminToken(dataDir: string, fromEnv: string | undefined): { token: string; created: boolean } {
  if (fromEnv) return { token: fromEnv, created: false };
  ensurePrivateDir(dataDir);
  const { value, created } = readOrCreate(join(dataDir, 'admin-token'), generateAdminToken);
  return { token: value, created };
}
