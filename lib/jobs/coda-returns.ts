// Collections returned by the bank (SEPA R-transactions read from a CODA statement), inside the import's transaction:
// the collection becomes REJECTED; one already booked as paid gets its payment RETURNED and a reversing ADJUSTMENT,
// so the debt is open again (the ledger is append-only: never an update); a reason that ends the mandate (closed
// account, no mandate… — lib/domain returnEndsMandate) revokes it, so no run collects on it again; and the affiliate
// is told in their inbox and by e-mail in their language (outbox, one per collection). Set-based; a collection already rejected, or
// named twice, is returned once. No "server-only" here: the jobs run as plain Node scripts.
import { recordNotices } from "@/lib/dal/internal/notify";
import { returnEndsMandate, type IsoDate } from "@/lib/domain";
import { formatDate, formatMoney, formatStructuredCommunication } from "@/lib/format";
import { serverTranslator } from "@/lib/i18n/translator";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AppLocale } from "@/lib/i18n/config";

export type CodaReturn = { e2e: string; reason: string; on: IsoDate };

type Returned = {
  collectionId: string;
  mandateId: string;
  affiliateId: string;
  amountCents: number;
  collectOn: IsoDate;
  reason: string;
  iban: string;
  /** before this statement */
  mandateStatus: string;
  communication: string;
  language: AppLocale;
  email: string | null;
};

const RETURN = `
  WITH m AS (SELECT DISTINCT ON (e2e) * FROM json_to_recordset($1::json) AS m(e2e text, reason text, "on" date, k int) ORDER BY e2e, k),
  c AS (SELECT dc.id, dc."paymentId", dc."callId", m.reason, m."on", m.e2e
    FROM m JOIN "DirectDebitCollection" dc ON dc."endToEndId" = m.e2e AND dc.status <> 'REJECTED'),
  upd AS (UPDATE "DirectDebitCollection" d SET status = 'REJECTED', "rejectedReason" = c.reason FROM c WHERE d.id = c.id
    RETURNING d.id, d."mandateId", d."callId", d."amountCents", d."collectOn", c.reason),
  pay AS (UPDATE "Payment" p SET status = 'RETURNED' FROM c WHERE p.id = c."paymentId"
    RETURNING p.id, p."affiliateId", p."amountCents", c.id AS "collectionId", c."callId", c.reason, c."on", c.e2e),
  led AS (INSERT INTO "LedgerEntry" ("affiliateId", kind, "amountCents", "bookedOn", "paymentId", "callId", "reasonCode", "reasonParams", "uniqueKey")
    SELECT "affiliateId", 'ADJUSTMENT', "amountCents", "on", id, "callId", 'payment.returned',
           jsonb_build_object('reason', reason, 'endToEndId', e2e), 'return:' || "collectionId"
    FROM pay WHERE "affiliateId" IS NOT NULL RETURNING 1)
  SELECT upd.id AS "collectionId", upd."mandateId", md."affiliateId", upd."amountCents", to_char(upd."collectOn", 'YYYY-MM-DD') AS "collectOn",
    upd.reason, md.iban, md.status::text AS "mandateStatus", cc."structuredCommunication" AS communication, a.language::text AS language,
    CASE WHEN coalesce(a."notificationPrefs" -> 'email', 'true'::jsonb) <> 'false'::jsonb
      THEN coalesce(nullif(trim(p.email), ''), u.email) END AS email
  FROM upd
  JOIN "DirectDebitMandate" md ON md.id = upd."mandateId"
  JOIN "ContributionCall" cc ON cc.id = upd."callId"
  JOIN "Affiliate" a ON a.id = md."affiliateId"
  LEFT JOIN "Person" p ON p.id = a."personId"
  LEFT JOIN "User" u ON u."affiliateId" = a.id`;

/** The "your direct debit was not paid" e-mail of one returned collection, in the affiliate's language. */
export function returnMail(r: Pick<Returned, "amountCents" | "collectOn" | "reason" | "iban" | "communication" | "language">, ended: boolean) {
  const t = serverTranslator(r.language, "ddMail");
  const values = {
    amount: formatMoney(r.language, r.amountCents), collectOn: formatDate(r.language, r.collectOn), ibanEnd: r.iban.slice(-4),
    returned: serverTranslator(r.language, "ledger")("payment.returned", { reason: r.reason }), ended: ended ? "yes" : "no",
    communication: formatStructuredCommunication(r.communication), link: `${(process.env.NEXTAUTH_URL ?? "").replace(/\/$/, "")}/me/pay`,
  };
  return { subject: t("returnedSubject", values), text: [t("returnedText", values), t("signature")].join("\n\n") };
}

/** Returns the collections the statement names; how many were returned. */
export async function returnCollections(tx: Prisma.TransactionClient, returns: CodaReturn[]): Promise<number> {
  if (returns.length === 0) return 0;
  const rows = await tx.$queryRawUnsafe<Returned[]>(RETURN, JSON.stringify(returns.map((r, k) => ({ ...r, k }))));
  const ending = rows.filter((r) => returnEndsMandate(r.reason));
  const revoked = new Set<string>();
  for (const mandateId of new Set(ending.map((r) => r.mandateId))) {
    const moved = await tx.directDebitMandate.updateMany({ where: { id: mandateId, status: "ACTIVE" }, data: { status: "REVOKED" } });
    if (moved.count === 1) revoked.add(mandateId);
  }
  if (revoked.size > 0)
    await tx.auditLog.createMany({
      data: ending.filter((r) => revoked.has(r.mandateId)).filter((r, i, all) => all.findIndex((x) => x.mandateId === r.mandateId) === i).map((r) => ({
        actorId: null, action: "mandate.revoke", entity: "DirectDebitMandate", entityId: r.mandateId, affiliateId: r.affiliateId, reason: r.reason, details: { collectionId: r.collectionId },
      })),
    });
  // the mandate no longer collects: revoked now, or already before
  const told = rows.map((r) => ({ r, mail: returnMail(r, revoked.has(r.mandateId) || r.mandateStatus !== "ACTIVE") }));
  // every returned collection is in the affiliate's inbox; the e-mail goes to those who want e-mails
  await recordNotices(tx, told.map(({ r, mail }) => ({ affiliateId: r.affiliateId, kind: "directDebitReturned", subject: mail.subject, emailText: mail.text, path: "/me/pay", uniqueKey: `dd-return:${r.collectionId}` })));
  const mails = told.filter(({ r }) => r.email);
  if (mails.length > 0)
    await tx.outboundEmail.createMany({
      data: mails.map(({ r, mail }) => ({ to: r.email!, subject: mail.subject, text: mail.text, template: "directDebit.returned", affiliateId: r.affiliateId, uniqueKey: `dd-return:${r.collectionId}` })),
      skipDuplicates: true,
    });
  return rows.length;
}
