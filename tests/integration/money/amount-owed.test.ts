// One amount owed: a dossier with calls, fees, a surcharge, a payment the bank returned, a partial payment, a
// regularisation credit and a write-off. Every screen (/me, the call page, /me/pay, the staff dossier), the manual
// matching list, the CODA allocation, the direct-debit run and the dashboards' collection figures must report the
// same amount still owed on each call: they all read the "LedgerOwed" view.
import { describe, expect, it } from "vitest";
import { testDatabase } from "../helpers/db";
import { affiliateWithCall, staffUser } from "../helpers/fixtures";
import { dbDate, makeCommunication } from "@/prisma/factories";
import { getMyCall } from "@/lib/dal/account/get-my-call";
import { getMyOverview } from "@/lib/dal/account/get-my-overview";
import { getMyPaymentInstructions } from "@/lib/dal/account/get-my-payment-instructions";
import { getDossier } from "@/lib/dal/dossiers/get-dossier";
import { findDossiersWithOpenCalls } from "@/lib/dal/payments/find-dossiers-with-open-calls";
import { approveWriteOff } from "@/lib/dal/recovery/approve-write-off";
import { proposeWriteOff } from "@/lib/dal/recovery/propose-write-off";
import { allocateToAffiliate, openItemsOf } from "@/lib/dal/internal/allocation";
import { directDebitJob } from "@/lib/jobs/direct-debit";
import { runJob } from "@/lib/jobs/runner";
import { loadCallCollections } from "@/lib/kpi/load";
import { refreshKpiFacts } from "@/lib/kpi/refresh";

const prisma = testDatabase();

const TODAY = "2026-11-28";

async function pay(affiliateId: string, amountCents: number, valueOn: string, ref: string) {
  const p = await prisma.payment.create({
    data: { affiliateId, amountCents, valueOn: dbDate(valueOn), status: "MATCHED", source: "CODA", counterpartyName: "Test", bankReference: ref },
  });
  await prisma.$transaction((tx) => allocateToAffiliate(tx, { paymentId: p.id, affiliateId, amountCents, valueOn, callId: null }));
  return p;
}

describe("the amount owed on a call", () => {
  it("is the same on every screen, in every job and in every indicator", async () => {
    await prisma.fund.create({ data: { name: "Caisse Test", iban: "BE68539007547034", bic: "GKCCBEBB", creditorId: "BE12ZZZ0456810810", managementFeeBp: 305, address: "Rue 1", phone: "02", email: "info@test.be" } });
    const a = await affiliateWithCall(prisma, "Owed");
    const id = a.affiliate.id;
    const q1 = a.call;
    // a 3 % surcharge on Q1, and a second call (Q2) with its fee
    await prisma.ledgerEntry.create({ data: { affiliateId: id, kind: "SURCHARGE", amountCents: 2_500, bookedOn: dbDate("2026-04-01"), callId: q1.id, reasonCode: "surcharge.quarterly", reasonParams: {} } });
    const q2 = await prisma.contributionCall.create({
      data: {
        affiliateId: id, kind: "PROVISIONAL", year: 2026, quarter: 2, category: "MAIN", incomeBaseCents: 4_000_000n, incomeYear: 2023,
        contributionCents: a.contribution.contributionCents, managementFeeCents: a.contribution.managementFeeCents, totalCents: a.contribution.totalCents,
        structuredCommunication: makeCommunication("2612999999"), issuedOn: dbDate("2026-04-01"), dueOn: dbDate("2026-06-30"), breakdown: a.contribution.breakdown as never,
      },
    });
    await prisma.ledgerEntry.createMany({
      data: [
        { affiliateId: id, kind: "CALL", amountCents: a.contribution.contributionCents, bookedOn: dbDate("2026-04-01"), callId: q2.id, reasonCode: "call.provisional", reasonParams: {} },
        { affiliateId: id, kind: "FEE", amountCents: a.contribution.managementFeeCents, bookedOn: dbDate("2026-04-01"), callId: q2.id, reasonCode: "call.managementFee", reasonParams: {} },
      ],
    });
    // a payment of 100 € on Q1, then returned by the bank: the reversal (an ADJUSTMENT debit) reopens the debt
    const returned = await pay(id, 10_000, "2026-03-20", "p-returned");
    await prisma.ledgerEntry.create({ data: { affiliateId: id, kind: "ADJUSTMENT", amountCents: 10_000, bookedOn: dbDate("2026-03-25"), paymentId: returned.id, callId: q1.id, reasonCode: "payment.returned", reasonParams: {} } });
    // a partial payment of 300 €, and a regularisation credit not tied to any call (stays a credit, not a settlement)
    await pay(id, 30_000, "2026-04-10", "p-partial");
    await prisma.ledgerEntry.create({ data: { affiliateId: id, kind: "ADJUSTMENT", amountCents: -4_200, bookedOn: dbDate("2026-05-01"), reasonCode: "regularisation.refund", reasonParams: {} } });
    // recovery of Q1 (opened after its due date, before Q2's) and its write-off by two advisors
    const { viewer: anna } = await staffUser(prisma, "ADVISOR", "anna");
    const { viewer: bert } = await staffUser(prisma, "ADVISOR", "bert");
    const rc = await prisma.recoveryCase.create({ data: { affiliateId: id, status: "OPEN", currentStep: "REMINDER", debtCents: 999_999, oldestDueOn: dbDate("2026-03-31"), openedOn: dbDate("2026-05-15") } });
    const owedBeforeWriteOff = (await getMyCall(a.viewer, q1.id)).outstandingCents;
    await proposeWriteOff(anna, { caseId: rc.id, note: "insolvable" });
    await approveWriteOff(bert, { caseId: rc.id, note: "" }, TODAY);
    // the write-off booked what was owed when approved, not the figure recorded when the case opened
    expect((await prisma.ledgerEntry.findFirstOrThrow({ where: { kind: "WRITE_OFF" } })).amountCents).toBe(-owedBeforeWriteOff);
    // then a payment of 50 €, allocated by the domain's rule (Q1 is settled: it goes to Q2)
    await pay(id, 5_000, "2026-07-01", "p-after");

    const expected = new Map([[q1.id, 0], [q2.id, a.contribution.totalCents - 5_000]]);
    const seen: Record<string, Map<string, number>> = {};
    const overview = await getMyOverview(a.viewer, TODAY);
    seen["/me"] = new Map(overview.calls.map((c) => [c.id, c.outstandingCents]));
    seen["/me/calls/[id]"] = new Map(await Promise.all([q1.id, q2.id].map(async (c) => [c, (await getMyCall(a.viewer, c)).outstandingCents] as const)));
    const pay_ = await getMyPaymentInstructions(a.viewer);
    seen["/me/pay"] = new Map([[q1.id, 0], [q2.id, 0], ...pay_.calls.map((c) => [c.id, c.outstandingCents] as const)]);
    const dossier = await getDossier(anna, id, TODAY);
    seen["/staff/dossiers/[id]"] = new Map(dossier.calls.map((c) => [c.id, c.outstandingCents]));
    const matching = await findDossiersWithOpenCalls(anna, a.affiliate.memberNumber);
    seen["manual matching"] = new Map([[q1.id, 0], [q2.id, 0], ...matching.flatMap((d) => d.calls.map((c) => [c.id, c.openCents] as const))]);
    const items = (await openItemsOf(prisma, [id])).get(id) ?? [];
    seen["CODA allocation"] = new Map([[q1.id, 0], [q2.id, 0]]);
    for (const i of items) seen["CODA allocation"].set(i.callId!, (seen["CODA allocation"].get(i.callId!) ?? 0) + i.openCents);
    const collections = await loadCallCollections(prisma, { dueFrom: "2026-01-01", dueTo: "2026-12-31" });
    seen["collection indicator"] = new Map(collections.map((c) => [c.id, c.calledCents - c.settledCents]));
    await refreshKpiFacts(prisma, TODAY, { full: true });
    const open = await prisma.kpiOpenCall.findMany({ where: { affiliateId: id } });
    seen["open calls indicator"] = new Map([[q1.id, 0], [q2.id, 0], ...open.map((o) => [o.callId, Number(o.outstandingCents)] as const)]);
    for (const [where, got] of Object.entries(seen)) expect([where, Object.fromEntries(got)]).toEqual([where, Object.fromEntries(expected)]);
    expect(overview.overdueCents).toBe(a.contribution.totalCents - 5_000);

    // the direct-debit run collects exactly that amount
    await prisma.directDebitMandate.create({ data: { affiliateId: id, reference: "CP-M-OWED", iban: "BE80001000000177", signedOn: dbDate("2025-06-01"), status: "ACTIVE" } });
    const dry = await runJob(directDebitJob, { collectOn: "2026-12-10", outDir: "/nonexistent" }, { prisma, today: TODAY, dryRun: true });
    expect(dry.ok && dry.result.totalCents).toBe(a.contribution.totalCents - 5_000);
  });
});
