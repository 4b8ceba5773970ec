import { Command, InvalidArgumentError } from 'commander';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

interface Connection {
  url: string;
  token: string;
}

/** Where the API is and who we are: flags, then environment, then the local data dir's admin token. */
function connection(cmd: Command, kind: 'admin' | 'key'): Connection {
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

async function api(conn: Connection, method: string, path: string, body?: unknown): Promise<any> {
  const res = await fetch(`${conn.url}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${conn.token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  const parsed = text ? JSON.parse(text) : null;
  if (!res.ok) {
    const details = parsed?.errors?.map((e: { field: string; message: string }) => `\n  ${e.field}: ${e.message}`).join('') ?? '';
    throw new Error(`${res.status} ${parsed?.title ?? res.statusText}: ${parsed?.detail ?? text}${details}`);
  }
  return parsed;
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
    .action(async (opts: { name: string }, cmd: Command) => print(await api(connection(cmd, 'admin'), 'POST', '/tenants', { name: opts.name })));

  const app = program.command('app').description('Applications (API key)');
  app
    .command('create')
    .description('Create an application')
    .requiredOption('--name <name>', 'application name')
    .option('--uid <uid>', 'your own id for it')
    .option('--preset <preset>', 'configure like a provider: klariqo, kyc, klarefi, kompliant')
    .action(async (opts: { name: string; uid?: string; preset?: string }, cmd: Command) =>
      print(
        await api(connection(cmd, 'key'), 'POST', '/app', { name: opts.name, ...(opts.uid ? { uid: opts.uid } : {}), ...(opts.preset ? { preset: opts.preset } : {}) }),
      ),
    );

  program
    .command('settings')
    .description("Show or set this environment's delivery defaults (the contract new applications start from)")
    .option('--preset <preset>', 'klariqo, kyc, klarefi or kompliant; installs its event types')
    .action(async (opts: { preset?: string }, cmd: Command) => {
      const conn = connection(cmd, 'key');
      print(opts.preset ? await api(conn, 'PATCH', '/settings', { preset: opts.preset }) : await api(conn, 'GET', '/settings'));
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
      const conn = connection(cmd, 'key');
      const body = {
        url: opts.url,
        ...(opts.types ? { filter_types: opts.types } : {}),
        ...(opts.timeout ? { timeout_seconds: opts.timeout } : {}),
        ...(opts.description ? { description: opts.description } : {}),
      };
      print(await api(conn, 'POST', `/app/${encodeURIComponent(opts.app)}/endpoint`, body));
    });
  endpoint
    .command('list')
    .description("List an application's endpoints")
    .requiredOption('--app <app>', 'application id or uid')
    .action(async (opts: { app: string }, cmd: Command) => {
      const page = await api(connection(cmd, 'key'), 'GET', `/app/${encodeURIComponent(opts.app)}/endpoint?limit=250`);
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
      const conn = connection(cmd, 'key');
      const res = await fetch(`${conn.url}/api/v1/app/${encodeURIComponent(opts.app)}/msg`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${conn.token}`,
          'content-type': 'application/json',
          ...(opts.idempotencyKey ? { 'idempotency-key': opts.idempotencyKey } : {}),
        },
        body: JSON.stringify({ type: opts.type, payload: opts.payload, ...(opts.id ? { id: opts.id } : {}) }),
      });
      const body = await res.json();
      if (!res.ok) throw new Error(`${res.status} ${body.title}: ${body.detail}`);
      print(body);
    });

  program
    .command('send-batch')
    .description('Publish up to 100 messages in one request: a JSON array of {type, payload, id?, idempotency_key?} from a file, or - for stdin')
    .requiredOption('--app <app>', 'application id or uid')
    .requiredOption('--file <path>', 'JSON array of messages, or - to read standard input')
    .action(async (opts: { app: string; file: string }, cmd: Command) => {
      const conn = connection(cmd, 'key');
      const text = readFileSync(opts.file === '-' ? 0 : opts.file, 'utf8');
      let messages: unknown;
      try {
        messages = JSON.parse(text);
      } catch {
        throw new InvalidArgumentError(`${opts.file === '-' ? 'standard input' : opts.file} is not valid JSON`);
      }
      if (!Array.isArray(messages)) throw new InvalidArgumentError('the file must hold a JSON array of messages');
      const out = await api(conn, 'POST', `/app/${encodeURIComponent(opts.app)}/msg/batch`, { messages });
      print(out);
      // Some refused: a failing exit status, so a script notices (each result says why).
      if (out.data.some((r: { status: number }) => r.status !== 202)) process.exitCode = 1;
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
      const conn = connection(cmd, 'key');
      const base = `/app/${encodeURIComponent(opts.app)}/endpoint/${encodeURIComponent(opts.endpoint)}/events?signed=true&limit=100`;
      let position = opts.after ? `&after=${encodeURIComponent(opts.after)}` : opts.fromStart ? '' : `&since=${encodeURIComponent(new Date().toISOString())}`;
      const deadline = opts.for ? Date.now() + opts.for * 1000 : Infinity;
      console.log(`listening for ${opts.endpoint}, forwarding to ${opts.forwardTo}`);
      while (Date.now() < deadline) {
        const page = await api(conn, 'GET', base + position);
        for (const item of page.data) {
          const started = Date.now();
          try {
            const res = await fetch(opts.forwardTo, { method: 'POST', headers: item.request.headers, body: item.request.body });
            console.log(`→ ${res.status} ${item.message.id} ${item.message.type} (${Date.now() - started} ms)`);
          } catch (err) {
            console.log(`✗ ${item.message.id} ${item.message.type}: ${(err as Error).message}`);
          }
        }
        if (page.cursor) position = `&after=${encodeURIComponent(page.cursor)}`;
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
      const conn = connection(cmd, 'key');
      const query = new URLSearchParams({ limit: String(opts.limit) });
      if (opts.status) query.set('status', opts.status);
      if (opts.endpoint) query.set('endpoint_id', opts.endpoint);
      const widths = [30, 30, 30, 10, 8, 6];
      console.log(row(['DELIVERY', 'MESSAGE', 'ENDPOINT', 'STATUS', 'ATTEMPTS', 'HTTP'], widths));
      const seen = new Map<string, string>();
      const deadline = opts.for ? Date.now() + opts.for * 1000 : Infinity;
      for (;;) {
        const page = await api(conn, 'GET', `/app/${encodeURIComponent(opts.app)}/delivery?${query}`);
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
