// Issue #19, part 4: overload degrades, never errors. A second production server of the same build, started here on its
// own small demo fund with a pool of 2 connections, a 400 ms wait for one of them and a 1.5 s statement timeout
// (DATABASE_POOL_MAX, DATABASE_POOL_TIMEOUT_MS, DATABASE_STATEMENT_TIMEOUT_MS — README, "Environment variables").
// The staff search is driven at many more concurrent requests than the pool holds: every answer is the page (200) or
// the busy page (a 307 to /busy, which answers 503 with Retry-After, translated) — never a 500. Then the database is
// saturated on purpose (a lock on the sessions table that every signed-in request reads first): every page answers
// the busy page, every route handler 503, and the server answers normally again once the lock is gone.
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import pg from "pg";
import type { APIRequestContext, APIResponse, Browser, BrowserContext } from "@playwright/test";
import { expect, signIn, test } from "./support";

const BUSY_TEXT = "Le service est très sollicité, réessayez dans un instant.";
const SEARCH = "/staff?q=dupont";
const CONCURRENT = 24; // the pool holds 2

let server: ChildProcess | undefined;
let base = "";
let ownerUrl = "";
let context: BrowserContext | undefined;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** Starts the small-pool server (its own database, recreated, seeded, dropped when it stops); resolves when it answers. */
async function startServer(): Promise<void> {
  const port = await freePort();
  base = `http://localhost:${port}`;
  const db = `${process.env.E2E_DB ?? "e2e"}_overload`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    NEXTAUTH_URL: base,
    SEED_AFFILIATES: "60",
    DATABASE_POOL_MAX: "2",
    DATABASE_POOL_TIMEOUT_MS: "400",
    DATABASE_STATEMENT_TIMEOUT_MS: "1500",
  };
  // the owner's address of that database, printed for the lock below (with-db hands it to its command only)
  const command = 'echo "OVERLOAD_OWNER_URL=$DATABASE_OWNER_URL"; exec next start -p "$PORT"';
  server = spawn("node_modules/.bin/tsx", ["scripts/with-db.ts", "--db", db, "--e2e", "--fresh", "--seed", "--", "sh", "-c", command], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    ownerUrl ||= /OVERLOAD_OWNER_URL=(\S+)/.exec(output)?.[1] ?? "";
  };
  server.stdout!.on("data", collect);
  server.stderr!.on("data", collect);
  for (const deadline = Date.now() + 90_000; ; await new Promise((r) => setTimeout(r, 250))) {
    if (server.exitCode !== null) throw new Error(`the small-pool server stopped (exit ${server.exitCode}):\n${output.slice(-3000)}`);
    if (Date.now() > deadline) throw new Error(`the small-pool server did not answer in 90 s:\n${output.slice(-3000)}`);
    const up = await fetch(`${base}/login`).then((r) => r.ok, () => false);
    if (up && ownerUrl) return;
  }
}

async function stopServer() {
  const child = server;
  if (!child || child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM"); // with-db stops next, drops the database and releases PostgreSQL
  const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
  await exited;
  clearTimeout(timer);
}

async function signedInContext(browser: Browser): Promise<BrowserContext> {
  const c = await browser.newContext({ baseURL: base, locale: "fr-BE", timezoneId: "Europe/Brussels" });
  const page = await c.newPage();
  await signIn(page, "advisor@demo.caisse.be");
  await page.waitForURL("**/staff");
  await page.close();
  return c;
}

/** The page itself, or the redirect to the busy page (a page's render can no longer set its status: lib/http/busy.ts). */
function pageOrBusy(r: APIResponse): "page" | "busy" | string {
  if (r.status() === 200) return "page";
  if (r.status() === 307 && (r.headers().location ?? "").includes("/busy?from=")) return "busy";
  return `HTTP ${r.status()} ${r.headers().location ?? ""}`;
}

async function expectBusyPage(api: APIRequestContext, location: string, from: string) {
  const r = await api.get(location, { maxRedirects: 0 });
  expect(r.status()).toBe(503);
  expect(r.headers()["retry-after"]).toBe("5");
  const html = await r.text();
  expect(html).toContain(BUSY_TEXT);
  expect(html).toContain(`href="${from}"`);
}

test.describe("overload degrades, never errors (issue #19)", () => {
  test.describe.configure({ mode: "serial" });

  test.beforeAll(async ({ browser }, testInfo) => {
    testInfo.setTimeout(150_000);
    await startServer();
    context = await signedInContext(browser);
  });

  test.afterAll(async () => {
    await context?.close();
    await stopServer();
  });

  test(`${CONCURRENT} concurrent staff searches on a pool of 2: each answers the results or the busy page, never a 500`, async () => {
    const api = context!.request;
    const answers = await Promise.all(Array.from({ length: CONCURRENT }, () => api.get(SEARCH, { maxRedirects: 0 })));
    const kinds = answers.map(pageOrBusy);
    test.info().annotations.push({ type: "answers", description: `${kinds.filter((k) => k === "page").length} results, ${kinds.filter((k) => k === "busy").length} busy pages` });
    expect(kinds.filter((k) => k !== "page" && k !== "busy"), "answers that are neither the page nor the busy page").toEqual([]);
    const busy = answers.find((r) => pageOrBusy(r) === "busy");
    if (busy) await expectBusyPage(api, busy.headers().location!, SEARCH);
    // the results, once the burst is over
    const after = await api.get(SEARCH, { maxRedirects: 0 });
    expect(after.status()).toBe(200);
    expect(await after.text()).toContain('role="search"');
  });

  test("a saturated database: pages answer the busy page (503, translated), route handlers 503, then all is well again", async () => {
    const api = context!.request;
    const owner = new pg.Client({ connectionString: ownerUrl });
    await owner.connect();
    try {
      // every signed-in request reads its session first: with the table locked, the 2 connections wait until the
      // statement timeout cancels them and every other request until its pool wait runs out
      await owner.query("BEGIN");
      await owner.query('LOCK TABLE "UserSession" IN ACCESS EXCLUSIVE MODE');
      const [pages, session, letter] = await Promise.all([
        Promise.all(Array.from({ length: 8 }, () => api.get(SEARCH, { maxRedirects: 0 }))),
        api.get("/api/auth/session", { maxRedirects: 0 }),
        api.get("/api/decisions/any-request", { maxRedirects: 0 }),
      ]);
      expect(pages.map(pageOrBusy)).toEqual(pages.map(() => "busy"));
      await expectBusyPage(api, pages[0].headers().location!, SEARCH);
      for (const r of [session, letter]) {
        expect(r.status(), r.url()).toBe(503);
        expect(r.headers()["retry-after"]).toBe("5");
      }
      // what a person sees: the translated busy page, with its status
      const page = await context!.newPage();
      const response = await page.goto(SEARCH);
      expect(response?.status()).toBe(503);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Un instant, s'il vous plaît");
      await expect(page.getByText(BUSY_TEXT)).toBeVisible();
      await owner.query("ROLLBACK");
      // the lock is gone: the same person (still signed in: a busy database is not an ended session) gets the results
      await page.getByRole("link", { name: "Réessayer" }).click();
      await expect(page).toHaveURL(new RegExp(`${SEARCH.replace("?", "\\?")}$`));
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      expect((await api.get(SEARCH, { maxRedirects: 0 })).status()).toBe(200);
      await page.close();
    } finally {
      await owner.query("ROLLBACK").catch(() => {});
      await owner.end();
    }
  });
});
