// Set-based helpers for the jobs: rows travel as one JSON parameter (json_populate_recordset), as in
// prisma/factories.ts bulkInsert, but with ON CONFLICT DO NOTHING so that a rerun never duplicates.
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";

type Db = PrismaClient | Prisma.TransactionClient;
type Row = Record<string, unknown>;

export function jsonRows(rows: Row[]): string {
  return JSON.stringify(rows, (_k, v) => (typeof v === "bigint" ? v.toString() : v));
}

/** INSERT … ON CONFLICT DO NOTHING RETURNING the given columns of the rows actually inserted. */
export async function insertIgnore<T = Row>(db: Db, table: string, rows: Row[], returning = "id"): Promise<T[]> {
  if (rows.length === 0) return [];
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const list = columns.map((c) => `"${c}"`).join(", ");
  return db.$queryRawUnsafe<T[]>(
    `INSERT INTO "${table}" (${list}) SELECT ${list} FROM json_populate_recordset(NULL::"${table}", $1::json) ON CONFLICT DO NOTHING RETURNING ${returning}`,
    jsonRows(rows),
  );
}
