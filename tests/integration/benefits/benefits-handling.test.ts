// Advisor side of the bridging right and the caregiver allowance: conditions checked from the dossier's history,
// grant (Charte deadlines, request accepted through its allowed transitions, e-mail), payments with late interest,
// health-insurer notification, and the 404s of everyone else.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createTestPrisma, resetDatabase } from "../helpers/db";
import { staffUser, UNUSABLE_HASH, viewerOf } from "../helpers/fixtures";
import { buildHistory, enterFigures, fileClaim } from "./fixtures";
import { createPersonAffiliate, createUser, makeNiss } from "@/prisma/factories";
import { getClaimForStaff } from "@/lib/dal/benefits/get-claim-for-staff";
import { grantClaim } from "@/lib/dal/benefits/grant-claim";
import { listClaimsForStaff } from "@/lib/dal/benefits/list-claims-for-staff";
import { listMyBenefits } from "@/lib/dal/benefits/list-my-benefits";
import { listPaymentsNotSent } from "@/lib/dal/benefits/list-payments-not-sent";
import { markSentToHealthInsurer } from "@/lib/dal/benefits/mark-sent-to-health-insurer";
import { recordBenefitPayment } from "@/lib/dal/benefits/record-benefit-payment";
import { prisma as appPrisma } from "@/lib/db/client";
import { NotFoundError, refused } from "@/lib/errors";

const prisma = createTestPrisma();
afterAll(async () => {
  await prisma.$disconnect();
  await appPrisma.$disconnect();
});
beforeEach(() => resetDatabase(prisma));

let n = 0;
async function selfEmployed(input: { birthDate?: string; category?: "MAIN" | "COMPLEMENTARY"; email?: string } = {}) {
  n++;
  const birthDate = input.birthDate ?? "1978-04-12";
  const { person, affiliate } = await createPersonAffiliate(prisma, {
    memberNumber: String(610000 + n),
    niss: makeNiss(birthDate, 200 + n * 2, "F"),
    firstName: "Claire",
    lastName: `Indep${n}`,
    birthDate,
    sex: "F",
    category: input.category ?? "MAIN",
    startOn: "2015-01-01",
    email: input.email ?? `claire${n}@test.caisse.be`,
  });
  const user = await createUser(prisma, { email: `claire${n}-login@test.caisse.be`, passwordHash: UNUSABLE_HASH, role: "AFFILIATE", name: `Claire ${n}`, affiliateId: affiliate.id });
  return { person, affiliate, viewer: viewerOf(user) };
}

const bridging = (over: Record<string, unknown> = {}) => ({ case: "BANKRUPTCY", eventOn: "2026-04-20", familyCharge: false, motivation: "Faillite prononcée", ...over });
const caregiver = (over: Record<string, unknown> = {}) => ({ interruption: "FULL", startOn: "2026-07-01", months: 2, careFor: "Ma mère", motivation: "Soins palliatifs", ...over });
const FIGURES_2026 = {
  "benefits.bridgingRightMonthly.withoutFamilyChargeCents": 160000,
  "benefits.bridgingRightMonthly.withFamilyChargeCents": 200000,
  "benefits.caregiverMonthly.fullCents": 150000,
  "benefits.caregiverMonthly.halfCents": 75000,
  "benefits.legalInterestRateBp": 450,
};
const met = (conditions: { code: string; met: boolean }[]) => Object.fromEntries(conditions.map((c) => [c.code, c.met]));

describe("conditions checked from the dossier", () => {
  it("bridging right: every condition met from a paid history, with the evidence shown", async () => {
    const { affiliate } = await selfEmployed();
    const { advisor } = { advisor: (await staffUser(prisma, "ADVISOR")).viewer };
    await buildHistory(prisma, affiliate.id, { last: { year: 2026, quarter: 2 }, count: 20 });
    const { claim } = await fileClaim(prisma, affiliate.id, "BRIDGING_RIGHT", bridging());
    const view = await getClaimForStaff(advisor, claim.id, "2026-05-10");
    expect(met(view.check!.conditions)).toEqual({
      "bridging.case": true,
      "bridging.pensionAge": true,
      "bridging.lastFourQuarters": true,
      "bridging.paidInSixteen": true,
      "bridging.remainingEntitlement": true,
    });
    expect(view.check!.conditions.find((c) => c.code === "bridging.pensionAge")!.evidence).toEqual({ birthDate: "1978-04-12", eventOn: "2026-04-20", age: 48, pensionAge: 66 });
    expect(view.check!.conditions.find((c) => c.code === "bridging.lastFourQuarters")!.evidence).toEqual({ quarters: "2026-Q2, 2026-Q1, 2025-Q4, 2025-Q3", failing: "—" });
    expect(view.evidence).toHaveLength(1);
    expect(view.check!.months).toBe(12);
  });

  it("bridging right: an unpaid quarter, too few quarters, pension age and a used career are each refused", async () => {
    const advisor = (await staffUser(prisma, "ADVISOR")).viewer;
    const unpaid = await selfEmployed();
    await buildHistory(prisma, unpaid.affiliate.id, { last: { year: 2026, quarter: 2 }, count: 20, unpaid: ["2025-Q4"] });
    const c1 = await fileClaim(prisma, unpaid.affiliate.id, "BRIDGING_RIGHT", bridging());
    const v1 = await getClaimForStaff(advisor, c1.claim.id, "2026-05-10");
    expect(v1.check!.conditions.find((c) => c.code === "bridging.lastFourQuarters")).toMatchObject({ met: false, evidence: { failing: "2025-Q4" } });
    expect(v1.canGrant).toBe(false);

    const starter = await selfEmployed();
    await buildHistory(prisma, starter.affiliate.id, { last: { year: 2026, quarter: 2 }, count: 4 });
    const v2 = await getClaimForStaff(advisor, (await fileClaim(prisma, starter.affiliate.id, "BRIDGING_RIGHT", bridging())).claim.id, "2026-05-10");
    expect(met(v2.check!.conditions)).toMatchObject({ "bridging.lastFourQuarters": true, "bridging.paidInSixteen": false });

    const senior = await selfEmployed({ birthDate: "1959-03-01" });
    await buildHistory(prisma, senior.affiliate.id, { last: { year: 2026, quarter: 2 }, count: 20 });
    const v3 = await getClaimForStaff(advisor, (await fileClaim(prisma, senior.affiliate.id, "BRIDGING_RIGHT", bridging())).claim.id, "2026-05-10");
    expect(v3.check!.conditions.find((c) => c.code === "bridging.pensionAge")).toMatchObject({ met: false, evidence: { age: 67, pensionAge: 66 } });

    const econ = await selfEmployed();
    await buildHistory(prisma, econ.affiliate.id, { last: { year: 2026, quarter: 2 }, count: 7 });
    const v4 = await getClaimForStaff(advisor, (await fileClaim(prisma, econ.affiliate.id, "BRIDGING_RIGHT", bridging({ case: "ECONOMIC_DIFFICULTIES" }))).claim.id, "2026-05-10");
    expect(v4.check!.conditions.find((c) => c.code === "bridging.careerLength")).toMatchObject({ met: false, evidence: { paidQuarters: 7, months: 0 } });

    // 12 months already granted on an earlier claim: nothing left over the career
    await enterFigures(prisma, 2026, FIGURES_2026);
    const again = await selfEmployed();
    await buildHistory(prisma, again.affiliate.id, { last: { year: 2026, quarter: 2 }, count: 20 });
    const first = await fileClaim(prisma, again.affiliate.id, "BRIDGING_RIGHT", bridging());
    await grantClaim(advisor, { claimId: first.claim.id }, "2026-05-10");
    const second = await fileClaim(prisma, again.affiliate.id, "BRIDGING_RIGHT", bridging({ case: "FORCED_INTERRUPTION" }));
    const v5 = await getClaimForStaff(advisor, second.claim.id, "2026-05-11");
    expect(v5.check!.conditions.find((c) => c.code === "bridging.remainingEntitlement")).toMatchObject({ met: false, evidence: { usedMonths: 12, remaining: 0 } });
    await expect(grantClaim(advisor, { claimId: second.claim.id }, "2026-05-11")).rejects.toEqual(refused("bnNotEligible"));
  });

  it("caregiver allowance: category, the 2 quarters before, months per request and over the career", async () => {
    const advisor = (await staffUser(prisma, "ADVISOR")).viewer;
    const ok = await selfEmployed();
    await buildHistory(prisma, ok.affiliate.id, { last: { year: 2026, quarter: 3 }, count: 6 });
    const v1 = await getClaimForStaff(advisor, (await fileClaim(prisma, ok.affiliate.id, "CAREGIVER_ALLOWANCE", caregiver())).claim.id, "2026-07-10");
    expect(met(v1.check!.conditions)).toEqual({
      "caregiver.interruption": true,
      "caregiver.category": true,
      "caregiver.twoQuartersPaid": true,
      "caregiver.monthsPerRequest": true,
      "caregiver.careerMonths": true,
    });
    expect(v1.check!.conditions.find((c) => c.code === "caregiver.twoQuartersPaid")!.evidence).toEqual({ quarters: "2026-Q1, 2026-Q2", failing: "—" });

    const comp = await selfEmployed({ category: "COMPLEMENTARY" });
    await buildHistory(prisma, comp.affiliate.id, { last: { year: 2026, quarter: 3 }, count: 6, category: "COMPLEMENTARY", contributionCents: 20000 });
    const v2 = await getClaimForStaff(advisor, (await fileClaim(prisma, comp.affiliate.id, "CAREGIVER_ALLOWANCE", caregiver())).claim.id, "2026-07-10");
    expect(v2.check!.conditions.find((c) => c.code === "caregiver.category")).toMatchObject({ met: false, evidence: { category: "complementary", atLeastMainMinimum: "no" } });
    expect(met(v2.check!.conditions)["caregiver.twoQuartersPaid"]).toBe(false);

    // a complementary self-employed paying at least the main-occupation minimum qualifies
    const paying = await selfEmployed({ category: "COMPLEMENTARY" });
    await buildHistory(prisma, paying.affiliate.id, { last: { year: 2026, quarter: 3 }, count: 6, category: "COMPLEMENTARY", contributionCents: 100000 });
    const v3 = await getClaimForStaff(advisor, (await fileClaim(prisma, paying.affiliate.id, "CAREGIVER_ALLOWANCE", caregiver())).claim.id, "2026-07-10");
    expect(met(v3.check!.conditions)).toMatchObject({ "caregiver.category": true, "caregiver.twoQuartersPaid": true });

    const late = await selfEmployed();
    await buildHistory(prisma, late.affiliate.id, { last: { year: 2026, quarter: 3 }, count: 6, unpaid: ["2026-Q1"] });
    const v4 = await getClaimForStaff(advisor, (await fileClaim(prisma, late.affiliate.id, "CAREGIVER_ALLOWANCE", caregiver({ months: 7 }))).claim.id, "2026-07-10");
    expect(v4.check!.conditions.find((c) => c.code === "caregiver.twoQuartersPaid")).toMatchObject({ met: false, evidence: { failing: "2026-Q1" } });
    expect(met(v4.check!.conditions)["caregiver.monthsPerRequest"]).toBe(false);
  });
});

describe("grant, payments and interest", () => {
  it("refuses to grant while a legal figure is missing, and writes nothing", async () => {
    const advisor = (await staffUser(prisma, "ADVISOR")).viewer;
    const { affiliate } = await selfEmployed();
    await buildHistory(prisma, affiliate.id, { last: { year: 2026, quarter: 2 }, count: 20 });
    const { claim, request } = await fileClaim(prisma, affiliate.id, "BRIDGING_RIGHT", bridging());
    const view = await getClaimForStaff(advisor, claim.id, "2026-05-10");
    expect(view.check).toMatchObject({ eligible: true, monthlyAmountCents: null, missingFigures: ["benefits.bridgingRightMonthly.withoutFamilyChargeCents"] });
    expect(view.canGrant).toBe(false);
    await expect(grantClaim(advisor, { claimId: claim.id }, "2026-05-10")).rejects.toEqual(refused("bnFigureMissing"));
    expect(await prisma.benefitClaim.findUniqueOrThrow({ where: { id: claim.id } })).toMatchObject({ status: "CLAIMED", monthlyAmountCents: null, paymentDueOn: null });
    expect(await prisma.request.findUniqueOrThrow({ where: { id: request.id } })).toMatchObject({ status: "SUBMITTED" });
    expect(await prisma.requestEvent.count({ where: { requestId: request.id } })).toBe(1);
    expect(await prisma.outboundEmail.count()).toBe(0);
  });

  it("grants: amount from the figures, payment due 4 months after notification, request accepted through review, e-mail", async () => {
    const advisor = (await staffUser(prisma, "ADVISOR")).viewer;
    const { affiliate, viewer } = await selfEmployed({ email: "claire.passerelle@test.caisse.be" });
    await buildHistory(prisma, affiliate.id, { last: { year: 2026, quarter: 2 }, count: 20 });
    await enterFigures(prisma, 2026, FIGURES_2026);
    const { claim, request } = await fileClaim(prisma, affiliate.id, "BRIDGING_RIGHT", bridging({ familyCharge: true }));
    expect(await grantClaim(advisor, { claimId: claim.id }, "2026-05-10")).toEqual({ paymentDueOn: "2026-09-10", monthlyAmountCents: 200000, months: 12 });
    expect(await prisma.benefitClaim.findUniqueOrThrow({ where: { id: claim.id } })).toMatchObject({ status: "GRANTED", monthlyAmountCents: 200000, paymentDueOn: new Date("2026-09-10T00:00:00Z") });
    const r = await prisma.request.findUniqueOrThrow({ where: { id: request.id }, include: { events: { orderBy: { id: "asc" } } } });
    expect(r).toMatchObject({ status: "ACCEPTED", decidedById: advisor.userId, decisionReasonCode: "benefit.granted" });
    expect(r.events.map((e) => [e.fromStatus, e.toStatus])).toEqual([[null, "SUBMITTED"], ["SUBMITTED", "IN_REVIEW"], ["IN_REVIEW", "ACCEPTED"]]);
    const mail = await prisma.outboundEmail.findFirstOrThrow({ where: { template: "notice.benefitGranted" } });
    expect(mail).toMatchObject({ to: "claire.passerelle@test.caisse.be", affiliateId: affiliate.id });
    expect(mail.text).toContain(request.reference);
    expect(mail.text).toContain("10/09/2026"); // a date as people read it, never ISO
    expect(await prisma.auditLog.count({ where: { action: "benefit.grant", entityId: claim.id } })).toBe(1);
    // twice: refused, nothing doubled
    await expect(grantClaim(advisor, { claimId: claim.id }, "2026-05-10")).rejects.toEqual(refused("bnNotClaimed"));
    expect(await prisma.requestEvent.count({ where: { requestId: request.id } })).toBe(3);
    // the affiliate sees it
    expect(await listMyBenefits(viewer)).toMatchObject([
      { type: "BRIDGING_RIGHT", status: "GRANTED", requestReference: request.reference, monthlyAmountCents: 200000, months: 12, paidCents: 0, interestPaidCents: 0, nextPayment: { amountCents: 200000, dueOn: "2026-09-10" } },
    ]);
  });

  it("a late payment bears the exact legal interest; on-time payments none; the claim is PAID when fully paid", async () => {
    const advisor = (await staffUser(prisma, "ADVISOR")).viewer;
    const { affiliate, viewer } = await selfEmployed();
    await buildHistory(prisma, affiliate.id, { last: { year: 2026, quarter: 3 }, count: 6 });
    await enterFigures(prisma, 2026, FIGURES_2026);
    const { claim } = await fileClaim(prisma, affiliate.id, "CAREGIVER_ALLOWANCE", caregiver({ startOn: "2026-05-04", months: 2 }));
    // granted on 2026-05-10: due 2026-09-10; months May and June already elapsed by then
    await grantClaim(advisor, { claimId: claim.id }, "2026-05-10");
    // paid 60 days late: 1.500,00 € × 4,50 % × 60 / 365 = 11,0958… → 11,10 €
    expect(await recordBenefitPayment(advisor, { claimId: claim.id, amountCents: 150000, paidOn: "2026-11-09", recorded: 0 }, "2026-11-28")).toEqual({ interestCents: 1110, daysLate: 60, claimPaid: false });
    expect(await prisma.benefitPayment.findFirstOrThrow({ where: { claimId: claim.id } })).toMatchObject({ amountCents: 150000, interestCents: 1110 });
    // the same form sent again (it saw no payment yet): refused, nothing written
    await expect(recordBenefitPayment(advisor, { claimId: claim.id, amountCents: 150000, paidOn: "2026-11-09", recorded: 0 }, "2026-11-28")).rejects.toEqual(refused("bnDuplicatePayment"));
    expect(await prisma.benefitPayment.count({ where: { claimId: claim.id } })).toBe(1);
    await expect(recordBenefitPayment(advisor, { claimId: claim.id, amountCents: 150001, paidOn: "2026-11-10", recorded: 1 }, "2026-11-28")).rejects.toEqual(refused("bnOverpaid"));
    await expect(recordBenefitPayment(advisor, { claimId: claim.id, amountCents: 100, paidOn: "2026-11-29", recorded: 1 }, "2026-11-28")).rejects.toEqual(refused("bnPaidOnInvalid"));
    // the second instalment, paid on its due date: no interest, and the claim is fully paid
    expect(await recordBenefitPayment(advisor, { claimId: claim.id, amountCents: 150000, paidOn: "2026-09-10", recorded: 1 }, "2026-11-28")).toEqual({ interestCents: 0, daysLate: 0, claimPaid: true });
    expect(await prisma.benefitClaim.findUniqueOrThrow({ where: { id: claim.id } })).toMatchObject({ status: "PAID" });
    await expect(recordBenefitPayment(advisor, { claimId: claim.id, amountCents: 100, paidOn: "2026-11-20", recorded: 2 }, "2026-11-28")).rejects.toEqual(refused("bnNotGranted"));
    expect(await listMyBenefits(viewer)).toMatchObject([{ status: "PAID", paidCents: 300000, interestPaidCents: 1110, lastPaidOn: "2026-11-09", nextPayment: null }]);
    expect(await prisma.auditLog.count({ where: { action: "benefit.payment" } })).toBe(2);
  });

  it("refuses a late payment while the legal interest rate is missing, rather than inventing one", async () => {
    const advisor = (await staffUser(prisma, "ADVISOR")).viewer;
    const { affiliate } = await selfEmployed();
    await buildHistory(prisma, affiliate.id, { last: { year: 2026, quarter: 3 }, count: 6 });
    const { "benefits.legalInterestRateBp": _rate, ...amounts } = FIGURES_2026;
    await enterFigures(prisma, 2026, amounts);
    const { claim } = await fileClaim(prisma, affiliate.id, "CAREGIVER_ALLOWANCE", caregiver({ startOn: "2026-05-04", months: 2 }));
    await grantClaim(advisor, { claimId: claim.id }, "2026-05-10");
    await expect(recordBenefitPayment(advisor, { claimId: claim.id, amountCents: 150000, paidOn: "2026-11-09", recorded: 0 }, "2026-11-28")).rejects.toEqual(refused("bnInterestRateMissing"));
    expect(await prisma.benefitPayment.count()).toBe(0);
    // on time, no rate is needed
    expect((await recordBenefitPayment(advisor, { claimId: claim.id, amountCents: 150000, paidOn: "2026-09-01", recorded: 0 }, "2026-11-28")).interestCents).toBe(0);
  });

  it("maternity aid: in the same list, vouchers from the parameters, delivered without an amount", async () => {
    const advisor = (await staffUser(prisma, "ADVISOR")).viewer;
    const { affiliate } = await selfEmployed();
    const claim = await prisma.benefitClaim.create({ data: { affiliateId: affiliate.id, type: "MATERNITY_AID", status: "GRANTED", grantedAutomatically: true, filedOn: new Date("2026-06-01T00:00:00Z"), paymentDueOn: new Date("2026-10-01T00:00:00Z") } });
    const list = await listClaimsForStaff(advisor, { type: "MATERNITY_AID" }, "2026-11-28");
    expect(list).toMatchObject([{ id: claim.id, type: "MATERNITY_AID", deadline: "payment", badge: "late", daysLeft: -58, grantedAutomatically: true }]);
    const view = await getClaimForStaff(advisor, claim.id, "2026-11-28");
    expect(view).toMatchObject({ vouchers: 105, canPay: true, canGrant: false, check: null });
    await expect(recordBenefitPayment(advisor, { claimId: claim.id, amountCents: 500, paidOn: "2026-11-20", recorded: 0 }, "2026-11-28")).rejects.toEqual(refused("bnVouchersNoAmount"));
    expect(await recordBenefitPayment(advisor, { claimId: claim.id, amountCents: 0, paidOn: "2026-11-20", recorded: 0 }, "2026-11-28")).toMatchObject({ interestCents: 0, claimPaid: true });
  });
});

describe("list, health insurer, and who may see what", () => {
  it("lists claims by deadline with filters, and payments not yet sent to the health insurer", async () => {
    const advisor = (await staffUser(prisma, "ADVISOR")).viewer;
    const a = await selfEmployed();
    const b = await selfEmployed();
    await buildHistory(prisma, a.affiliate.id, { last: { year: 2026, quarter: 3 }, count: 6 });
    await enterFigures(prisma, 2026, FIGURES_2026);
    const granted = await fileClaim(prisma, a.affiliate.id, "CAREGIVER_ALLOWANCE", caregiver({ startOn: "2026-05-04", months: 2 }));
    await grantClaim(advisor, { claimId: granted.claim.id }, "2026-05-10");
    const pending = await fileClaim(prisma, b.affiliate.id, "BRIDGING_RIGHT", bridging());
    const all = await listClaimsForStaff(advisor, {}, "2026-08-31");
    expect(all.map((c) => [c.id, c.deadline, c.dueOn, c.badge])).toEqual([
      [pending.claim.id, "decision", "2026-09-02", "at-risk"],
      [granted.claim.id, "payment", "2026-09-10", "at-risk"],
    ]);
    expect((await listClaimsForStaff(advisor, { status: "GRANTED" }, "2026-08-31")).map((c) => c.id)).toEqual([granted.claim.id]);
    expect((await listClaimsForStaff(advisor, { type: "BRIDGING_RIGHT" }, "2026-06-01"))).toMatchObject([{ id: pending.claim.id, badge: "on-time" }]);

    await recordBenefitPayment(advisor, { claimId: granted.claim.id, amountCents: 150000, paidOn: "2026-09-01", recorded: 0 }, "2026-11-28");
    const unsent = (await listPaymentsNotSent(advisor)).items;
    expect(await listPaymentsNotSent(advisor, 2, 1)).toMatchObject({ items: [{ claimId: granted.claim.id }], total: 1, page: 1 }); // a page past the end: the last one
    expect(unsent).toMatchObject([{ claimId: granted.claim.id, amountCents: 150000, paidOn: "2026-09-01" }]);
    expect(await markSentToHealthInsurer(advisor, { paymentId: unsent[0].id })).toEqual({ changed: true, claimId: granted.claim.id });
    expect(await markSentToHealthInsurer(advisor, { paymentId: unsent[0].id })).toEqual({ changed: false, claimId: granted.claim.id });
    expect((await listPaymentsNotSent(advisor)).total).toBe(0);
    expect((await prisma.benefitPayment.findUniqueOrThrow({ where: { id: unsent[0].id } })).sentToHealthInsurerAt).not.toBeNull();
    expect(await prisma.auditLog.count({ where: { action: "benefit.sentToHealthInsurer", entityId: unsent[0].id } })).toBe(1);
  });

  it("managers, admins and affiliates get a 404 on every function; an affiliate never sees another's claim", async () => {
    const advisor = (await staffUser(prisma, "ADVISOR")).viewer;
    const manager = (await staffUser(prisma, "MANAGER")).viewer;
    const admin = (await staffUser(prisma, "ADMIN")).viewer;
    const owner = await selfEmployed();
    const other = await selfEmployed();
    await buildHistory(prisma, owner.affiliate.id, { last: { year: 2026, quarter: 3 }, count: 6 });
    await enterFigures(prisma, 2026, FIGURES_2026);
    const { claim } = await fileClaim(prisma, owner.affiliate.id, "CAREGIVER_ALLOWANCE", caregiver({ startOn: "2026-05-04" }));
    await grantClaim(advisor, { claimId: claim.id }, "2026-05-10");
    await recordBenefitPayment(advisor, { claimId: claim.id, amountCents: 150000, paidOn: "2026-09-01", recorded: 0 }, "2026-11-28");
    const payment = await prisma.benefitPayment.findFirstOrThrow();
    for (const v of [manager, admin, owner.viewer, other.viewer, null]) {
      await expect(listClaimsForStaff(v, {}, "2026-11-28")).rejects.toBeInstanceOf(NotFoundError);
      await expect(getClaimForStaff(v, claim.id, "2026-11-28")).rejects.toBeInstanceOf(NotFoundError);
      await expect(grantClaim(v, { claimId: claim.id }, "2026-11-28")).rejects.toBeInstanceOf(NotFoundError);
      await expect(recordBenefitPayment(v, { claimId: claim.id, amountCents: 1, paidOn: "2026-11-01", recorded: 1 }, "2026-11-28")).rejects.toBeInstanceOf(NotFoundError);
      await expect(markSentToHealthInsurer(v, { paymentId: payment.id })).rejects.toBeInstanceOf(NotFoundError);
      await expect(listPaymentsNotSent(v)).rejects.toBeInstanceOf(NotFoundError);
    }
    await expect(getClaimForStaff(advisor, "missing", "2026-11-28")).rejects.toBeInstanceOf(NotFoundError);
    await expect(markSentToHealthInsurer(advisor, { paymentId: "missing" })).rejects.toBeInstanceOf(NotFoundError);
    expect((await listMyBenefits(owner.viewer)).map((b) => b.id)).toEqual([claim.id]);
    expect(await listMyBenefits(other.viewer)).toEqual([]);
    await expect(listMyBenefits(advisor)).rejects.toBeInstanceOf(NotFoundError);
    expect(await prisma.benefitPayment.count()).toBe(1);
    expect(payment.sentToHealthInsurerAt).toBeNull();
  });
});
