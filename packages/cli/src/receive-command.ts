import { InvalidArgumentError, type Command } from 'commander';
import { createServer } from 'node:http';
import { Webhook, type Scheme } from '@herald/webhooks';

const SCHEMES: Scheme[] = ['standard', 'standard-ed25519', 'hmac-hex', 'timestamped'];

function seconds(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`not a whole number of seconds: ${value}`);
  return n;
}

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError(`not a port: ${value}`);
  return n;
}

/**
 * `herald receive`: a local webhook receiver for trying Herald out. It verifies every request
 * with the endpoint's secret, as a real receiver must, prints what it got, and answers 204 (or
 * 400 when the signature does not verify, so Herald retries and logs the failure).
 */
export function registerReceiveCommand(program: Command): void {
  program
    .command('receive')
    .description('Run a local webhook receiver: verify each delivery with the endpoint secret and print it')
    .option('--port <port>', 'port to listen on', port, 3000)
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--secret <secret>', "the endpoint's signing secret, whsec_… or whpk_… (env HERALD_SECRET)")
    .option('--scheme <scheme>', `signature scheme: ${SCHEMES.join(', ')} (default: from the secret)`)
    .option('--header-name <name>', 'timestamped: the signature header')
    .option('--for <seconds>', 'stop after this many seconds', seconds)
    .action(async (opts: { port: number; host: string; secret?: string; scheme?: string; headerName?: string; for?: number }) => {
      const secret = opts.secret ?? process.env.HERALD_SECRET;
      if (!secret) throw new InvalidArgumentError("the endpoint's signing secret is needed: pass --secret whsec_… or set HERALD_SECRET");
      if (opts.scheme && !SCHEMES.includes(opts.scheme as Scheme)) throw new InvalidArgumentError(`unknown scheme ${opts.scheme}; one of ${SCHEMES.join(', ')}`);
      const wh = new Webhook(secret, { ...(opts.scheme ? { scheme: opts.scheme as Scheme } : {}), ...(opts.headerName ? { headerName: opts.headerName } : {}) });
      const server = createServer(async (req, res) => {
        // Anything but a POST is not a delivery: answer it, e.g. a script waiting until this listens.
        if (req.method !== 'POST') return void res.writeHead(200, { 'content-type': 'text/plain' }).end('herald receive: ready\n');
        const chunks: Buffer[] = [];
        for await (const chunk of req) chunks.push(chunk as Buffer);
        const body = Buffer.concat(chunks);
        const id = req.headers['webhook-id'] ?? req.headers['x-webhook-id'] ?? '-';
        try {
          const event = (await wh.verify(body, req.headers)) as Record<string, unknown>;
          const type = event.type ?? event.event ?? '-';
          // A verification challenge is answered by echoing it back.
          if (type === 'endpoint.verification' && typeof event.challenge === 'string') {
            console.log(`✓ ${id} endpoint.verification (challenge answered)`);
            return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ challenge: event.challenge }));
          }
          console.log(`✓ verified ${id} ${String(type)} ${body.toString('utf8')}`);
          res.writeHead(204).end();
        } catch (err) {
          console.log(`✗ rejected ${id}: ${(err as Error).message}`);
          res.writeHead(400, { 'content-type': 'text/plain' }).end((err as Error).message);
        }
      });
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(opts.port, opts.host, resolve);
      });
      const { port: bound } = server.address() as { port: number };
      console.log(`receiving webhooks on http://${opts.host}:${bound}/ (any path); Ctrl-C stops`);
      const stop = () => server.close(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      if (opts.for) setTimeout(stop, opts.for * 1000).unref();
    });
}
