// The annual tax certificates, produced in January for the year before (or the year given): for every affiliate
// who paid contributions in that year, the certificate PDF (lib/letters/certificates.ts, in the affiliate's
// language, amounts by the rule in lib/dal/internal/tax-certificate.ts) stored among their documents, and a notice
// in their inbox and by e-mail. Idempotent by the document's and the notice's unique key
// tax-certificate:<affiliateId>:<year>: a rerun (or a doubled scheduler slot) creates nothing twice. Chunks of
// affiliates, each in its own transaction (document and notice stand or fall together). A dry run only counts.
import { yearOf } from "@/lib/domain";
import { serverTranslator } from "@/lib/i18n/translator";
import { notifyMany, type Notice } from "@/lib/dal/internal/notify";
import { taxCertificatesOf } from "@/lib/dal/internal/tax-certificate";
import { renderPdf, taxCertificateText } from "@/lib/letters/certificates";
import { JobRefusal, type JobContext, type JobDefinition, type JobResult } from "./types";

export interface TaxCertificateParams extends Record<string, string | number | boolean | undefined> {
  /** the calendar year of the payments; the year before today's when not given */
  year?: number;
}

const CHUNK = 50;

export const taxCertificateKey = (affiliateId: string, year: number) => `tax-certificate:${affiliateId}:${year}`;

export async function runTaxCertificates(ctx: JobContext, params: TaxCertificateParams): Promise<JobResult> {
  const { prisma, today } = ctx;
  const year = params.year ?? yearOf(today) - 1;
  if (year >= yearOf(today)) throw new JobRefusal("params.invalid", [{ code: "jobs.year.invalid", params: { value: String(year) } }]);
  // who paid in the year (the same PAYMENT entries the certificate adds up) and has no certificate of it yet
  const payers = await prisma.$queryRaw<{ id: string }[]>`
    SELECT DISTINCT p."affiliateId" AS id
    FROM "PaymentAllocation" a
    JOIN "LedgerEntry" p ON p.id = a."paymentEntryId"
    JOIN "LedgerEntry" t ON t.id = a."targetEntryId"
    WHERE p.kind = 'PAYMENT' AND t."affiliateId" = p."affiliateId"
      AND EXTRACT(YEAR FROM COALESCE(p."valueOn", p."bookedOn")) = ${year}
      AND NOT EXISTS (SELECT 1 FROM "Document" d WHERE d."uniqueKey" = 'tax-certificate:' || p."affiliateId" || ':' || ${String(year)})
    ORDER BY 1`;
  const counts = { affiliates: payers.length, certificates: 0, notices: 0 };
  let totalCents = 0;
  for (let i = 0; i < payers.length; i += CHUNK) {
    const ids = payers.slice(i, i + CHUNK).map((p) => p.id);
    const certificates = [...(await taxCertificatesOf(prisma, ids, year, today)).entries()].filter(([, c]) => c.payments.length > 0);
    totalCents += certificates.reduce((s, [, c]) => s + c.totals.deductibleCents, 0);
    if (ctx.dryRun) {
      counts.certificates += certificates.length;
      continue;
    }
    const languages = new Map((await prisma.affiliate.findMany({ where: { id: { in: ids } }, select: { id: true, language: true } })).map((a) => [a.id, a.language]));
    const documents = await Promise.all(
      certificates.map(async ([affiliateId, c]) => {
        const locale = languages.get(affiliateId) ?? "fr";
        const content = await renderPdf(locale, taxCertificateText(locale, c), c.fund.name);
        const fileName = `${serverTranslator(locale, "ss_documents")("taxFileName")}-${year}-${c.holder.memberNumber}.pdf`;
        return { affiliateId, kind: "TAX_CERTIFICATE" as const, fileName, mimeType: "application/pdf", sizeBytes: content.length, content: new Uint8Array(content), uniqueKey: taxCertificateKey(affiliateId, year) };
      }),
    );
    const notices: Notice[] = certificates.map(([affiliateId, c]) => ({
      affiliateId,
      kind: "taxCertificate",
      values: { year: String(year), deductibleCents: c.totals.deductibleCents },
      path: "/me/documents",
      uniqueKey: taxCertificateKey(affiliateId, year),
    }));
    await prisma.$transaction(async (tx) => {
      const created = await tx.document.createMany({ data: documents, skipDuplicates: true });
      counts.certificates += created.count;
      const before = await tx.notification.count({ where: { uniqueKey: { in: notices.map((n) => n.uniqueKey) } } });
      await notifyMany(tx, notices);
      counts.notices += (await tx.notification.count({ where: { uniqueKey: { in: notices.map((n) => n.uniqueKey) } } })) - before;
    });
    await ctx.afterChunk?.(i / CHUNK);
    await ctx.progress(((i + ids.length) / payers.length) * 1000);
  }
  return { counts, totalCents, output: { year } };
}

export const taxCertificatesJob: JobDefinition<TaxCertificateParams> = {
  name: "tax-certificates",
  parse: (raw) => {
    if (raw.year === undefined || raw.year === "") return {};
    const year = Number(raw.year);
    if (!Number.isInteger(year) || year < 2000 || year > 2100)
      throw new JobRefusal("params.invalid", [{ code: "jobs.year.invalid", params: { value: String(raw.year) } }]);
    return { year };
  },
  run: runTaxCertificates,
};
