// The mutuality's incapacity attestations (issue #18 part 6), on a real PostgreSQL: every illness assimilation
// accepted and not yet carried goes in one file (one line: NISS, member number, incapacity start, quarters assimilated,
// the quarter before and whether PAYMENTs covered it in full), due 30 days after the oldest acceptance; a request is in
// one file only, a second preparation is refused, and the file counts toward the mutuality's on-time indicator.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createTestPrisma, resetDatabase } from "../helpers/db";
import { affiliateWithCall, staffUser } from "../helpers/fixtures";
import { dbDate } from "@/prisma/factories";
import { prepareTransmission } from "@/lib/dal/transmissions/prepare-transmission";
import { advanceTransmission } from "@/lib/dal/transmissions/advance-transmission";
import { getTransmissionFile, listTransmissions } from "@/lib/dal/transmissions/list-transmissions";
import { NotFoundError } from "@/lib/errors";
import { getDashboard } from "@/lib/dal/dashboards/get-dashboard";
import { refreshKpiFacts } from "@/lib/kpi/refresh";
import { prisma as appPrisma } from "@/lib/db/client";
import type { RequestStatus, RequestType } from "@/lib/generated/prisma/enums";

const prisma = createTestPrisma();
afterAll(async () => {
  await prisma.$disconnect();
  await appPrisma.$disconnect();
});
beforeEach(() => resetDatabase(prisma));

const KIND = "MUTUALITY_INCAPACITY_ATTESTATIONS" as const;
const text = (b: Uint8Array) => Buffer.from(b).toString("utf8");
let serial = 0;

async function payFully(affiliateId: string, callId: string) {
  const entries = await prisma.ledgerEntry.findMany({ where: { callId, kind: "CALL" } });
  for (const e of entries) {
    const p = await prisma.ledgerEntry.create({ data: { affiliateId, kind: "PAYMENT", amountCents: -e.amountCents, bookedOn: dbDate("2026-03-01"), valueOn: dbDate("2026-03-01"), reasonCode: "payment.received", reasonParams: {} } });
    await prisma.paymentAllocation.create({ data: { paymentEntryId: p.id, targetEntryId: e.id, amountCents: e.amountCents } });
  }
}

/** An assimilation from 10 April 2026 (2026-Q2, the quarter before: 2026-Q1, the fixture's call) to 20 August 2026 (through 2026-Q3). */
async function assimilation(affiliateId: string, decidedAt: string | null, status: RequestStatus = "ACCEPTED", type: RequestType = "ILLNESS_ASSIMILATION") {
  serial++;
  const payload = { incapacityStartOn: "2026-04-10", resumptionOn: "2026-08-20", firstQuarter: { year: 2026, quarter: 2 }, lastQuarter: { year: 2026, quarter: 3 }, firstQuarterIndex: 2026 * 4 + 1, lastQuarterIndex: 2026 * 4 + 2, motivation: "ill" };
  return prisma.request.create({ data: { reference: `D-2026-9${String(serial).padStart(5, "0")}`, type, status, affiliateId, payload, filedOn: dbDate("2026-09-01"), decidedAt: decidedAt ? new Date(decidedAt) : null } });
}

describe("incapacity attestations for the mutuality", () => {
  it("carries every accepted assimilation once, with the quarter before paid or not, due 30 days after the oldest acceptance", async () => {
    const paid = await affiliateWithCall(prisma, "Paye");
    const unpaid = await affiliateWithCall(prisma, "Impaye");
    await payFully(paid.affiliate.id, paid.call.id);
    const r1 = await assimilation(paid.affiliate.id, "2027-01-04T23:30:00Z"); // 5 January in Brussels
    const r2 = await assimilation(unpaid.affiliate.id, "2027-01-10T09:00:00Z");
    const submitted = await assimilation(unpaid.affiliate.id, null, "SUBMITTED");
    const otherType = await assimilation(paid.affiliate.id, "2027-01-06T09:00:00Z", "ACCEPTED", "PAYMENT_PLAN");
    const { viewer: advisor } = await staffUser(prisma, "ADVISOR");
    const { viewer: manager } = await staffUser(prisma, "MANAGER");

    const first = await prepareTransmission(advisor, { kind: KIND }, "2027-01-15");
    expect(first.itemCount).toBe(2);
    const lines = text((await getTransmissionFile(manager, first.id)).content).split("\r\n");
    expect(lines[0]).toBe("request;niss;member_number;incapacity_start;first_quarter;last_quarter;quarter_before;quarter_before_paid");
    expect(lines[1]).toBe(`${r1.reference};${paid.person.niss};${paid.affiliate.memberNumber};2026-04-10;2026-Q2;2026-Q3;2026-Q1;1`);
    expect(lines[2]).toBe(`${r2.reference};${unpaid.person.niss};${unpaid.affiliate.memberNumber};2026-04-10;2026-Q2;2026-Q3;2026-Q1;0`);
    expect(lines).toHaveLength(4); // header, two lines, the final empty one
    const t1 = await prisma.transmission.findUniqueOrThrow({ where: { id: first.id } });
    expect(t1).toMatchObject({ kind: KIND, period: "2027-01-15", fileName: "mutualite-incapacites-2027-01-15.csv" });
    expect(t1.dueOn).toEqual(dbDate("2027-02-04"));
    for (const r of [submitted, otherType]) expect((await prisma.request.findUniqueOrThrow({ where: { id: r.id } })).incapacityTransmissionId).toBeNull();

    // preparing again refuses: the same day (nothing left, or the day's file exists), the next day (nothing left)
    await expect(prepareTransmission(manager, { kind: KIND }, "2027-01-15")).rejects.toMatchObject({ code: "transmission.nothingToSend" });
    await expect(prepareTransmission(manager, { kind: KIND }, "2027-01-16")).rejects.toMatchObject({ code: "transmission.nothingToSend" });
    const r3 = await assimilation(paid.affiliate.id, "2027-01-15T10:00:00Z");
    await expect(prepareTransmission(manager, { kind: KIND }, "2027-01-15")).rejects.toMatchObject({ code: "transmission.alreadyPrepared" });
    expect((await prisma.request.findUniqueOrThrow({ where: { id: r3.id } })).incapacityTransmissionId).toBeNull(); // the refusal kept nothing

    // the next file carries only the new one: a request is never in two files
    const second = await prepareTransmission(manager, { kind: KIND }, "2027-01-16");
    expect(second.itemCount).toBe(1);
    const csv2 = text((await getTransmissionFile(manager, second.id)).content);
    expect(csv2).toContain(r3.reference);
    expect(csv2).not.toContain(r1.reference);
    expect(csv2).not.toContain(r2.reference);
    const carried = await prisma.request.findMany({ where: { incapacityTransmissionId: { not: null } }, select: { id: true, incapacityTransmissionId: true } });
    expect(Object.fromEntries(carried.map((r) => [r.id, r.incapacityTransmissionId]))).toEqual({ [r1.id]: first.id, [r2.id]: first.id, [r3.id]: second.id });

    // sent on time: the page's own share, and the mutuality's indicator on the managers' dashboard
    expect(await advanceTransmission(advisor, { id: first.id, to: "SENT" }, "2027-02-01")).toEqual({ changed: true });
    const { rows, indicators } = await listTransmissions(manager, "2027-03-01");
    expect(rows.find((r) => r.id === first.id)).toMatchObject({ kind: KIND, status: "SENT", dueOn: "2027-02-04", timing: "onTime", itemCount: 2 });
    expect(indicators.find((i) => i.kind === KIND)).toEqual({ kind: KIND, onTime: 1, counted: 2 }); // the second, unsent past its due date, is late
    await refreshKpiFacts(prisma, "2027-03-01", { startedById: null });
    const d = await getDashboard(manager, { from: "2027-01", to: "2027-03" }, "2027-03-01");
    expect(d.indicators.find((i) => i.id === "mutuality_on_time")).toMatchObject({ value: 500 });
    expect(await prisma.auditLog.count({ where: { entity: "Transmission", action: "transmission.prepared" } })).toBe(2);
  });

  it("is for advisors and managers only: any other viewer gets a 404 and nothing is tied", async () => {
    const a = await affiliateWithCall(prisma, "Self");
    const r = await assimilation(a.affiliate.id, "2027-01-04T10:00:00Z");
    const { viewer: admin } = await staffUser(prisma, "ADMIN");
    for (const v of [admin, a.viewer, null]) await expect(prepareTransmission(v, { kind: KIND }, "2027-01-15")).rejects.toBeInstanceOf(NotFoundError);
    expect(await prisma.transmission.count()).toBe(0);
    expect((await prisma.request.findUniqueOrThrow({ where: { id: r.id } })).incapacityTransmissionId).toBeNull();
  });
});
