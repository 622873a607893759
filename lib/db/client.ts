import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { isBusyError } from "@/lib/errors";
import { databaseSettings, isDatabaseBusy, poolConfig } from "./overload";

// One client per process (dev hot reload would otherwise open a new pool on every change), created on first
// use so that `next build` can import server modules without a database.
//
// Overload degrades, never errors (docs/decisions/0040): the pool is bounded (DATABASE_POOL_MAX connections), a
// request waits at most DATABASE_POOL_TIMEOUT_MS for one of them, and no statement runs longer than
// DATABASE_STATEMENT_TIMEOUT_MS. A query that meets one of these limits does not end in a 500: it throws what
// lib/http/busy.ts makes of it — the redirect to the 503 busy page while a page renders, a BusyError elsewhere.
// The batch jobs (scripts/jobs.ts, the scheduler of scripts/worker.ts) build their own unbounded clients; the runs a
// staff member starts from /staff/jobs use jobsPrisma below.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient; jobsPrisma?: PrismaClient };

type Queryable = { queryRaw: (q: unknown) => Promise<unknown>; executeRaw: (q: unknown) => Promise<unknown> };
type Adapter = Queryable & { startTransaction: (isolationLevel?: unknown) => Promise<Queryable> };

async function rethrown(error: unknown): Promise<never> {
  if (isBusyError(error) || !isDatabaseBusy(error)) throw error;
  const { busyOutcome } = await import("@/lib/http/busy");
  throw await busyOutcome(error);
}

function watched<T extends Queryable>(q: T): T {
  for (const method of ["queryRaw", "executeRaw"] as const) {
    const call = q[method].bind(q);
    q[method] = (query: unknown) => call(query).catch(rethrown);
  }
  return q;
}

/** The adapter, its every query and transaction watched for a busy database (pool wait, statement timeout). */
function busyAware(factory: PrismaPg): PrismaPg {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = watched((await connect()) as unknown as Adapter);
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = (isolationLevel?: unknown) => startTransaction(isolationLevel).then(watched, rethrown);
    return adapter as never;
  };
  return factory;
}

function client(): PrismaClient {
  if (!globalForPrisma.prisma) {
    const connectionString = process.env.DATABASE_URL;
    if (!connectionString) throw new Error("DATABASE_URL is not set: start the portal through `npm start` or `npm run dev`.");
    const settings = databaseSettings();
    globalForPrisma.prisma = new PrismaClient({
      adapter: busyAware(new PrismaPg(poolConfig(connectionString, settings))),
      // an interactive transaction waits for its connection as long as any query (Prisma's default is 2 s: the
      // P2028 of issue #19); the pool's own timeout, a little shorter, answers first
      transactionOptions: { maxWait: settings.poolTimeoutMs + 1_000 },
    });
  }
  return globalForPrisma.prisma;
}

export const prisma: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const c = client();
    const value = Reflect.get(c, property, c);
    if (typeof value !== "function") return value;
    // a transaction that could not start in time, or outlived its timeout under load (P2028), is Prisma's own error
    if (property === "$transaction") return (...args: unknown[]) => (value as (...a: unknown[]) => Promise<unknown>).apply(c, args).catch(rethrown);
    return value.bind(c);
  },
});

/**
 * The client of the batch runs started from the web application (a dry run or a real run from /staff/jobs, a KPI
 * refresh): set-based statements over the whole fund, which a page's statement timeout would cancel. No statement
 * timeout, a connection waited for as long as it takes, and a few connections of its own (DATABASE_JOBS_POOL_MAX,
 * default 4) so that a run never takes the pages' pool.
 */
export const jobsPrisma: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    if (!globalForPrisma.jobsPrisma) {
      const connectionString = process.env.DATABASE_URL;
      if (!connectionString) throw new Error("DATABASE_URL is not set: start the portal through `npm start` or `npm run dev`.");
      const max = Number(process.env.DATABASE_JOBS_POOL_MAX || 4);
      if (!Number.isInteger(max) || max < 1) throw new Error(`DATABASE_JOBS_POOL_MAX must be a whole number ≥ 1, not "${process.env.DATABASE_JOBS_POOL_MAX}"`);
      globalForPrisma.jobsPrisma = new PrismaClient({ adapter: new PrismaPg({ connectionString, max, allowExitOnIdle: true }) });
    }
    const c = globalForPrisma.jobsPrisma;
    const value = Reflect.get(c, property, c);
    return typeof value === "function" ? value.bind(c) : value;
  },
});
