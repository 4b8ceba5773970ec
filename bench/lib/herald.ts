import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'undici';
import { createTestDatabase, UNTHROTTLED } from '../../packages/server/test/helpers.js';
import { BUNDLE, buildBundle, spawnServer, type ServerProcess } from '../../packages/server/test/process.js';

const ADMIN = 'bench-admin-token';

/** Herald runs as in production: the esbuild bundle, rebuilt from the current sources once per bench run. */
let built = false;

export interface HeraldMode {
  store: 'sqlite' | 'postgres';
  /** Worker processes (SQLite: always one process in role `all`). */
  workers: number;
}

/**
 * Herald as its users run it, as child processes: a publishing phase with only the API up (so a
 * backlog can build), then a delivery phase with the worker(s) running. SQLite is the embedded
 * single-process mode: the API-only process is replaced by one `all` process. PostgreSQL keeps
 * one API process and adds `workers` worker processes.
 */
export class HeraldCluster {
  private api: ServerProcess | null = null;
  private workers: ServerProcess[] = [];
  private pool: Pool | null = null;
  private readonly dataDir = mkdtempSync(join(tmpdir(), 'herald-bench-'));
  private database: { url: string; drop(): Promise<void> } | null = null;

  constructor(readonly mode: HeraldMode) {}

  private env(role: string): Record<string, string> {
    return {
      HERALD_ROLE: role,
      HERALD_ADMIN_TOKEN: ADMIN,
      HERALD_DATA_DIR: this.dataDir,
      HERALD_MASTER_KEY: Buffer.alloc(32, 7).toString('base64'),
      LOG_LEVEL: 'error',
      // The bench is the operator measuring capacity: per-tenant rate limits are raised past what
      // it sends (they still count every request).
      ...UNTHROTTLED.env,
      ...(this.database ? { DATABASE_URL: this.database.url } : {}),
    };
  }

  async start(): Promise<void> {
    if (!built) buildBundle();
    built = true;
    if (this.mode.store === 'postgres') this.database = await createTestDatabase();
    await this.publishingPhase();
  }

  get url(): string {
    const p = this.mode.store === 'sqlite' && this.workers[0] ? this.workers[0] : this.api;
    if (!p) throw new Error('herald is not running');
    return p.url;
  }

  /** Only the API runs: published messages wait as pending deliveries. */
  async publishingPhase(): Promise<void> {
    for (const w of this.workers) await w.stop();
    this.workers = [];
    if (!this.api) this.api = await spawnServer(this.env('api'), [], [], BUNDLE);
    await this.resetPool();
  }

  /** Workers run (SQLite: the one `all` process also serves the API). `nodeArgs` e.g. --cpu-prof. */
  async deliveryPhase(nodeArgs: string[] = []): Promise<void> {
    if (this.mode.store === 'sqlite') {
      await this.api?.stop();
      this.api = null;
      this.workers = [await spawnServer(this.env('all'), [], nodeArgs, BUNDLE)];
    } else {
      this.workers = await Promise.all(Array.from({ length: this.mode.workers }, () => spawnServer(this.env('worker'), [], nodeArgs, BUNDLE)));
    }
    await this.resetPool();
  }

  /** The processes that deliver (for memory sampling). */
  workerPids(): number[] {
    return this.workers.map((w) => w.child.pid!);
  }

  /** What the delivery processes printed (warnings and errors). */
  workerOutput(): string {
    return this.workers.map((w) => w.output()).join('\n');
  }

  apiPid(): number {
    return (this.api ?? this.workers[0]!).child.pid!;
  }

  private async resetPool(): Promise<void> {
    await this.pool?.close();
    this.pool = new Pool(this.url, { connections: 64, keepAliveTimeout: 60_000 });
  }

  async call(token: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
    return this.callText(token, method, path, body === undefined ? undefined : JSON.stringify(body));
  }

  /** `call` with the body already JSON text (a load generator that must not spend its time stringifying). */
  async callText(token: string, method: string, path: string, json: string | undefined): Promise<{ status: number; body: any }> {
    const res = await this.pool!.request({
      path: `/api/v1${path}`,
      method: method as 'POST',
      headers: json === undefined ? { authorization: `Bearer ${token}` } : { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: json ?? null,
    });
    const text = await res.body.text();
    return { status: res.statusCode, body: text ? JSON.parse(text) : null };
  }

  /** GET /health/ready: its status. */
  async ready(): Promise<number> {
    const res = await this.pool!.request({ path: '/health/ready', method: 'GET' });
    await res.body.dump();
    return res.statusCode;
  }

  async mustCall(token: string, method: string, path: string, body?: unknown): Promise<any> {
    const res = await this.call(token, method, path, body);
    if (res.status >= 300) throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  /**
   * Deletes an application and waits until it is gone. Deleting hundreds of thousands of
   * deliveries can outlast the API's store timeout (503); the delete goes on in the store, so
   * this asks again until the application answers 404.
   */
  async deleteApp(token: string, id: string, capMs = 300_000): Promise<void> {
    const deadline = Date.now() + capMs;
    for (let res = await this.call(token, 'DELETE', `/app/${id}`); res.status !== 204 && res.status !== 404; res = await this.call(token, 'DELETE', `/app/${id}`)) {
      if (res.status !== 503 || Date.now() > deadline) throw new Error(`DELETE /app/${id} → ${res.status} ${JSON.stringify(res.body)}`);
      await new Promise((r) => setTimeout(r, 1000));
    }
  }

  async createTenant(name: string): Promise<string> {
    return (await this.mustCall(ADMIN, 'POST', '/tenants', { name })).api_keys.test;
  }

  async close(): Promise<void> {
    await this.pool?.close();
    for (const w of this.workers) await w.stop();
    await this.api?.stop();
    await this.database?.drop();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}
