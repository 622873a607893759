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

// isDatabaseBusy lives with the application errors (lib/errors.ts): pages and route handlers classify with it too,
// and they never import the database layer.
export { isDatabaseBusy } from "@/lib/errors";
