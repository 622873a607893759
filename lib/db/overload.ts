// How the web application's database connections are bounded, and how to tell "the database is too busy" from a
// real failure (docs/decisions/0040-overload-degrades-never-errors.md). Pure: no Next, no Prisma, unit-tested.

/** The web application's pool, read once from the environment (README, "Environment variables"). */
export type DatabaseSettings = {
  /** DATABASE_POOL_MAX: connections this server process opens at most (default 10). */
  poolMax: number;
  /** DATABASE_POOL_TIMEOUT_MS: how long a request waits for a free connection before it is answered "busy" (default 10 s). */
  poolTimeoutMs: number;
  /** DATABASE_STATEMENT_TIMEOUT_MS: the longest one statement may run (PostgreSQL statement_timeout; default 15 s, 0 = none). */
  statementTimeoutMs: number;
};

export const DATABASE_DEFAULTS: DatabaseSettings = { poolMax: 10, poolTimeoutMs: 10_000, statementTimeoutMs: 15_000 };

function integer(env: Record<string, string | undefined>, name: string, fallback: number, min: number): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === "") return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min) throw new Error(`${name} must be a whole number ≥ ${min}, not "${raw}"`);
  return Number(raw);
}

export function databaseSettings(env: Record<string, string | undefined> = process.env): DatabaseSettings {
  return {
    poolMax: integer(env, "DATABASE_POOL_MAX", DATABASE_DEFAULTS.poolMax, 1),
    poolTimeoutMs: integer(env, "DATABASE_POOL_TIMEOUT_MS", DATABASE_DEFAULTS.poolTimeoutMs, 1),
    statementTimeoutMs: integer(env, "DATABASE_STATEMENT_TIMEOUT_MS", DATABASE_DEFAULTS.statementTimeoutMs, 0),
  };
}

/** node-postgres pool options for these settings (the statement timeout is a startup option of every connection). */
export function poolConfig(connectionString: string, s: DatabaseSettings) {
  return {
    connectionString,
    max: s.poolMax,
    // both the wait for a free connection of a full pool and the opening of a new one
    connectionTimeoutMillis: s.poolTimeoutMs,
    ...(s.statementTimeoutMs > 0 ? { options: `-c statement_timeout=${s.statementTimeoutMs}` } : {}),
  };
}

// Prisma: P2024 no pool connection in time, P2028 a transaction that could not start (maxWait) or outlived its timeout.
// PostgreSQL: 57014 a statement cancelled (statement_timeout), 53300 too many connections, 57P03 not accepting yet.
const BUSY_CODES = new Set(["P2024", "P2028", "57014", "53300", "57P03"]);
// what node-postgres says when no connection came in time (it sets no code)
const BUSY_MESSAGES = /timeout exceeded when trying to connect|Connection terminated due to connection timeout|canceling statement due to statement timeout|Unable to start a transaction in the given time/i;

/**
 * Whether an error thrown by a query means "the database could not serve in time" — pool exhausted, statement
 * timeout, transaction that could not start — rather than a bug or a refused write. The error may be Prisma's
 * (code, meta.driverAdapterError.cause), the adapter's (cause.originalCode) or node-postgres' own (message only).
 */
export function isDatabaseBusy(error: unknown): boolean {
  const seen = new Set<unknown>();
  const visit = (e: unknown, depth: number): boolean => {
    if (!e || typeof e !== "object" || depth > 4 || seen.has(e)) return false;
    seen.add(e);
    const o = e as { code?: unknown; originalCode?: unknown; message?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown } };
    if (typeof o.code === "string" && BUSY_CODES.has(o.code)) return true;
    if (typeof o.originalCode === "string" && BUSY_CODES.has(o.originalCode)) return true;
    if (typeof o.message === "string" && BUSY_MESSAGES.test(o.message)) return true;
    return visit(o.cause, depth + 1) || visit(o.meta?.driverAdapterError, depth + 1);
  };
  return visit(error, 0);
}
