// The house rule, proven on a real PostgreSQL: every data-access function checks the viewer's role and that the
// record belongs to them; a foreign record answers "not found".
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createTestPrisma, resetDatabase } from "./helpers/db";
import { affiliateWithCall, companyAffiliate, staffUser } from "./helpers/fixtures";
import { getMyCall } from "@/lib/dal/account/get-my-call";
import { getMyOverview } from "@/lib/dal/account/get-my-overview";
import { getDossier } from "@/lib/dal/dossiers/get-dossier";
import { getManagerOverview } from "@/lib/dal/dashboards/get-manager-overview";
import { searchDossiers } from "@/lib/dal/dossiers/search-dossiers";
import { listParameters } from "@/lib/dal/parameters/list-parameters";
import { approveParameterChange } from "@/lib/dal/parameters/approve-parameter-change";
import { updateParameter } from "@/lib/dal/parameters/update-parameter";
import { NotFoundError } from "@/lib/errors";
import { prisma as appPrisma } from "@/lib/db/client";

const prisma = createTestPrisma();
afterAll(async () => {
  await prisma.$disconnect();
  await appPrisma.$disconnect();
});
beforeEach(() => resetDatabase(prisma));

describe("affiliate data access", () => {
  it("shows an affiliate their own balance, next due date and calls", async () => {
    const a = await affiliateWithCall(prisma, "Alpha");
    const o = await getMyOverview(a.viewer, "2026-02-15");
    expect(o.displayName).toBe("Test Alpha");
    expect(o.category).toBe("MAIN");
    expect(o.balanceCents).toBe(a.contribution.totalCents);
    expect(o.nextDue).toEqual({ dueOn: "2026-03-31", amountCents: a.contribution.totalCents });
    expect(o.overdueCents).toBe(0);
    expect(o.calls.map((c) => c.id)).toEqual([a.call.id]);
    // after the due date the same amount is overdue
    const later = await getMyOverview(a.viewer, "2026-04-01");
    expect(later.overdueCents).toBe(a.contribution.totalCents);
    expect(later.nextDue).toBeNull();
  });

  it("answers not found for another affiliate's call", async () => {
    const a = await affiliateWithCall(prisma, "Alpha");
    const b = await affiliateWithCall(prisma, "Bravo");
    await expect(getMyCall(a.viewer, a.call.id)).resolves.toMatchObject({ id: a.call.id, totalCents: a.contribution.totalCents });
    await expect(getMyCall(a.viewer, b.call.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getMyCall(a.viewer, "no-such-call")).rejects.toBeInstanceOf(NotFoundError);
  });

  it("refuses anonymous callers and staff on the affiliate functions", async () => {
    const a = await affiliateWithCall(prisma, "Alpha");
    const { viewer: advisor } = await staffUser(prisma, "ADVISOR");
    await expect(getMyOverview(null, "2026-01-01")).rejects.toBeInstanceOf(NotFoundError);
    await expect(getMyOverview(advisor, "2026-01-01")).rejects.toBeInstanceOf(NotFoundError);
    await expect(getMyCall(advisor, a.call.id)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("staff data access", () => {
  it("lets an advisor find a dossier by name, national number or enterprise number", async () => {
    const a = await affiliateWithCall(prisma, "Vandenbroucke");
    const c = await companyAffiliate(prisma, "Boulangerie Vandenbroucke SRL");
    const { viewer } = await staffUser(prisma, "ADVISOR");
    expect((await searchDossiers(viewer, "vandenbr")).map((h) => h.id).sort()).toEqual([a.affiliate.id, c.affiliate.id].sort());
    const niss = a.person.niss;
    const printed = `${niss.slice(0, 2)}.${niss.slice(2, 4)}.${niss.slice(4, 6)}-${niss.slice(6, 9)}.${niss.slice(9)}`;
    expect((await searchDossiers(viewer, printed)).map((h) => h.id)).toEqual([a.affiliate.id]);
    const en = c.company.enterpriseNumber;
    expect((await searchDossiers(viewer, `BE ${en.slice(0, 4)}.${en.slice(4, 7)}.${en.slice(7)}`)).map((h) => h.id)).toEqual([c.affiliate.id]);
    expect(await searchDossiers(viewer, "x")).toEqual([]);
  });

  it("logs every staff opening of a dossier, and refuses affiliates", async () => {
    const a = await affiliateWithCall(prisma, "Alpha");
    const b = await affiliateWithCall(prisma, "Bravo");
    const { viewer } = await staffUser(prisma, "ADVISOR");
    const d = await getDossier(viewer, a.affiliate.id, "2026-02-01", "phone call");
    expect(d.person?.niss).toBe(a.person.niss);
    expect(d.calls).toHaveLength(1);
    expect(d.ledger).toHaveLength(2);
    const log = await prisma.auditLog.findMany({ where: { entityId: a.affiliate.id } });
    expect(log).toMatchObject([{ actorId: viewer.userId, action: "dossier.view", reason: "phone call" }]);
    await expect(getDossier(b.viewer, a.affiliate.id, "2026-02-01")).rejects.toBeInstanceOf(NotFoundError);
    await expect(searchDossiers(b.viewer, "Alpha")).rejects.toBeInstanceOf(NotFoundError);
    await expect(getDossier(viewer, "missing", "2026-02-01")).rejects.toBeInstanceOf(NotFoundError);
  });

  it("gives managers counts per category and open requests, and nobody else", async () => {
    const a = await affiliateWithCall(prisma, "Alpha");
    await affiliateWithCall(prisma, "Bravo");
    await prisma.request.create({ data: { reference: "D-2026-000001", type: "QUESTION", status: "SUBMITTED", affiliateId: a.affiliate.id, filedOn: new Date("2026-01-10") } });
    await prisma.request.create({ data: { reference: "D-2026-000002", type: "REDUCTION", status: "ACCEPTED", affiliateId: a.affiliate.id, filedOn: new Date("2026-01-10") } });
    const { viewer: manager } = await staffUser(prisma, "MANAGER");
    const { viewer: advisor } = await staffUser(prisma, "ADVISOR");
    const o = await getManagerOverview(manager, "2026-02-01");
    expect(o.affiliatesByCategory).toEqual([{ category: "MAIN", count: 2 }]);
    expect(o.openRequests).toBe(1);
    expect(o.openRequestsByType).toEqual([{ type: "QUESTION", count: 1 }]);
    await expect(getManagerOverview(advisor, "2026-02-01")).rejects.toBeInstanceOf(NotFoundError);
    await expect(getManagerOverview(a.viewer, "2026-02-01")).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("legal parameters", () => {
  it("lets only admins correct a figure, recording the change and an audit entry", async () => {
    const p = await prisma.legalParameter.create({
      data: { year: 2026, key: "company.smallAmountCents", unit: "cents", value: 40831n, source: "https://example.test", status: "derived" },
    });
    const { viewer: admin } = await staffUser(prisma, "ADMIN");
    const { viewer: advisor } = await staffUser(prisma, "ADVISOR");
    const a = await affiliateWithCall(prisma, "Alpha");
    await expect(updateParameter(advisor, { id: p.id, value: "410,00", status: "confirmed", reason: "AR read" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(listParameters(a.viewer, 2026)).rejects.toBeInstanceOf(NotFoundError);
    // typed in euros as people write them; a value that is not an amount is refused in words, nothing proposed
    await expect(updateParameter(admin, { id: p.id, value: "41000 centimes", status: "confirmed", reason: "INASTI grid 2026" })).rejects.toMatchObject({ kind: "invalid", fieldErrors: { value: ["amountInvalid"] } });
    await updateParameter(admin, { id: p.id, value: "410,00", status: "confirmed", reason: "INASTI grid 2026" });
    // proposed only: the figure changes when a second person approves (tests/integration/security/four-eyes.test.ts)
    expect(await listParameters(advisor, 2026)).toMatchObject([{ key: "company.smallAmountCents", value: "40831", status: "derived", changes: 0, pending: { value: "41000" } }]);
    const { viewer: manager } = await staffUser(prisma, "MANAGER");
    const change = await prisma.legalParameterChange.findFirstOrThrow();
    await approveParameterChange(manager, { changeId: change.id, approve: true });
    expect(await listParameters(advisor, 2026)).toMatchObject([{ key: "company.smallAmountCents", value: "41000", status: "confirmed", changes: 1, pending: null }]);
    expect(await prisma.legalParameterChange.findMany()).toMatchObject([{ oldValue: 40831n, newValue: 41000n, oldStatus: "derived", newStatus: "confirmed", changedById: admin.userId, state: "APPLIED", decidedById: manager.userId }]);
    expect(await prisma.auditLog.count({ where: { action: "parameter.update", entityId: p.id } })).toBe(1);
    await expect(updateParameter(admin, { id: "nope", value: "1", status: "confirmed", reason: "xxxxx" })).rejects.toBeInstanceOf(NotFoundError);
  });
});
