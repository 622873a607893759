// Test data for the back-office journeys, created in the shared e2e database by each test (specs share it).
import path from "node:path";
import zlib from "node:zlib";
import { caughtMail as caughtMailIn, linkTo } from "../tests/support/caught-mail";
import pg from "pg";
import { ensureDatabase, type DatabaseHandle } from "../scripts/db";

export type BackOfficeData = { client: pg.Client; db: DatabaseHandle };

export async function connect(): Promise<BackOfficeData> {
  // the same database the e2e server uses (E2E_DB, embedded server shared through its lease files)
  const db = await ensureDatabase({ name: process.env.E2E_DB ?? "e2e", migrate: false });
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  return { client, db };
}

export async function disconnect(data: BackOfficeData | undefined) {
  await data?.client.end();
  await data?.db.stop();
}

let n = 0;

/** A request of an affiliate (found by login e-mail), in review, filed on 2026-11-02, with its first events. */
export async function createRequest(client: pg.Client, input: { email: string; type: string; payload: object }): Promise<{ id: string; reference: string }> {
  const stamp = `${Date.now()}${++n}`;
  const id = `e2e-bo-${stamp}`;
  const reference = `E-2026-${stamp.slice(-8)}`;
  const { rows } = await client.query(`select "affiliateId" from "User" where email = $1`, [input.email]);
  await client.query(
    `insert into "Request" (id, reference, type, status, "affiliateId", payload, "filedOn", "informationDueOn", "decisionDueOn", "updatedAt")
     values ($1, $2, $3::"RequestType", 'IN_REVIEW', $4, $5::jsonb, '2026-11-02', '2026-12-17', '2027-03-02', now())`,
    [id, reference, input.type, rows[0].affiliateId, JSON.stringify(input.payload)],
  );
  await client.query(
    `insert into "RequestEvent" ("requestId", "toStatus", at) values ($1, 'SUBMITTED', '2026-11-02T09:00:00Z');
     `.trim(),
    [id],
  );
  await client.query(`insert into "RequestEvent" ("requestId", "fromStatus", "toStatus", at) values ($1, 'SUBMITTED', 'IN_REVIEW', '2026-11-03T09:00:00Z')`, [id]);
  return { id, reference };
}

/** The text drawn in a PDF made by pdfkit (Flate streams, hex strings in TJ arrays), for assertions. */
export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString("latin1");
  let text = "";
  const re = /stream\r?\n/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(raw))) {
    const start = m.index + m[0].length;
    const end = raw.indexOf("endstream", start);
    if (end < 0) break;
    let body: Buffer;
    try {
      body = zlib.inflateSync(pdf.subarray(start, end));
    } catch {
      continue;
    }
    const content = body.toString("latin1");
    for (const line of content.split("\n")) {
      if (!/T[Jj]\s*$/.test(line)) continue;
      for (const hex of line.matchAll(/<([0-9a-fA-F]+)>/g)) text += Buffer.from(hex[1], "hex").toString("latin1");
      text += " ";
    }
  }
  return text.replace(/\s+/g, " ");
}

/** The newest e-mail to `to` caught by the e2e server's mail catcher (by default under .data/mail-<database>). */
export function caughtMail(to: string, timeoutMs = 15_000) {
  return caughtMailIn(to, { dir: process.env.MAIL_CATCHER_DIR ?? path.resolve(".data", `mail-${process.env.E2E_DB ?? "e2e"}`), timeoutMs });
}
export { linkTo };

let logins = 0;
/**
 * A seeded person dossier of its own (no login yet, with an advisor, and matching `where` on the affiliate "a") given
 * a login, French, e-mails wanted at a known address: a journey that changes an account does not disturb the others.
 */
export async function dossierWithLogin(client: pg.Client, tag: string, where = "true"): Promise<{ affiliateId: string; login: string; mailTo: string }> {
  const stamp = `${Date.now()}-${++logins}`;
  const { rows } = await client.query(
    // never a namesake of a demo login's person (the eID spec picks "Julie Dubois … has an account on the portal")
    `select a.id, a."personId" from "Affiliate" a join "Person" me on me.id = a."personId"
      where a.kind = 'PERSON' and a."advisorId" is not null and (${where})
       and not exists (select 1 from "User" u where u."affiliateId" = a.id)
       and not exists (select 1 from "User" du join "Affiliate" da on da.id = du."affiliateId" join "Person" dp on dp.id = da."personId"
                       where du.email like '%@demo.caisse.be' and dp."firstName" = me."firstName" and dp."lastName" = me."lastName")
      order by a."memberNumber" limit 1 offset $1`,
    [logins + 7],
  );
  const { id: affiliateId, personId } = rows[0];
  const login = `e2e-${tag}-${stamp}@test.caisse.be`;
  const mailTo = `e2e-${tag}-mail-${stamp}@test.caisse.be`;
  await client.query(
    `insert into "User" (id, email, "passwordHash", role, name, locale, "affiliateId")
     select $1, $2, "passwordHash", 'AFFILIATE', $4, 'fr', $3 from "User" where email = 'affiliate@demo.caisse.be'`,
    [`e2e-${tag}-user-${stamp}`, login, affiliateId, `E2E ${tag}`],
  );
  await client.query(`update "Affiliate" set language = 'fr', "notificationPrefs" = '{"email": true, "sms": false, "paper": false}' where id = $1`, [affiliateId]);
  await client.query(`update "Person" set email = $2 where id = $1`, [personId, mailTo]);
  return { affiliateId, login, mailTo };
}
