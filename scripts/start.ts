// `npm start` on a fresh clone: demo database (embedded PostgreSQL unless DATABASE_URL is set) →
// migrate deploy → seed if never seeded → `next build` if stale → `next start -p ${PORT:-3000}`.
// Seeding: prisma/seed.ts always runs; it returns at once when the fund is seeded (its Fund row is written last).
// Build: only when .next/BUILD_ID is missing or older than any source file (mtime walk of the repo
// minus tests/outputs, a few ms); FORCE_BUILD=1 forces it.
// eID sign-in: the local OpenID provider (scripts/oidc-provider.ts) beside the database, unless FAS_ISSUER is set.
// Scheduler: the pg-boss worker (scripts/worker.ts) runs next to the Next server and is stopped with it
// (SIGINT/SIGTERM reach both; the worker lets its running job finish). SCHEDULER=off disables it.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { BIN, ROOT, childEnv, ensureDatabase, forwardSignals, loadEnvFiles, log, run, runSeed, type DatabaseHandle } from "./db";
import { localMailEnv } from "./mail-catcher";
import { localFasEnv } from "./oidc-provider";

// not inputs of `next build`: skip them so editing a test does not trigger a rebuild
const IGNORED = new Set(["node_modules", ".next", ".data", ".git", ".ci", "tests", "e2e", "coverage", "test-results", "playwright-report", "scripts"]);

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (IGNORED.has(entry.name) || entry.name.endsWith(".md") || entry.name.endsWith(".tsbuildinfo")) continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

function buildIsStale() {
  if (process.env.FORCE_BUILD === "1") return true;
  const buildId = path.join(ROOT, ".next", "BUILD_ID");
  if (!fs.existsSync(buildId)) return true;
  return newestSource(ROOT) > fs.statSync(buildId).mtimeMs;
}

forwardSignals();
loadEnvFiles();

let db: DatabaseHandle | undefined;
let mail: { close: () => void } | undefined;
let fas: { close: () => Promise<void> } | undefined;
let worker: ChildProcess | undefined;

function startWorker(env: NodeJS.ProcessEnv): ChildProcess | undefined {
  if (process.env.SCHEDULER === "off") {
    log("SCHEDULER=off: the job scheduler is not started");
    return undefined;
  }
  const child = spawn(path.join(BIN, "tsx"), ["--conditions=react-server", path.join(ROOT, "scripts", "worker.ts")], { cwd: ROOT, env, stdio: "inherit" });
  child.on("exit", (code, signal) => {
    if (worker === child) worker = undefined;
    log(`job scheduler stopped (${signal ?? `exit ${code}`})`);
  });
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => child.exitCode === null && child.kill(signal));
  return child;
}

/** Stops the worker (graceful: its running job finishes) and waits for it, killing it after 90 s. */
async function stopWorker() {
  const child = worker;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 90_000);
  await exited;
  clearTimeout(timer);
}
let code = 0;
try {
  db = await ensureDatabase({ name: "demo" });
  const env = childEnv(db); // the application role only (docs/decisions/0028)
  const localMail = await localMailEnv("demo");
  mail = localMail;
  Object.assign(env, localMail.env);
  // eID sign-in: the local OpenID provider with the demo citizens, unless FAS_ISSUER names the real FAS
  const localFas = await localFasEnv(env.NEXTAUTH_URL!, env.DATABASE_URL);
  fas = localFas;
  Object.assign(env, localFas.env);
  // the seed is idempotent: a seeded fund returns at once, an interrupted seed is redone from empty tables
  code = await runSeed(env, db.url);
  if (code === 0 && buildIsStale()) {
    log("building (no build, or sources newer than .next/BUILD_ID)");
    code = await run(path.join(BIN, "next"), ["build"], env, ROOT);
  }
  if (code === 0) {
    worker = startWorker(env);
    code = await run(path.join(BIN, "next"), ["start", "-p", String(process.env.PORT || 3000)], env, ROOT);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  code = 1;
}
await stopWorker();
mail?.close();
await fas?.close();
await db?.stop();
process.exit(code);
