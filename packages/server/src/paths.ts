import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The @herald/server package directory, found by walking up from this module. The same code runs
 * from `src/` (through tsx) and bundled into `dist/` (`npm run build`), so files that ship beside
 * the code (migrations, presets) and the built dashboard are located from here, not from the
 * importing module.
 */
function findServerRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === '@herald/server') return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the @herald/server package directory');
    dir = parent;
  }
}

export const SERVER_ROOT = findServerRoot();

/** A path inside the server package, e.g. serverPath('src', 'presets'). */
export const serverPath = (...parts: string[]) => join(SERVER_ROOT, ...parts);
