// Overload degrades, never errors (issue #19, docs/decisions/0040): the pool's settings, what counts as "the database
// is busy", and the 503 busy answer.
import { describe, expect, it } from "vitest";
import { BusyError, isBusyError, refused } from "@/lib/errors";
import { DATABASE_DEFAULTS, databaseSettings, isDatabaseBusy, poolConfig } from "@/lib/db/overload";
import { answersBusy, busyOutcome, busyPage, isBusy, requestLocale, returnPath, RETRY_AFTER_SECONDS } from "@/lib/http/busy";

describe("the web application's pool settings", () => {
  it("default to 10 connections, a 10 s wait and a 15 s statement timeout", () => {
    expect(databaseSettings({})).toEqual({ poolMax: 10, poolTimeoutMs: 10_000, statementTimeoutMs: 15_000 });
    expect(DATABASE_DEFAULTS.poolMax).toBe(10);
  });

  it("are read from the environment, 0 meaning no statement timeout", () => {
    const env = { DATABASE_POOL_MAX: "2", DATABASE_POOL_TIMEOUT_MS: " 400 ", DATABASE_STATEMENT_TIMEOUT_MS: "0" };
    expect(databaseSettings(env)).toEqual({ poolMax: 2, poolTimeoutMs: 400, statementTimeoutMs: 0 });
    expect(databaseSettings({ DATABASE_POOL_MAX: "" }).poolMax).toBe(10);
  });

  it("refuse what is not a whole number in range, naming the variable", () => {
    expect(() => databaseSettings({ DATABASE_POOL_MAX: "0" })).toThrow(/DATABASE_POOL_MAX/);
    expect(() => databaseSettings({ DATABASE_POOL_TIMEOUT_MS: "1.5" })).toThrow(/DATABASE_POOL_TIMEOUT_MS/);
    expect(() => databaseSettings({ DATABASE_STATEMENT_TIMEOUT_MS: "-1" })).toThrow(/DATABASE_STATEMENT_TIMEOUT_MS/);
  });

  it("become node-postgres options: the pool size, its wait, and the statement timeout as a startup option", () => {
    expect(poolConfig("postgresql://x", { poolMax: 3, poolTimeoutMs: 500, statementTimeoutMs: 1500 })).toEqual({
      connectionString: "postgresql://x", max: 3, connectionTimeoutMillis: 500, options: "-c statement_timeout=1500",
    });
    expect(poolConfig("postgresql://x", { poolMax: 3, poolTimeoutMs: 500, statementTimeoutMs: 0 })).not.toHaveProperty("options");
  });
});

describe("a busy database, however it shows", () => {
  it("node-postgres: no connection in time (no code, a message)", () => {
    expect(isDatabaseBusy(new Error("timeout exceeded when trying to connect"))).toBe(true);
    expect(isDatabaseBusy(new Error("Connection terminated due to connection timeout"))).toBe(true);
  });

  it("PostgreSQL: a statement cancelled by statement_timeout (57014), too many connections (53300)", () => {
    expect(isDatabaseBusy(Object.assign(new Error("canceling statement due to statement timeout"), { code: "57014" }))).toBe(true);
    expect(isDatabaseBusy(Object.assign(new Error("sorry, too many clients already"), { code: "53300" }))).toBe(true);
    // the driver adapter's error: the PostgreSQL code as its cause's originalCode
    expect(isDatabaseBusy({ name: "DriverAdapterError", message: "x", cause: { originalCode: "57014", kind: "postgres" } })).toBe(true);
  });

  it("Prisma: P2028 (a transaction that could not start), P2024 (no pool connection), P2010 wrapping 57014", () => {
    expect(isDatabaseBusy(Object.assign(new Error("Transaction API error: Unable to start a transaction in the given time."), { code: "P2028" }))).toBe(true);
    expect(isDatabaseBusy(Object.assign(new Error("Timed out fetching a new connection from the connection pool."), { code: "P2024" }))).toBe(true);
    const p2010 = Object.assign(new Error("Raw query failed."), { code: "P2010", meta: { driverAdapterError: { cause: { originalCode: "57014" } } } });
    expect(isDatabaseBusy(p2010)).toBe(true);
  });

  it("not: a unique violation, a refusal, a bug, nothing", () => {
    expect(isDatabaseBusy(Object.assign(new Error("Unique constraint failed"), { code: "P2002" }))).toBe(false);
    expect(isDatabaseBusy(refused("fourEyesSameStaff"))).toBe(false);
    expect(isDatabaseBusy(new TypeError("x is undefined"))).toBe(false);
    expect(isDatabaseBusy(null)).toBe(false);
    expect(isDatabaseBusy("timeout")).toBe(false);
  });

  it("BusyError: recognised by class or by shape, and keeps its cause", () => {
    const cause = new Error("timeout exceeded when trying to connect");
    const busy = new BusyError(cause);
    expect(isBusyError(busy)).toBe(true);
    expect(busy.cause).toBe(cause);
    expect(isBusyError(Object.assign(new Error("x"), { name: "BusyError", kind: "busy" }))).toBe(true);
    expect(isBusyError(new Error("busy"))).toBe(false);
    // no `code`: Prisma would re-wrap an error with one into its own PrismaClientKnownRequestError
    expect(busy).not.toHaveProperty("code");
    expect(isBusy(busy) && isBusy(cause)).toBe(true);
  });

  it("outside a request (a job, a script, a test) becomes the BusyError", async () => {
    expect(isBusyError(await busyOutcome(new Error("timeout exceeded when trying to connect")))).toBe(true);
  });
});

describe("the busy answer", () => {
  it("is a translated page with 503, Retry-After and no cache", async () => {
    const fr = await busyPage("fr", "/staff?q=dupont");
    expect(fr.status).toBe(503);
    expect(fr.headers.get("retry-after")).toBe(String(RETRY_AFTER_SECONDS));
    expect(fr.headers.get("cache-control")).toBe("no-store");
    const html = await fr.text();
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain("Le service est très sollicité, réessayez dans un instant.");
    expect(html).toContain('href="/staff?q=dupont"');
    expect(await (await busyPage("nl", null)).text()).toContain("De dienst is erg druk");
  });

  it("links back only to a path of this site", () => {
    expect(returnPath("/me/pay")).toBe("/me/pay");
    for (const bad of ["//evil.example", "/\\evil.example", "https://evil.example", "javascript:alert(1)", "", null]) expect(returnPath(bad)).toBe("/");
  });

  it("speaks the remembered language, else the browser's", () => {
    expect(requestLocale(new Request("http://x/", { headers: { cookie: "a=b; caisse-locale=nl", "accept-language": "fr-BE" } }))).toBe("nl");
    expect(requestLocale(new Request("http://x/", { headers: { "accept-language": "nl-BE,nl;q=0.9" } }))).toBe("nl");
    expect(requestLocale(new Request("http://x/"))).toBe("fr");
  });

  it("is what a wrapped route handler answers to a busy database; anything else goes on up", async () => {
    const busyHandler = answersBusy(async (_r: Request) => {
      throw new BusyError();
    });
    const r = await busyHandler(new Request("http://x/api/me/documents/1?x=1"));
    expect(r.status).toBe(503);
    expect(await r.text()).toContain('href="/api/me/documents/1?x=1"');
    const raw = answersBusy(async (_r: Request) => {
      throw new Error("timeout exceeded when trying to connect");
    });
    expect((await raw(new Request("http://x/a"))).status).toBe(503);
    const bug = answersBusy(async (_r: Request): Promise<Response> => {
      throw new TypeError("bug");
    });
    await expect(bug(new Request("http://x/a"))).rejects.toThrow("bug");
  });
});

describe("every route handler", () => {
  it("answers a busy database with the 503 busy page (answersBusy, documentResponse, or its own isBusy check)", async () => {
    const { readdir, readFile } = await import("node:fs/promises");
    const files = (await readdir(`${process.cwd()}/app`, { recursive: true })).filter((f) => /(^|\/)route\.ts$/.test(f));
    expect(files.length).toBeGreaterThan(10);
    const silent: string[] = [];
    for (const f of files) {
      const source = await readFile(`${process.cwd()}/app/${f}`, "utf8");
      if (!/answersBusy|documentResponse|isBusy\(|busyPage\(/.test(source)) silent.push(f);
    }
    expect(silent).toEqual([]);
  });
});
