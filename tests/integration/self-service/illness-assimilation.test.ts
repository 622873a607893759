// Assimilation for illness (issue #18 part 2), on a real PostgreSQL: filed with the certificate, checked by the
// domain's rule (the quarter before paid, read from the account), one pending request at a time, another dossier's
// request not found; accepted, it cancels the calls already issued for the assimilated quarters and the quarterly
// run issues none for them — once, even when two advisors accept at once.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createTestPrisma, resetDatabase } from "../helpers/db";
import { affiliateWithCall, staffUser } from "../helpers/fixtures";
import { dbDate } from "@/prisma/factories";
import { requestMyIllnessAssimilation } from "@/lib/dal/requests/request-my-illness-assimilation";
import { getMyIllnessAssimilationOptions } from "@/lib/dal/requests/get-my-illness-assimilation-options";
import { getMyRequest } from "@/lib/dal/requests/get-my-request";
import { decideRequest } from "@/lib/dal/requests/decide-request";
import { outstandingByCall } from "@/lib/dal/internal/owed";
import { quarterlyCallsJob } from "@/lib/jobs/quarterly-calls";
import { runJob } from "@/lib/jobs/runner";
import { NotFoundError } from "@/lib/errors";
import { prisma as appPrisma } from "@/lib/db/client";

const prisma = createTestPrisma();
afterAll(async () => {
  await prisma.$disconnect();
  await appPrisma.$disconnect();
});
beforeEach(() => resetDatabase(prisma));

const TODAY = "2026-05-10";
const PDF = { name: "certificat.pdf", bytes: Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n") };

/** Q1 2026 issued (paid or not), Q2 2026 issued and open. */
async function dossier(name: string, q1Paid: boolean) {
  const a = await affiliateWithCall(prisma, name);
  await prisma.fund.upsert({ where: { id: 1 }, update: {}, create: { name: "Caisse test", iban: "BE71096123456769", bic: "GKCCBEBB", creditorId: "BE69ZZZ0123456789", managementFeeBp: 305, address: "Rue 1, 1000 Bruxelles", phone: "02 000 00 00", email: "info@test.be" } });
  await prisma.incomeRecord.create({ data: { personId: a.person.id, year: 2023, incomeCents: 4_000_000n, source: "seed" } });
  const c = a.contribution;
  const q2 = await prisma.contributionCall.create({
    data: {
      affiliateId: a.affiliate.id, kind: "PROVISIONAL", year: 2026, quarter: 2, category: "MAIN", incomeBaseCents: 4_000_000n, incomeYear: 2023,
      contributionCents: c.contributionCents, managementFeeCents: c.managementFeeCents, totalCents: c.totalCents,
      structuredCommunication: a.call.structuredCommunication.slice(0, 3) + "2" + a.call.structuredCommunication.slice(4, 10) + "00",
      issuedOn: dbDate("2026-04-01"), dueOn: dbDate("2026-06-30"), breakdown: c.breakdown as never,
    },
  });
  await prisma.ledgerEntry.createMany({
    data: [
      { affiliateId: a.affiliate.id, kind: "CALL", amountCents: c.contributionCents, bookedOn: dbDate("2026-04-01"), callId: q2.id, reasonCode: "call.provisional", reasonParams: { year: 2026, quarter: 2 } },
      { affiliateId: a.affiliate.id, kind: "FEE", amountCents: c.managementFeeCents, bookedOn: dbDate("2026-04-01"), callId: q2.id, reasonCode: "call.managementFee", reasonParams: {} },
    ],
  });
  if (q1Paid) {
    const payment = await prisma.ledgerEntry.create({ data: { affiliateId: a.affiliate.id, kind: "PAYMENT", amountCents: -c.totalCents, bookedOn: dbDate("2026-03-20"), valueOn: dbDate("2026-03-20"), reasonCode: "payment.received", reasonParams: {} } });
    const debits = await prisma.ledgerEntry.findMany({ where: { callId: a.call.id }, orderBy: { id: "asc" } });
    await prisma.paymentAllocation.createMany({ data: debits.map((d) => ({ paymentEntryId: payment.id, targetEntryId: d.id, amountCents: d.amountCents })) });
  }
  return { ...a, q2 };
}

describe("filing an assimilation for illness", () => {
  it("files it with the period of the domain's rule; refuses an unpaid quarter before, a second request, a date in the future", async () => {
    const unpaid = await dossier("Unpaid", false);
    await expect(requestMyIllnessAssimilation(unpaid.viewer, TODAY, { incapacityStartOn: "2026-02-10", resumptionOn: "", motivation: "" }, [PDF])).rejects.toMatchObject({
      fieldErrors: { incapacityStartOn: ["assimilation-previous-quarter-unpaid"] },
    });
    const d = await dossier("Sick", true);
    expect(await getMyIllnessAssimilationOptions(d.viewer, TODAY)).toEqual({ kind: "open", today: TODAY, affiliationStartOn: "2015-01-01" });
    await expect(requestMyIllnessAssimilation(d.viewer, TODAY, { incapacityStartOn: "2026-06-01", resumptionOn: "", motivation: "" }, [PDF])).rejects.toMatchObject({
      fieldErrors: { incapacityStartOn: ["assimilation-start-in-future"] },
    });
    const filed = await requestMyIllnessAssimilation(d.viewer, TODAY, { incapacityStartOn: "2026-02-10", resumptionOn: "2026-08-03", motivation: "Hernie discale" }, [PDF]);
    const r = await prisma.request.findUniqueOrThrow({ where: { reference: filed.reference } });
    expect(r).toMatchObject({ type: "ILLNESS_ASSIMILATION", status: "SUBMITTED" });
    expect(r.payload).toMatchObject({ firstQuarter: { year: 2026, quarter: 2 }, lastQuarter: { year: 2026, quarter: 3 }, firstQuarterIndex: 2026 * 4 + 1, lastQuarterIndex: 2026 * 4 + 2 });
    expect(await prisma.document.count({ where: { requestId: r.id, kind: "EVIDENCE" } })).toBe(1);
    await expect(requestMyIllnessAssimilation(d.viewer, TODAY, { incapacityStartOn: "2026-02-10", resumptionOn: "", motivation: "" }, [PDF])).rejects.toMatchObject({ code: "alreadyPending" });
    // another affiliate cannot read it; staff cannot file one
    await expect(getMyRequest(unpaid.viewer, filed.reference)).rejects.toBeInstanceOf(NotFoundError);
    const { viewer: advisor } = await staffUser(prisma, "ADVISOR", "anna");
    await expect(requestMyIllnessAssimilation(advisor, TODAY, { incapacityStartOn: "2026-02-10", resumptionOn: "", motivation: "" }, [PDF])).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("an accepted assimilation", () => {
  it("cancels the calls of the assimilated quarters, keeps the others, and the run issues none while it lasts", async () => {
    const d = await dossier("Accepted", true);
    const filed = await requestMyIllnessAssimilation(d.viewer, TODAY, { incapacityStartOn: "2026-02-10", resumptionOn: "2026-08-03", motivation: "" }, [PDF]);
    const r = await prisma.request.update({ where: { reference: filed.reference }, data: { status: "IN_REVIEW" } });
    const { viewer: anna } = await staffUser(prisma, "ADVISOR", "anna");
    const { viewer: bert } = await staffUser(prisma, "ADVISOR", "bert");
    const input = { requestId: r.id, decision: "accept" as const, reasonCode: "accepted", text: "" };
    const results = await Promise.allSettled([decideRequest(anna, input, "2026-05-12"), decideRequest(bert, input, "2026-05-12")]);
    expect(results.filter((x) => x.status === "fulfilled")).toHaveLength(1);
    // Q2 cancelled (two credits), Q1 untouched
    const credits = await prisma.ledgerEntry.findMany({ where: { affiliateId: d.affiliate.id, kind: "ADJUSTMENT" }, orderBy: { reasonCode: "asc" } });
    expect(credits.map((e) => [e.callId, e.reasonCode, e.amountCents])).toEqual([
      [d.q2.id, "assimilation.contribution", -d.contribution.contributionCents],
      [d.q2.id, "assimilation.managementFee", -d.contribution.managementFeeCents],
    ]);
    expect((await outstandingByCall(d.affiliate.id)).get(d.q2.id) ?? 0).toBe(0);
    expect(await prisma.document.count({ where: { requestId: r.id, kind: "DECISION" } })).toBe(1);
    // Q3 is assimilated: no call; Q4 (after the resumption's quarter) is billed again
    const q3 = await runJob(quarterlyCallsJob, { quarter: "2026-Q3" }, { prisma, today: "2026-07-01" });
    expect(q3.ok && q3.result.counts).toMatchObject({ exempt: 1, created: 0 });
    const q4 = await runJob(quarterlyCallsJob, { quarter: "2026-Q4" }, { prisma, today: "2026-10-01" });
    expect(q4.ok && q4.result.counts).toMatchObject({ exempt: 0, created: 1 });
  });
});
