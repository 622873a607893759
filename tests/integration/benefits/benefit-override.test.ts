// Benefits bound to their conditions (issue #13, part 5), on real PostgreSQL: a bridging-right or caregiver request
// whose conditions are met is granted with its claim when accepted; one whose conditions are not met can only be
// accepted by an explicit, motivated override that a second advisor approves (never the proposer); a refusal
// refuses the claim; the database refuses a benefit request without its claim, or a claim whose status disagrees.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createTestPrisma, resetDatabase } from "../helpers/db";
import { staffUser, UNUSABLE_HASH, viewerOf } from "../helpers/fixtures";
import { buildHistory, enterFigures, fileClaim } from "./fixtures";
import { createPersonAffiliate, createUser, dbDate, makeNiss } from "@/prisma/factories";
import { decideRequest } from "@/lib/dal/requests/decide-request";
import { approveSecond } from "@/lib/dal/requests/approve-second";
import { getRequestForStaff } from "@/lib/dal/requests/get-request-for-staff";
import { getBenefitDecision } from "@/lib/dal/benefits/get-benefit-decision";
import { grantClaim } from "@/lib/dal/benefits/grant-claim";
import { listMyBenefits } from "@/lib/dal/benefits/list-my-benefits";
import { prisma as appPrisma } from "@/lib/db/client";
import { AppError, refused } from "@/lib/errors";

const prisma = createTestPrisma();
afterAll(async () => {
  await prisma.$disconnect();
  await appPrisma.$disconnect();
});
beforeEach(() => resetDatabase(prisma));

const TODAY = "2026-05-10";
const FIGURES_2026 = {
  "benefits.bridgingRightMonthly.withoutFamilyChargeCents": 160000,
  "benefits.bridgingRightMonthly.withFamilyChargeCents": 200000,
  "benefits.caregiverMonthly.fullCents": 150000,
  "benefits.caregiverMonthly.halfCents": 75000,
};
const bridging = { case: "BANKRUPTCY", eventOn: "2026-04-20", familyCharge: false, motivation: "Faillite prononcée" };

let n = 0;
async function dossier(unpaid: string[] = []) {
  n++;
  const { affiliate } = await createPersonAffiliate(prisma, {
    memberNumber: String(620000 + n), niss: makeNiss("1978-04-12", 300 + n * 2, "F"), firstName: "Inès", lastName: `Passerelle${n}`, birthDate: "1978-04-12", sex: "F",
    category: "MAIN", startOn: "2015-01-01", email: `ines${n}@test.caisse.be`,
  });
  const user = await createUser(prisma, { email: `ines${n}-login@test.caisse.be`, passwordHash: UNUSABLE_HASH, role: "AFFILIATE", name: `Inès ${n}`, affiliateId: affiliate.id });
  await buildHistory(prisma, affiliate.id, { last: { year: 2026, quarter: 2 }, count: 20, unpaid });
  await enterFigures(prisma, 2026, FIGURES_2026);
  const { claim, request } = await fileClaim(prisma, affiliate.id, "BRIDGING_RIGHT", bridging);
  return { affiliate, viewer: viewerOf(user), claim, request };
}

async function advisors() {
  const anna = (await staffUser(prisma, "ADVISOR", "anna")).viewer;
  const bert = (await staffUser(prisma, "ADVISOR", "bert")).viewer;
  return { anna, bert };
}

async function codeOf(p: Promise<unknown>): Promise<{ code: string; fieldErrors?: Record<string, string[]> }> {
  const error = await p.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError & { fieldErrors?: Record<string, string[]> };
}

const accept = (requestId: string, text = "", override = false) => ({ requestId, decision: "accept" as const, reasonCode: "", text, override });

describe("a benefit request is bound to its conditions", () => {
  it("conditions met: accepting the request grants its claim at once, with its amount — no second advisor", async () => {
    const { anna } = await advisors();
    const d = await dossier();
    await decideRequest(anna, { requestId: d.request.id, decision: "start-review", reasonCode: "", text: "" }, TODAY);
    expect(await decideRequest(anna, accept(d.request.id), TODAY)).toEqual({ status: "ACCEPTED", awaitingSecondApproval: false });
    expect(await prisma.benefitClaim.findUniqueOrThrow({ where: { id: d.claim.id } })).toMatchObject({ status: "GRANTED", monthlyAmountCents: 160000, paymentDueOn: dbDate("2026-09-10") });
    const r = await prisma.request.findUniqueOrThrow({ where: { id: d.request.id } });
    expect(r).toMatchObject({ status: "ACCEPTED", decidedById: anna.userId, decisionReasonCode: "benefit.granted" });
    expect(r.payload).toMatchObject({ grant: { months: 12, monthlyAmountCents: 160000, grantedOn: TODAY } });
    // one status everywhere: the affiliate's benefits say granted, as the request says accepted
    expect(await listMyBenefits(d.viewer)).toMatchObject([{ status: "GRANTED", months: 12, monthlyAmountCents: 160000 }]);
    expect(await prisma.outboundEmail.count({ where: { template: "notice.benefitGranted", affiliateId: d.affiliate.id } })).toBe(1);
  });

  it("a condition not met: no acceptance without the override and its motivation; the override waits for a second advisor, never the proposer", async () => {
    const { anna, bert } = await advisors();
    const d = await dossier(["2026-Q1"]);
    await decideRequest(anna, { requestId: d.request.id, decision: "start-review", reasonCode: "", text: "" }, TODAY);
    // the decision page names the condition that fails, and what an override would grant
    const view = await getBenefitDecision(anna, d.request.id, TODAY);
    expect(view).toMatchObject({ claimId: d.claim.id, claimStatus: "CLAIMED", acceptance: { kind: "override", unmet: ["bridging.lastFourQuarters"], months: 12, monthlyAmountCents: 160000 }, override: null });

    const missing = await codeOf(decideRequest(anna, accept(d.request.id), TODAY));
    expect(missing).toMatchObject({ code: "validation", fieldErrors: { override: ["bnOverrideRequired"], text: ["bnOverrideMotivation"] } });
    const short = await codeOf(decideRequest(anna, accept(d.request.id, "ok", true), TODAY));
    expect(short.fieldErrors).toEqual({ text: ["bnOverrideMotivation"] });
    expect(await prisma.request.findUniqueOrThrow({ where: { id: d.request.id } })).toMatchObject({ status: "IN_REVIEW" });

    const motivation = "Le trimestre impayé est couvert par un plan d'apurement respecté";
    expect(await decideRequest(anna, accept(d.request.id, motivation, true), TODAY)).toEqual({ status: "AWAITING_SECOND_APPROVAL", awaitingSecondApproval: true });
    const proposed = await prisma.request.findUniqueOrThrow({ where: { id: d.request.id } });
    expect(proposed).toMatchObject({ status: "AWAITING_SECOND_APPROVAL", proposedById: anna.userId });
    expect(proposed.proposedDecision).toMatchObject({ decision: "accept", text: motivation, override: { unmet: ["bridging.lastFourQuarters"], months: 12, monthlyAmountCents: 160000 } });
    expect(await prisma.benefitClaim.findUniqueOrThrow({ where: { id: d.claim.id } })).toMatchObject({ status: "CLAIMED" });
    // nothing granted meanwhile, from the benefit page either; the proposer is never offered nor allowed the approval
    await expect(grantClaim(anna, { claimId: d.claim.id }, TODAY)).rejects.toEqual(refused("fourEyesPending"));
    expect((await getRequestForStaff(anna, d.request.id, TODAY)).canApprove).toBe(false);
    expect((await getRequestForStaff(bert, d.request.id, TODAY)).canApprove).toBe(true);
    expect(await codeOf(approveSecond(anna, { requestId: d.request.id, approve: true, reason: "" }, TODAY))).toMatchObject({ code: "fourEyesSameStaff" });
    expect(await getBenefitDecision(bert, d.request.id, TODAY)).toMatchObject({ override: { unmet: ["bridging.lastFourQuarters"], months: 12, proposedByName: "anna", approvedByName: null } });

    // the second advisor approves: granted as proposed, decided by the proposer, approved by the second
    expect(await approveSecond(bert, { requestId: d.request.id, approve: true, reason: "Vu le plan" }, TODAY)).toEqual({ status: "ACCEPTED", awaitingSecondApproval: false });
    expect(await prisma.benefitClaim.findUniqueOrThrow({ where: { id: d.claim.id } })).toMatchObject({ status: "GRANTED", monthlyAmountCents: 160000 });
    const r = await prisma.request.findUniqueOrThrow({ where: { id: d.request.id }, include: { events: { orderBy: { id: "asc" } } } });
    expect(r).toMatchObject({ status: "ACCEPTED", decidedById: anna.userId, decisionText: motivation, proposedById: null, proposedDecision: null });
    expect(r.payload).toMatchObject({ grant: { months: 12 }, override: { unmet: ["bridging.lastFourQuarters"], proposedById: anna.userId, approvedById: bert.userId } });
    expect(r.events.at(-1)).toMatchObject({ actorId: bert.userId, fromStatus: "AWAITING_SECOND_APPROVAL", toStatus: "ACCEPTED" });
    expect(await prisma.auditLog.count({ where: { action: "benefit.grant-override", entityId: d.claim.id, actorId: bert.userId } })).toBe(1);
    expect(await getBenefitDecision(bert, d.request.id, TODAY)).toMatchObject({ claimStatus: "GRANTED", check: null, override: { proposedByName: "anna", approvedByName: "bert" } });
    expect(await listMyBenefits(d.viewer)).toMatchObject([{ status: "GRANTED", months: 12 }]);
    // never twice
    expect(await codeOf(approveSecond(bert, { requestId: d.request.id, approve: true, reason: "" }, TODAY))).toMatchObject({ code: "fourEyesNothingToApprove" });
  });

  it("a rejected override goes back to review; a refusal (four eyes) refuses the claim too", async () => {
    const { anna, bert } = await advisors();
    const d = await dossier(["2026-Q1"]);
    await decideRequest(anna, { requestId: d.request.id, decision: "start-review", reasonCode: "", text: "" }, TODAY);
    await decideRequest(anna, accept(d.request.id, "Situation exceptionnelle à examiner", true), TODAY);
    expect(await approveSecond(bert, { requestId: d.request.id, approve: false, reason: "Pas de justificatif" }, TODAY)).toEqual({ status: "IN_REVIEW", awaitingSecondApproval: false });
    expect(await prisma.benefitClaim.findUniqueOrThrow({ where: { id: d.claim.id } })).toMatchObject({ status: "CLAIMED" });
    await decideRequest(anna, { requestId: d.request.id, decision: "refuse", reasonCode: "conditionsNotMet", text: "Trimestre 2026-Q1 impayé" }, TODAY);
    await approveSecond(bert, { requestId: d.request.id, approve: true, reason: "" }, TODAY);
    expect(await prisma.request.findUniqueOrThrow({ where: { id: d.request.id } })).toMatchObject({ status: "REFUSED" });
    expect(await prisma.benefitClaim.findUniqueOrThrow({ where: { id: d.claim.id } })).toMatchObject({ status: "REFUSED" });
    expect(await listMyBenefits(d.viewer)).toMatchObject([{ status: "REFUSED" }]);
  });

  it("an override approved after the dossier changed is refused; nothing is granted when the legal amount is unknown", async () => {
    const { anna, bert } = await advisors();
    const d = await dossier(["2026-Q1"]);
    await decideRequest(anna, { requestId: d.request.id, decision: "start-review", reasonCode: "", text: "" }, TODAY);
    await decideRequest(anna, accept(d.request.id, "Situation exceptionnelle à examiner", true), TODAY);
    await prisma.legalParameter.updateMany({ where: { year: 2026, key: "benefits.bridgingRightMonthly.withoutFamilyChargeCents" }, data: { value: 170000n } });
    expect(await codeOf(approveSecond(bert, { requestId: d.request.id, approve: true, reason: "" }, TODAY))).toMatchObject({ code: "bnOverrideOutdated" });
    expect(await prisma.benefitClaim.findUniqueOrThrow({ where: { id: d.claim.id } })).toMatchObject({ status: "CLAIMED" });
    await approveSecond(bert, { requestId: d.request.id, approve: false, reason: "Montant changé" }, TODAY);
    await prisma.legalParameter.deleteMany({ where: { year: 2026, key: { startsWith: "benefits.bridgingRightMonthly" } } });
    expect(await codeOf(decideRequest(anna, accept(d.request.id, "Situation exceptionnelle à examiner", true), TODAY))).toMatchObject({ code: "bnFigureMissing" });
  });
});

describe("every bridging-right and caregiver request has its claim, whose status follows the request", () => {
  it("the database refuses a request without its claim, and a claim that disagrees with its request", async () => {
    const d = await dossier();
    await expect(
      prisma.request.create({ data: { reference: "B-2026-999999", type: "CAREGIVER_ALLOWANCE", status: "SUBMITTED", affiliateId: d.affiliate.id, payload: {}, filedOn: dbDate(TODAY) } }),
    ).rejects.toThrow(/has no claim/);
    await expect(prisma.request.update({ where: { id: d.request.id }, data: { status: "ACCEPTED" } })).rejects.toThrow(/is ACCEPTED but its claim is CLAIMED/);
    await expect(prisma.benefitClaim.update({ where: { id: d.claim.id }, data: { status: "GRANTED" } })).rejects.toThrow(/is SUBMITTED but its claim is GRANTED/);
    // both together, in one transaction, agree: withdrawn
    await prisma.$transaction([prisma.request.update({ where: { id: d.request.id }, data: { status: "WITHDRAWN" } }), prisma.benefitClaim.update({ where: { id: d.claim.id }, data: { status: "WITHDRAWN" } })]);
    expect(await prisma.benefitClaim.findUniqueOrThrow({ where: { id: d.claim.id } })).toMatchObject({ status: "WITHDRAWN" });
    // a maternity-aid offer or a claim without a request is not concerned
    await prisma.benefitClaim.create({ data: { affiliateId: d.affiliate.id, type: "MATERNITY_AID", status: "OFFERED", filedOn: dbDate(TODAY) } });
  });
});
