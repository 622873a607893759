// Workarounds for @prisma/adapter-pg 6.19.3 used by the JavaScript schema engine (offline migrations).
// See docs/decisions/0001-prisma-6-js-schema-engine.md. Kept in one module so they can be dropped
// together when the project moves to a Prisma version that no longer needs them.
import { PrismaPg } from "@prisma/adapter-pg";

/** Column type OIDs Prisma's pg adapter cannot deserialize (prisma/orm#27403) → their text equivalents. */
const OID_REMAP: Record<number, number> = { 18: 25, 19: 25, 1002: 1009, 1003: 1009 };

type Field = { dataTypeID: number };
type IOResult = { fields?: Field[] } | undefined;
type Queryable = {
  performIO: (query: unknown) => Promise<IOResult>;
  queryRaw?: (query: unknown) => Promise<{ columnTypes: number[] }>;
  startTransaction?: (isolationLevel?: string) => Promise<Queryable>;
  executeScript?: (script: string) => Promise<void>;
  underlyingDriver?: () => { query: (sql: string) => Promise<unknown> };
  onError: (error: unknown) => never;
};

function patchQueryable<T extends Queryable>(q: T): T {
  const performIO = q.performIO.bind(q);
  // 1. remap "char"/name columns (and arrays) to text
  const remap = (result: IOResult, charColumns?: number[]) => {
    (result?.fields ?? []).forEach((field, i) => {
      if (field.dataTypeID === 18) charColumns?.push(i);
      const mapped = OID_REMAP[field.dataTypeID];
      if (mapped !== undefined) field.dataTypeID = mapped;
    });
    return result;
  };
  q.performIO = async (query: unknown) => remap(await performIO(query));
  // 1b. ...but the schema engine reads pg_constraint.contype (a "char") with get_expect_char, which
  //     panics on Text ("RuntimeError: unreachable" in `migrate dev` as soon as a CHECK or EXCLUDE
  //     constraint exists). queryRaw reports scalar "char" columns as ColumnTypeEnum.Character (6).
  if (q.queryRaw) {
    const queryRaw = q.queryRaw;
    q.queryRaw = async (query: unknown) => {
      const charColumns: number[] = [];
      // per-call view of q whose performIO records the "char" columns (safe under concurrency)
      const view = Object.create(q, { performIO: { value: async (io: unknown) => remap(await performIO(io), charColumns) } });
      const result = await queryRaw.call(view, query);
      for (const i of charColumns) result.columnTypes[i] = 6; // ColumnTypeEnum.Character
      return result;
    };
  }
  if (q.startTransaction) {
    const startTransaction = q.startTransaction.bind(q);
    q.startTransaction = async (isolationLevel?: string) => patchQueryable(await startTransaction(isolationLevel));
  }
  // 3. send a migration script whole: the adapter splits on every ';', breaking literals and $$ bodies
  if (q.executeScript && q.underlyingDriver) {
    const driver = q.underlyingDriver();
    q.executeScript = async (script: string) => {
      try {
        await driver.query(script);
      } catch (error) {
        q.onError(error);
      }
    };
  }
  return q;
}

/** 2. discrete connection fields, so the shadow database really is another database (else P3006). */
export function connectionFields(url: string) {
  const u = new URL(url);
  return {
    host: decodeURIComponent(u.hostname),
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: decodeURIComponent(u.pathname.replace(/^\//, "")),
    allowExitOnIdle: true, // idle pool sockets must not keep the Prisma CLI alive for idleTimeoutMillis
  };
}

/** A PrismaPg factory for the Prisma CLI (migrate) with the three workarounds applied. */
export function migrationAdapter(url: string) {
  const factory = new PrismaPg(connectionFields(url));
  const connect = factory.connect.bind(factory);
  factory.connect = async () => patchQueryable((await connect()) as unknown as Queryable) as never;
  // 4. upstream drops the shadow database *before* ending the shadow pool → "is being accessed by other
  //    users" on every `migrate dev`; it also never closes its admin connection. End first, then drop.
  factory.connectToShadowDb = async () => {
    const admin = patchQueryable((await connect()) as unknown as Queryable & { dispose: () => Promise<void> });
    const database = `prisma_migrate_shadow_db_${crypto.randomUUID()}`;
    await admin.executeScript!(`CREATE DATABASE "${database}"`);
    const shadow = patchQueryable(
      (await new PrismaPg({ ...connectionFields(url), database }).connect()) as unknown as Queryable & { dispose: () => Promise<void> },
    );
    const disposeShadow = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await disposeShadow();
      await admin.executeScript!(`DROP DATABASE IF EXISTS "${database}"`);
      await admin.dispose();
    };
    return shadow as never;
  };
  return factory;
}
