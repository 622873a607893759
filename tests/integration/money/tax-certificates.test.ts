// The January tax-certificate job (issue #18 part 6), on a real PostgreSQL: every affiliate who paid in the year gets
// the certificate PDF among their documents and one notice (inbox and e-mail); a rerun creates nothing; an affiliate
// who paid nothing that year gets nothing; a dry run only counts; the amounts are those of the affiliate's own page.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createTestPrisma, resetDatabase } from "../helpers/db";
import { affiliateWithCall } from "../helpers/fixtures";
import { pdfLines } from "../../support/pdf-lines";
import { dbDate } from "@/prisma/factories";
import { taxCertificatesJob } from "@/lib/jobs/tax-certificates";
import { runJob, type RunOutcome } from "@/lib/jobs/runner";
import { getMyTaxCertificate } from "@/lib/dal/documents/get-my-tax-certificate";
import { formatMoney } from "@/lib/format";
import { prisma as appPrisma } from "@/lib/db/client";

const prisma = createTestPrisma();
afterAll(async () => {
  await prisma.$disconnect();
  await appPrisma.$disconnect();
});
beforeEach(async () => {
  await resetDatabase(prisma);
  await prisma.fund.create({ data: { name: "Caisse test", iban: "BE68539007547034", bic: "GKCCBEBB", creditorId: "BE12ZZZ0456810810", managementFeeBp: 305, address: "Rue 1, 1000 Bruxelles", phone: "02", email: "info@test.be" } });
});

const TODAY = "2027-01-10";

async function pay(affiliateId: string, callId: string, amountCents: number, valueOn: string) {
  const entries = await prisma.ledgerEntry.findMany({ where: { callId }, orderBy: { id: "asc" }, include: { allocationsTo: true } });
  const payment = await prisma.ledgerEntry.create({
    data: { affiliateId, kind: "PAYMENT", amountCents: -amountCents, bookedOn: dbDate(valueOn), valueOn: dbDate(valueOn), reasonCode: "payment.received", reasonParams: { valueOn } },
  });
  let rest = amountCents;
  for (const e of entries) {
    const open = e.amountCents - e.allocationsTo.reduce((x, al) => x + al.amountCents, 0);
    const part = Math.min(rest, open);
    if (part <= 0) continue;
    await prisma.paymentAllocation.create({ data: { paymentEntryId: payment.id, targetEntryId: e.id, amountCents: part } });
    rest -= part;
  }
}

const plain = (s: string) => s.replace(/\s/g, " "); // the PDF's font prints the narrow no-break space as a space
const ok = (o: RunOutcome) => {
  if (!o.ok) throw new Error(`${o.code} ${JSON.stringify(o.errors)}`);
  return o.result;
};

describe("the tax-certificates job", () => {
  it("certifies every payer of the year once, in their language, and tells them once", async () => {
    const fr = await affiliateWithCall(prisma, "Payeur");
    const nl = await affiliateWithCall(prisma, "Betaler");
    await prisma.affiliate.update({ where: { id: nl.affiliate.id }, data: { language: "nl" } });
    const none = await affiliateWithCall(prisma, "Rien"); // paid nothing in 2026 (only in 2027)
    await pay(fr.affiliate.id, fr.call.id, fr.contribution.totalCents, "2026-03-20");
    await pay(nl.affiliate.id, nl.call.id, nl.contribution.contributionCents, "2026-03-25");
    await pay(none.affiliate.id, none.call.id, none.contribution.totalCents, "2027-01-05");

    const dry = ok(await runJob(taxCertificatesJob, {}, { prisma, today: TODAY, dryRun: true }));
    expect(dry.counts).toEqual({ affiliates: 2, certificates: 2, notices: 0 });
    expect(dry.totalCents).toBe(fr.contribution.totalCents + nl.contribution.contributionCents);
    expect(await prisma.document.count()).toBe(0);
    expect(await prisma.notification.count()).toBe(0);

    const first = ok(await runJob(taxCertificatesJob, taxCertificatesJob.parse({}, []), { prisma, today: TODAY }));
    expect(first.counts).toEqual({ affiliates: 2, certificates: 2, notices: 2 });
    expect(first.output).toEqual({ year: 2026 }); // the year before today's
    const second = ok(await runJob(taxCertificatesJob, { year: 2026 }, { prisma, today: TODAY }));
    expect(second.counts).toEqual({ affiliates: 0, certificates: 0, notices: 0 });

    for (const a of [fr, nl]) {
      const key = `tax-certificate:${a.affiliate.id}:2026`;
      expect(await prisma.document.count({ where: { affiliateId: a.affiliate.id, kind: "TAX_CERTIFICATE" } })).toBe(1);
      expect(await prisma.notification.findMany({ where: { affiliateId: a.affiliate.id } })).toEqual([expect.objectContaining({ kind: "taxCertificate", link: "/me/documents", uniqueKey: key })]);
      expect(await prisma.outboundEmail.count({ where: { affiliateId: a.affiliate.id, template: "notice.taxCertificate" } })).toBe(1);
    }
    expect(await prisma.document.count({ where: { affiliateId: none.affiliate.id } })).toBe(0);
    expect(await prisma.notification.count({ where: { affiliateId: none.affiliate.id } })).toBe(0);

    // the PDF and the notice carry the deductible amount in euros, the same as the affiliate's own certificate
    const own = await getMyTaxCertificate(fr.viewer, 2026, TODAY);
    expect(own.totals.deductibleCents).toBe(fr.contribution.totalCents);
    const doc = await prisma.document.findUniqueOrThrow({ where: { uniqueKey: `tax-certificate:${fr.affiliate.id}:2026` } });
    expect(doc).toMatchObject({ mimeType: "application/pdf", fileName: `attestation-fiscale-2026-${fr.affiliate.memberNumber}.pdf` });
    const lines = plain((await pdfLines(Buffer.from(doc.content!))).join("\n"));
    expect(lines).toContain("2026");
    expect(lines).toContain(`Total déductible comme frais professionnels : ${plain(formatMoney("fr", own.totals.deductibleCents))}`);
    const notice = await prisma.notification.findUniqueOrThrow({ where: { uniqueKey: `tax-certificate:${fr.affiliate.id}:2026` } });
    expect(notice.text).toContain(formatMoney("fr", own.totals.deductibleCents));
    expect(notice.subject).toBe("Votre attestation fiscale 2026 est disponible");
    const nlNotice = await prisma.notification.findUniqueOrThrow({ where: { uniqueKey: `tax-certificate:${nl.affiliate.id}:2026` } });
    expect(nlNotice.subject).toBe("Uw fiscaal attest 2026 is beschikbaar");
    const nlDoc = await prisma.document.findUniqueOrThrow({ where: { uniqueKey: `tax-certificate:${nl.affiliate.id}:2026` } });
    expect(plain((await pdfLines(Buffer.from(nlDoc.content!))).join("\n"))).toContain(plain(formatMoney("nl", nl.contribution.contributionCents)));
  }, 60_000);

  it("refuses a year not yet over and an invalid year", async () => {
    expect(await runJob(taxCertificatesJob, { year: 2027 }, { prisma, today: TODAY })).toMatchObject({ ok: false, status: "REFUSED", code: "params.invalid" });
    expect(() => taxCertificatesJob.parse({ year: "20x6" }, [])).toThrow("params.invalid");
    expect(taxCertificatesJob.parse({ year: "2025" }, [])).toEqual({ year: 2025 });
  });
});
