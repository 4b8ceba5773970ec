import { Command, InvalidArgumentError } from 'commander';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { HeraldClient, type ApplicationInput, type DeliveryStatus, type MessageInput, type Settings } from '@herald/webhooks/client';

/** Where the API is and who we are: flags, then environment, then the local data dir's admin token. */
function connection(cmd: Command, kind: 'admin' | 'key'): HeraldClient {
  const { url, token } = credentials(cmd, kind);
  return new HeraldClient({ baseUrl: url, token });
}

function credentials(cmd: Command, kind: 'admin' | 'key'): { url: string; token: string } {
  const opts = cmd.optsWithGlobals() as { server?: string; apiKey?: string; adminToken?: string; dataDir?: string };
  const url = (opts.server ?? process.env.HERALD_URL ?? `http://127.0.0.1:${process.env.PORT ?? 8080}`).replace(/\/$/, '');
  if (kind === 'key') {
    const token = opts.apiKey ?? process.env.HERALD_API_KEY;
    if (!token) throw new Error('an API key is needed: pass --api-key hk_test_… or set HERALD_API_KEY');
    return { url, token };
  }
  let token = opts.adminToken ?? process.env.HERALD_ADMIN_TOKEN;
  if (!token) {
    const file = join(resolve(opts.dataDir ?? process.env.HERALD_DATA_DIR ?? './data'), 'admin-token');
    try {
      token = readFileSync(file, 'utf8').trim();
    } catch {
      throw new Error(`the admin token is needed: pass --admin-token, set HERALD_ADMIN_TOKEN, or run where ${file} exists`);
    }
  }
  return { url, token };
}

const print = (value: unknown) => console.log(JSON.stringify(value, null, 2));

function jsonArg(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    throw new InvalidArgumentError(`not valid JSON: ${value}`);
  }
}

function intArg(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n)) throw new InvalidArgumentError(`not an integer: ${value}`);
  return n;
}

const list = (value: string) => value.split(',').map((s) => s.trim()).filter(Boolean);

function row(cells: (string | number | null)[], widths: number[]): string {
  return cells.map((c, i) => String(c ?? '-').padEnd(widths[i]!)).join('  ');
}

export function registerApiCommands(program: Command): void {
  program
    .option('--server <url>', 'Herald base URL (env HERALD_URL, default http://127.0.0.1:$PORT or 8080)')
    .option('--api-key <key>', 'tenant API key (env HERALD_API_KEY)')
    .option('--admin-token <token>', 'admin token (env HERALD_ADMIN_TOKEN, else ./data/admin-token)');

  const tenant = program.command('tenant').description('Tenants (admin token)');
  tenant
    .command('create')
    .description('Create a tenant; prints its test and live API keys once')
    .requiredOption('--name <name>', 'tenant name')
    .action(async (opts: { name: string }, cmd: Command) => print(await connection(cmd, 'admin').createTenant({ name: opts.name })));

  const app = program.command('app').description('Applications (API key)');
  app
    .command('create')
    .description('Create an application')
    .requiredOption('--name <name>', 'application name')
    .option('--uid <uid>', 'your own id for it')
    .option('--preset <preset>', 'configure like a provider: klariqo, kyc, klarefi, kompliant')
    .action(async (opts: { name: string; uid?: string; preset?: string }, cmd: Command) =>
      // The server checks the preset's name (422 names the ones it knows).
      print(await connection(cmd, 'key').createApplication({ name: opts.name, ...(opts.uid ? { uid: opts.uid } : {}), ...(opts.preset ? { preset: opts.preset as ApplicationInput['preset'] } : {}) })),
    );

  program
    .command('settings')
    .description("Show or set this environment's delivery defaults (the contract new applications start from)")
    .option('--preset <preset>', 'klariqo, kyc, klarefi or kompliant; installs its event types')
    .action(async (opts: { preset?: string }, cmd: Command) => {
      const herald = connection(cmd, 'key');
      print(opts.preset ? await herald.updateSettings({ preset: opts.preset as Settings['preset'] }) : await herald.getSettings());
    });

  const endpoint = program.command('endpoint').description('Endpoints (API key)');
  endpoint
    .command('add')
    .description('Add an endpoint; prints its signing secret once')
    .requiredOption('--app <app>', 'application id or uid')
    .requiredOption('--url <endpointUrl>', 'where to deliver')
    .option('--types <types>', 'comma-separated event types to receive (default: all)', list)
    .option('--timeout <seconds>', 'timeout in seconds, 1–30', intArg)
    .option('--description <text>', 'description')
    .action(async (opts: { app: string; url: string; types?: string[]; timeout?: number; description?: string }, cmd: Command) => {
      const body = {
        url: opts.url,
        ...(opts.types ? { filter_types: opts.types } : {}),
        ...(opts.timeout ? { timeout_seconds: opts.timeout } : {}),
        ...(opts.description ? { description: opts.description } : {}),
      };
      print(await connection(cmd, 'key').createEndpoint(opts.app, body));
    });
  endpoint
    .command('list')
    .description("List an application's endpoints")
    .requiredOption('--app <app>', 'application id or uid')
    .action(async (opts: { app: string }, cmd: Command) => {
      const page = await connection(cmd, 'key').listEndpoints(opts.app);
      const widths = [30, 8, 50, 20];
      console.log(row(['ID', 'STATUS', 'URL', 'SECRET'], widths));
      for (const ep of page.data) console.log(row([ep.id, ep.status, ep.url, ep.secret], widths));
    });

  program
    .command('send')
    .description('Publish a message')
    .requiredOption('--app <app>', 'application id or uid')
    .requiredOption('--type <type>', 'event type')
    .requiredOption('--payload <json>', 'payload as JSON', jsonArg)
    .option('--id <eventId>', 'your own event id')
    .option('--idempotency-key <key>', 'Idempotency-Key header')
    .action(async (opts: { app: string; type: string; payload: unknown; id?: string; idempotencyKey?: string }, cmd: Command) => {
      const message = { type: opts.type, payload: opts.payload, ...(opts.id ? { id: opts.id } : {}) };
      print(await connection(cmd, 'key').publish(opts.app, message, { idempotencyKey: opts.idempotencyKey }));
    });

  program
    .command('send-batch')
    .description('Publish up to 100 messages in one request: a JSON array of {type, payload, id?, idempotency_key?} from a file, or - for stdin')
    .requiredOption('--app <app>', 'application id or uid')
    .requiredOption('--file <path>', 'JSON array of messages, or - to read standard input')
    .action(async (opts: { app: string; file: string }, cmd: Command) => {
      const text = readFileSync(opts.file === '-' ? 0 : opts.file, 'utf8');
      let messages: unknown;
      try {
        messages = JSON.parse(text);
      } catch {
        throw new InvalidArgumentError(`${opts.file === '-' ? 'standard input' : opts.file} is not valid JSON`);
      }
      if (!Array.isArray(messages)) throw new InvalidArgumentError('the file must hold a JSON array of messages');
      // The server checks each message and answers a problem per refused one.
      const out = await connection(cmd, 'key').publishBatch(opts.app, messages as MessageInput[]);
      print(out);
      // Some refused: a failing exit status, so a script notices (each result says why).
      if (out.data.some((r) => r.status !== 202)) process.exitCode = 1;
    });

  program
    .command('listen')
    .description("Forward an endpoint's events to a local app as they are published, signed as Herald would send them (polls the events API)")
    .requiredOption('--app <app>', 'application id or uid')
    .requiredOption('--endpoint <id>', 'the endpoint whose events to forward (its secret signs them)')
    .requiredOption('--forward-to <url>', 'local URL, e.g. http://127.0.0.1:3000/webhooks')
    .option('--from-start', 'forward everything the endpoint ever had, not only new events')
    .option('--after <cursor>', 'resume after this cursor')
    .option('--interval <ms>', 'poll interval', intArg, 1000)
    .option('--for <seconds>', 'stop after this many seconds', intArg)
    .action(async (opts: { app: string; endpoint: string; forwardTo: string; fromStart?: boolean; after?: string; interval: number; for?: number }, cmd: Command) => {
      const herald = connection(cmd, 'key');
      let position: { after?: string; since?: string } = opts.after ? { after: opts.after } : opts.fromStart ? {} : { since: new Date().toISOString() };
      const deadline = opts.for ? Date.now() + opts.for * 1000 : Infinity;
      console.log(`listening for ${opts.endpoint}, forwarding to ${opts.forwardTo}`);
      while (Date.now() < deadline) {
        const page = await herald.listEndpointEvents(opts.app, opts.endpoint, { signed: true, limit: 100, ...position });
        for (const item of page.data) {
          // With signed=true every event carries the request Herald would have sent.
          if (!item.request) throw new Error(`the server sent ${item.message.id} without its signed request`);
          const { headers, body } = item.request;
          const started = Date.now();
          try {
            const res = await fetch(opts.forwardTo, { method: 'POST', headers, body });
            console.log(`→ ${res.status} ${item.message.id} ${item.message.type} (${Date.now() - started} ms)`);
          } catch (err) {
            console.log(`✗ ${item.message.id} ${item.message.type}: ${(err as Error).message}`);
          }
        }
        if (page.cursor) position = { after: page.cursor };
        if (page.done) await new Promise((r) => setTimeout(r, Math.min(opts.interval, Math.max(0, deadline - Date.now()))));
      }
    });

  program
    .command('deliveries')
    .description("Show an application's deliveries, newest first; --follow keeps printing changes")
    .requiredOption('--app <app>', 'application id or uid')
    .option('--status <status>', 'pending | delivering | succeeded | failed | discarded')
    .option('--endpoint <id>', 'only this endpoint')
    .option('--limit <n>', 'rows per poll, 1–250', intArg, 50)
    .option('-f, --follow', 'poll every second and print deliveries as they change')
    .option('--for <seconds>', 'with --follow, stop after this many seconds', intArg)
    .action(async (opts: { app: string; status?: string; endpoint?: string; limit: number; follow?: boolean; for?: number }, cmd: Command) => {
      const herald = connection(cmd, 'key');
      const filter = { limit: opts.limit, status: opts.status as DeliveryStatus | undefined, endpoint_id: opts.endpoint };
      const widths = [30, 30, 30, 10, 8, 6];
      console.log(row(['DELIVERY', 'MESSAGE', 'ENDPOINT', 'STATUS', 'ATTEMPTS', 'HTTP'], widths));
      const seen = new Map<string, string>();
      const deadline = opts.for ? Date.now() + opts.for * 1000 : Infinity;
      for (;;) {
        const page = await herald.listDeliveries(opts.app, filter);
        for (const d of [...page.data].reverse()) {
          const state = `${d.status}:${d.attempt_count}`;
          if (seen.get(d.id) === state) continue;
          seen.set(d.id, state);
          console.log(row([d.id, d.message_id, d.endpoint_id, d.status, d.attempt_count, d.last_status_code], widths));
        }
        if (!opts.follow || Date.now() >= deadline) break;
        await new Promise((r) => setTimeout(r, 1000));
      }
    });
}
