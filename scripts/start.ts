// `npm start` on a fresh clone: demo database (embedded PostgreSQL unless DATABASE_URL is set) →
// migrate deploy → seed if never seeded → `next build` if stale → `next start -p ${PORT:-3000}`, one step after the
// other, each printed with its own time ("[start] demo data ready (12.3 s)"); the last line once the sign-in page
// answers, with the total. One after the other on purpose: on two cores, seeding beside the build made the first start
// longer, not shorter (measured in docs/decisions/0043-first-start.md).
// Seeding: prisma/seed.ts always runs; it returns at once when the fund is seeded (its Fund row is written last).
// Build: only when .next/BUILD_ID is missing or older than any source file (mtime walk of the repo
// minus tests/outputs, a few ms); FORCE_BUILD=1 forces it.
// eID sign-in: the local OpenID provider (scripts/oidc-provider.ts) beside the database, unless FAS_ISSUER is set.
// Scheduler: the pg-boss worker (scripts/worker.ts) runs next to the Next server and is stopped with it
// (SIGINT/SIGTERM reach both; the worker lets its running job finish). SCHEDULER=off disables it.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { BIN, ROOT, childEnv, ensureDatabase, forwardSignals, interruptedBy, loadEnvFiles, log, run, runSeed, type DatabaseHandle } from "./db";
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

const t0 = performance.now();
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
/** One line per step, with the step's own time: "[start] demo data ready (14.2 s)". */
const say = (message: string) => console.error(`[start] ${message}`);
const since = (start: number) => seconds(performance.now() - start);

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

/** Prints the last step once the sign-in page answers (any status: the server is serving), unless next exits first. */
async function announceWhenServing(port: string, server: { exited: boolean }) {
  while (!server.exited && !interruptedBy()) {
    try {
      await fetch(`http://127.0.0.1:${port}/login`, { redirect: "manual", signal: AbortSignal.timeout(30_000) });
      say(`portal on http://localhost:${port} (total ${since(t0)})`);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

let code = 0;
try {
  let step = performance.now();
  db = await ensureDatabase({
    name: "demo",
    onStep: (what, applied) => {
      if (what === "ready") say(`database ready (${since(step)})`);
      else say(applied ? `migrations applied (${applied}, ${since(step)})` : `migrations up to date (${since(step)})`);
      step = performance.now();
    },
  });
  const env = childEnv(db); // the application role only (docs/decisions/0028)
  step = performance.now();
  const localMail = await localMailEnv("demo");
  mail = localMail;
  Object.assign(env, localMail.env);
  // eID sign-in: the local OpenID provider with the demo citizens, unless FAS_ISSUER names the real FAS
  const localFas = await localFasEnv(env.NEXTAUTH_URL!, env.DATABASE_URL);
  fas = localFas;
  Object.assign(env, localFas.env);
  say(`mail catcher and eID sign-in ready (${since(step)})`);
  // the seed is idempotent: a seeded fund returns at once, an interrupted seed is redone from empty tables
  step = performance.now();
  code = await runSeed(env, db.url);
  if (code === 0) say(`demo data ready (${since(step)})`);
  else if (!interruptedBy()) say(`seed failed (exit ${code})`);
  if (code === 0) {
    if (buildIsStale()) {
      say("building the portal (no build yet, or sources newer than .next/BUILD_ID)");
      step = performance.now();
      // types are checked by `npm run typecheck` (CI): not again on a user's first start (docs/decisions/0043)
      code = await run(path.join(BIN, "next"), ["build"], { ...env, NEXT_SKIP_TYPECHECK: "1" }, ROOT);
      if (code === 0) say(`build (${since(step)})`);
      else if (!interruptedBy()) say(`build failed (exit ${code})`);
    } else {
      say("build up to date (.next/BUILD_ID newer than the sources)");
    }
  }
  if (code === 0) {
    worker = startWorker(env);
    const port = String(process.env.PORT || 3000);
    const server = { exited: false };
    const serving = run(path.join(BIN, "next"), ["start", "-p", port], env, ROOT).finally(() => (server.exited = true));
    void announceWhenServing(port, server);
    code = await serving;
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
