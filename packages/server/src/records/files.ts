import { createHash } from 'node:crypto';
import { createWriteStream, mkdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export class RecordTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`The record is larger than ${limit} bytes`);
    this.name = 'RecordTooLargeError';
  }
}

export function recordPath(dataDir: string, id: string): string {
  return join(dataDir, 'records', id);
}

/**
 * Streams a record to disk while hashing it (sha512) and counting bytes; never holds it whole in
 * memory. Over `maxBytes`, stops reading, removes the partial file and throws.
 */
export async function writeRecord(input: Readable, path: string, maxBytes: number): Promise<{ size: number; contentHash: string }> {
  mkdirSync(join(path, '..'), { recursive: true, mode: 0o700 });
  const hash = createHash('sha512');
  let size = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      if (size > maxBytes) return done(new RecordTooLargeError(maxBytes));
      hash.update(chunk);
      done(null, chunk);
    },
  });
  try {
    await pipeline(input, meter, createWriteStream(path, { flags: 'wx', mode: 0o600 }));
  } catch (err) {
    await rm(path, { force: true });
    throw err;
  }
  return { size, contentHash: 'sha512-' + hash.digest('base64') };
}

export async function deleteRecord(dataDir: string, id: string): Promise<void> {
  await rm(recordPath(dataDir, id), { force: true });
}
