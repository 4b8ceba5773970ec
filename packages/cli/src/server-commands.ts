import type { Command } from 'commander';
import type { HeraldConfig } from '@herald/server';

/** The server is loaded by the commands that run it: every API command would otherwise load it all (a second per call). */
const server = () => import('@herald/server');

interface ServeOptions {
  port?: string;
  host?: string;
  dataDir?: string;
  role?: HeraldConfig['role'];
}

async function configFrom(opts: ServeOptions): Promise<HeraldConfig> {
  // Flags override the environment, which overrides defaults.
  const env = { ...process.env };
  if (opts.port) env.PORT = opts.port;
  if (opts.host) env.HOST = opts.host;
  if (opts.dataDir) env.HERALD_DATA_DIR = opts.dataDir;
  if (opts.role) env.HERALD_ROLE = opts.role;
  return (await server()).loadConfig(env);
}

export function registerServerCommands(program: Command): void {
  program
    .command('serve')
    .description('Run Herald: API and delivery workers (SQLite in ./data unless DATABASE_URL is set)')
    .option('-p, --port <port>', 'port to listen on (env PORT, default 8080)')
    .option('--host <host>', 'address to bind (env HOST, default 127.0.0.1)')
    .option('--data-dir <dir>', 'data directory (env HERALD_DATA_DIR, default ./data)')
    .option('--role <role>', 'all | api | worker (env HERALD_ROLE, default all)')
    .action(async (opts: ServeOptions) => {
      const config = await configFrom(opts);
      const herald = await (await server()).createHerald(config);
      const url = await herald.listen();
      const lines = [
        '',
        `  Herald is running (${herald.store.dialect}, ${config.dataDir})`,
        `  Dashboard:  ${url}/`,
        `  API:        ${url}/api/v1`,
        `  OpenAPI:    ${url}/api/v1/openapi.json`,
        `  Health:     ${url}/health/ready`,
        `  Metrics:    ${url}/metrics`,
        herald.adminTokenCreated
          ? `  Admin token (shown once, also saved in ${config.dataDir}/admin-token): ${herald.adminToken}`
          : config.adminToken
            ? '  Admin token: from HERALD_ADMIN_TOKEN'
            : `  Admin token: in ${config.dataDir}/admin-token`,
        '',
        `  Next: curl -X POST ${url}/api/v1/tenants -H "Authorization: Bearer <admin token>" -H "Content-Type: application/json" -d '{"name":"Acme"}'`,
        '',
      ];
      process.stdout.write(lines.join('\n') + '\n');
      let stopping = false;
      const stop = async (signal: string) => {
        if (stopping) return;
        stopping = true;
        herald.logger.info({ signal }, 'shutting down');
        await herald.close();
        process.exit(0);
      };
      process.on('SIGINT', () => void stop('SIGINT'));
      process.on('SIGTERM', () => void stop('SIGTERM'));
    });

  program
    .command('migrate')
    .description('Create or upgrade the database schema (SQLite in the data dir, or DATABASE_URL), then exit')
    .option('--data-dir <dir>', 'data directory (env HERALD_DATA_DIR, default ./data)')
    .action(async (opts: ServeOptions) => {
      const config = await configFrom(opts);
      const { openPostgresStore, openSqliteStore } = await server();
      const store = config.databaseUrl ? await openPostgresStore(config.databaseUrl) : openSqliteStore(config.sqlitePath);
      await store.close();
      const where = config.databaseUrl ? 'PostgreSQL' : config.sqlitePath;
      console.log(store.applied.length ? `applied: ${store.applied.join(', ')}` : `schema is up to date (${where})`);
    });
}
