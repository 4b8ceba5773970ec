import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Files that ship beside the code (migrations, presets, the built dashboard). The same code runs
 * from this repository's sources (through tsx), bundled into packages/server/dist (`npm start`),
 * and bundled into the installable `herald` package, which carries copies under assets/
 * (scripts/build-server.mjs). So they are found from the nearest package directory above this
 * module, by that package's name, not from the importing module.
 */
export interface AssetPaths {
  presets: string;
  sqliteMigrations: string;
  postgresMigrations: string;
  dashboard: string;
}

const LAYOUTS: Record<string, (root: string) => AssetPaths> = {
  '@herald/server': (root) => ({
    presets: join(root, 'src', 'presets'),
    sqliteMigrations: join(root, 'src', 'store', 'sqlite', 'migrations'),
    postgresMigrations: join(root, 'src', 'store', 'postgres', 'migrations'),
    dashboard: join(root, '..', 'dashboard', 'dist'),
  }),
  herald: (root) => ({
    presets: join(root, 'assets', 'presets'),
    sqliteMigrations: join(root, 'assets', 'migrations', 'sqlite'),
    postgresMigrations: join(root, 'assets', 'migrations', 'postgres'),
    dashboard: join(root, 'assets', 'dashboard'),
  }),
};

function findAssets(): AssetPaths {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      const layout = LAYOUTS[(JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name ?? ''];
      if (layout) return layout(dir);
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`cannot find Herald's package directory (one of ${Object.keys(LAYOUTS).join(', ')}) above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
}

export const ASSETS = findAssets();
