// Transmissions to the mutuality and INASTI with a tracked status (issue #18 part 6), on a real PostgreSQL: the files
// carry what is owed (payments waiting; quarters paid), are prepared once per period, marked sent then acknowledged
// with who and when (audited, the payments stamped sent to the health insurer), and counted on time or late.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createTestPrisma, resetDatabase } from "../helpers/db";
import { affiliateWithCall, staffUser } from "../helpers/fixtures";
import { dbDate } from "@/prisma/factories";
import { prepareTransmission } from "@/lib/dal/transmissions/prepare-transmission";
import { advanceTransmission } from "@/lib/dal/transmissions/advance-transmission";
import { getTransmissionFile, listTransmissions } from "@/lib/dal/transmissions/list-transmissions";
import { AppError, NotFoundError } from "@/lib/errors";
import { getDashboard } from "@/lib/dal/dashboards/get-dashboard";
import { refreshKpiFacts } from "@/lib/kpi/refresh";
import { prisma as appPrisma } from "@/lib/db/client";

const prisma = createTestPrisma();
afterAll(async () => {
  await prisma.$disconnect();
  await appPrisma.$disconnect();
});
beforeEach(() => resetDatabase(prisma));

const TODAY = "2027-01-15";
const text = (b: Uint8Array) => Buffer.from(b).toString("utf8");

async function payFully(affiliateId: string, callId: string) {
  const entries = await prisma.ledgerEntry.findMany({ where: { callId, kind: "CALL" } });
  for (const e of entries) {
    const p = await prisma.ledgerEntry.create({ data: { affiliateId, kind: "PAYMENT", amountCents: -e.amountCents, bookedOn: dbDate("2026-03-01"), valueOn: dbDate("2026-03-01"), reasonCode: "payment.received", reasonParams: {} } });
    await prisma.paymentAllocation.create({ data: { paymentEntryId: p.id, targetEntryId: e.id, amountCents: e.amountCents } });
  }
}

describe("transmissions", () => {
  it("prepares the mutuality file once, tracks sent and acknowledged with who and when, and counts it on time", async () => {
    const a = await affiliateWithCall(prisma, "Mut");
    const claim = await prisma.benefitClaim.create({ data: { affiliateId: a.affiliate.id, type: "MATERNITY_AID", status: "PAID" } });
    const pay = await prisma.benefitPayment.create({ data: { claimId: claim.id, amountCents: 123_456, paidOn: dbDate("2027-01-02") } });
    const { viewer: advisor, user } = await staffUser(prisma, "ADVISOR");
    const { viewer: manager } = await staffUser(prisma, "MANAGER");

    const prepared = await prepareTransmission(advisor, { kind: "MUTUALITY_BENEFIT_PAYMENTS" }, TODAY);
    expect(prepared.itemCount).toBe(1);
    const file = await getTransmissionFile(manager, prepared.id);
    expect(text(file.content)).toContain(`${pay.id};${a.person.niss};${a.affiliate.memberNumber};MATERNITY_AID;2027-01-02;1234.56;0.00`);
    // the payment is in the file: a second file has nothing more to carry
    await expect(prepareTransmission(advisor, { kind: "MUTUALITY_BENEFIT_PAYMENTS" }, "2027-01-16")).rejects.toMatchObject({ code: "transmission.nothingToSend" });
    await expect(advanceTransmission(advisor, { id: prepared.id, to: "ACKNOWLEDGED" }, TODAY)).rejects.toMatchObject({ code: "transmission.notSentYet" });

    expect(await advanceTransmission(advisor, { id: prepared.id, to: "SENT" }, "2027-01-20")).toEqual({ changed: true });
    expect(await advanceTransmission(manager, { id: prepared.id, to: "SENT" }, "2027-01-21")).toEqual({ changed: false });
    expect((await prisma.benefitPayment.findUniqueOrThrow({ where: { id: pay.id } })).sentToHealthInsurerAt).not.toBeNull();
    expect(await advanceTransmission(manager, { id: prepared.id, to: "ACKNOWLEDGED" }, "2027-01-25")).toEqual({ changed: true });

    const { rows, indicators } = await listTransmissions(manager, "2027-03-01");
    expect(rows).toEqual([expect.objectContaining({ kind: "MUTUALITY_BENEFIT_PAYMENTS", status: "ACKNOWLEDGED", dueOn: "2027-02-01", timing: "onTime", preparedBy: user.name, sentBy: user.name, acknowledgedBy: "manager" })]);
    expect(indicators).toEqual([
      { kind: "MUTUALITY_BENEFIT_PAYMENTS", onTime: 1, counted: 1 },
      { kind: "MUTUALITY_INCAPACITY_ATTESTATIONS", onTime: 0, counted: 0 },
      { kind: "INASTI_CAREER", onTime: 0, counted: 0 },
    ]);
    expect(await prisma.auditLog.count({ where: { entity: "Transmission", entityId: prepared.id } })).toBe(3); // prepared, sent, acknowledged
  });

  it("lists the quarters paid per person for INASTI, one file per year, and a file unsent after its due date is late", async () => {
    const paid = await affiliateWithCall(prisma, "Paye");
    const unpaid = await affiliateWithCall(prisma, "Impaye");
    await payFully(paid.affiliate.id, paid.call.id);
    const { viewer: advisor } = await staffUser(prisma, "ADVISOR");
    const t = await prepareTransmission(advisor, { kind: "INASTI_CAREER" }, TODAY); // the year before: 2026
    const csv = text((await getTransmissionFile(advisor, t.id)).content);
    expect(csv).toContain(`${paid.person.niss};${paid.affiliate.memberNumber};2026;1;1`);
    expect(csv).toContain(`${unpaid.person.niss};${unpaid.affiliate.memberNumber};2026;;0`);
    await expect(prepareTransmission(advisor, { kind: "INASTI_CAREER", year: 2026 }, TODAY)).rejects.toMatchObject({ code: "transmission.alreadyPrepared" });
    await expect(prepareTransmission(advisor, { kind: "INASTI_CAREER", year: 2020 }, TODAY)).rejects.toMatchObject({ code: "transmission.nothingToSend" });
    const { rows, indicators } = await listTransmissions(advisor, "2027-04-01");
    expect(rows[0]).toMatchObject({ dueOn: "2027-03-31", status: "PREPARED", timing: "late" });
    expect(indicators.find((i) => i.kind === "INASTI_CAREER")).toEqual({ kind: "INASTI_CAREER", onTime: 0, counted: 1 });
    expect((await listTransmissions(advisor, "2027-03-31")).rows[0].timing).toBe("pending");
    // the managers' dashboard counts it too, in its due month: 0 on time out of 1 for INASTI, nothing for the mutuality
    await refreshKpiFacts(prisma, "2027-04-01", { startedById: null });
    const { viewer: manager } = await staffUser(prisma, "MANAGER");
    const d = await getDashboard(manager, { from: "2027-01", to: "2027-04" }, "2027-04-01");
    expect(d.indicators.find((i) => i.id === "inasti_on_time")).toMatchObject({ value: 0 });
    expect(d.indicators.find((i) => i.id === "mutuality_on_time")?.value ?? null).toBeNull();
  });

  it("is for advisors and managers only; an unknown file is a 404", async () => {
    const { viewer: admin } = await staffUser(prisma, "ADMIN");
    const a = await affiliateWithCall(prisma, "Self");
    const { viewer: advisor } = await staffUser(prisma, "ADVISOR");
    for (const v of [admin, a.viewer, null]) {
      await expect(listTransmissions(v, TODAY)).rejects.toBeInstanceOf(NotFoundError);
      await expect(prepareTransmission(v, { kind: "INASTI_CAREER" }, TODAY)).rejects.toBeInstanceOf(NotFoundError);
    }
    await expect(advanceTransmission(advisor, { id: "nope", to: "SENT" }, TODAY)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getTransmissionFile(advisor, "nope")).rejects.toBeInstanceOf(AppError);
  });
});
