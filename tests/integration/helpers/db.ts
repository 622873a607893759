// Prisma access for integration tests. `tsx scripts/with-db.ts --test -- vitest …` points DATABASE_URL at a throwaway
// `…_test` database (created, migrated, and dropped after the run) as the application role — what the code under test
// connects with (lib/db/client.ts) — and DATABASE_OWNER_URL at the same database as its owner: the tests' fixtures
// and resets run as the owner, which may also write and empty the history tables (docs/decisions/0028).
import { afterAll, beforeEach } from "vitest";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

/** The owner's client: fixtures, resets and checks of what the code under test wrote. */
export function createTestPrisma() {
  const connectionString = process.env.DATABASE_OWNER_URL ?? process.env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is unset: run integration tests via `npm run test:integration`");
  return new PrismaClient({ adapter: new PrismaPg({ connectionString }) });
}

/** Empty every table of the public schema (found dynamically, so new models are covered) except the
 *  migration history. Refuses to run on a database whose name does not end in _test/_e2e. */
export async function resetDatabase(prisma: PrismaClient) {
  // ::text — the adapter cannot deserialize the `name` type (prisma/orm#27403)
  const [{ db }] = await prisma.$queryRaw<{ db: string }[]>`select current_database()::text as db`;
  if (!/_(test|e2e)$/.test(db)) throw new Error(`resetDatabase refused: "${db}" is not a test database`);
  const tables = await prisma.$queryRaw<{ tablename: string }[]>`
    select tablename::text as tablename from pg_tables where schemaname = 'public' and tablename <> '_prisma_migrations'`;
  if (tables.length === 0) return;
  const list = tables.map((t) => `public."${t.tablename.replaceAll('"', '""')}"`).join(", ");
  await prisma.$executeRawUnsafe(`TRUNCATE TABLE ${list} RESTART IDENTITY CASCADE`);
}

/** The test database of one test file: a client, every table emptied before each test, the client and the app's
 *  own disconnected after the file. */
export function testDatabase(): PrismaClient {
  const prisma = createTestPrisma();
  afterAll(async () => {
    await prisma.$disconnect();
    const { prisma: appPrisma } = await import("@/lib/db/client");
    await appPrisma.$disconnect();
  });
  beforeEach(() => resetDatabase(prisma));
  return prisma;
}
