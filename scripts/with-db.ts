// Run a command against a ready, migrated database:
//   tsx scripts/with-db.ts [--test|--e2e|--db NAME] [--fresh] [--seed] [--owner] -- <command...>
// --test   database "test", dropped and recreated before the command and dropped after it
// --e2e    database "e2e" (or --db NAME given before it), dropped after the command; NEXTAUTH_URL defaults to
//          http://localhost:$PORT (what Playwright visits: passkeys need a host name; E2E_HOST changes it)
// --fresh  drop and recreate the database before migrating (not for the configured DATABASE_URL)
// --seed   run prisma/seed.ts (idempotent) before the command
// --owner  DATABASE_URL is the owner's, not the application role's (benches: they empty and reload the history)
// Starts the mail catcher and, unless FAS_ISSUER is set, the local OpenID provider for eID sign-in (FAS_* variables).
// Sets DATABASE_URL (the application role; the owner for `prisma …` commands and the seed; DATABASE_OWNER_URL too
// for any database but the demo one — docs/decisions/0028), NEXTAUTH_SECRET/NEXTAUTH_URL when unset, forwards
// SIGINT/SIGTERM/SIGHUP, releases the embedded PostgreSQL when the command exits, and exits with the command's code.
// Call it as node_modules/.bin/tsx when a signal must reach it: `npm run` does not forward SIGTERM.
import path from "node:path";
import {
  childEnv, ensureDatabase, forwardSignals, loadEnvFiles, log, prismaNodeOptions, run, runSeed,
  type DatabaseHandle,
} from "./db";
import { localMailEnv } from "./mail-catcher";

const args = process.argv.slice(2);
const sep = args.indexOf("--");
const options = sep < 0 ? args : args.slice(0, sep);
const command = sep < 0 ? [] : args.slice(sep + 1);
if (command.length === 0) {
  console.error("usage: tsx scripts/with-db.ts [--test|--e2e|--db NAME] [--fresh] [--seed] [--owner] -- <command...>");
  process.exit(2);
}

let name = "demo";
let fresh = false;
let dropAfter = false;
let seed = false;
let e2e = false;
let asOwner = false;
for (let i = 0; i < options.length; i++) {
  const o = options[i];
  if (o === "--test") [name, fresh, dropAfter] = ["test", true, true];
  else if (o === "--e2e") [name, e2e, dropAfter] = [name === "demo" ? "e2e" : name, true, true];
  else if (o === "--db") name = options[++i] ?? "";
  else if (o === "--fresh") fresh = true;
  else if (o === "--seed") seed = true;
  else if (o === "--owner") asOwner = true;
  else {
    console.error(`with-db: unknown option ${o}`);
    process.exit(2);
  }
}

forwardSignals(); // installed first: a Ctrl-C while PostgreSQL starts still releases it
loadEnvFiles();

let db: DatabaseHandle | undefined;
let mail: { close: () => void } | undefined;
let fas: { close: () => Promise<void> } | undefined;
let code: number;
try {
  db = await ensureDatabase({ name, fresh });
  // the application role's URL; throwaway databases (tests, benches) also get DATABASE_OWNER_URL for fixtures
  const env = childEnv(db, e2e ? (process.env.E2E_HOST ?? "localhost") : "localhost", name !== "demo");
  // real SMTP in dev and tests: a local catcher writing .eml files under .data/mail-<name>, unless SMTP_URL is set
  const localMail = await localMailEnv(name);
  mail = localMail;
  Object.assign(env, localMail.env);
  // Prisma CLI commands (e.g. `prisma migrate dev`) run as the owner and get the timer preload (no other command may)
  const prisma = path.basename(command[0]) === "prisma";
  // eID sign-in: the local OpenID provider (scripts/oidc-provider.ts) unless FAS_ISSUER names an issuer; not for the
  // Prisma CLI and the benches, which sign nobody in
  if (!prisma && !asOwner) {
    const { localFasEnv } = await import("./oidc-provider");
    const localFas = await localFasEnv(env.NEXTAUTH_URL!, env.DATABASE_URL);
    fas = localFas;
    Object.assign(env, localFas.env);
  }
  if (prisma || asOwner) env.DATABASE_URL = db.url;
  if (prisma) env.NODE_OPTIONS = prismaNodeOptions(env.NODE_OPTIONS);
  code = seed ? await runSeed(env, db.url) : 0;
  if (code === 0) code = await run(command[0], command.slice(1), env);
  // a migration made by `prisma migrate dev` may add tables: the application role gets its grants on them at once
  if (code === 0 && prisma) await db.grantApp();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  code = 1;
}
try {
  if (db && dropAfter) await db.drop();
} catch (error) {
  log(`could not drop the test database: ${error instanceof Error ? error.message : error}`);
}
mail?.close();
await fas?.close();
await db?.stop();
process.exit(code);
