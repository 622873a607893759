// The staff lists read page by page from the database (issue #14 part 2, #19): recovery cases, unmatched payments,
// the job history and benefit claims — a count, then LIMIT/OFFSET in a total order (ties broken by the id), so the
// pages put together are the whole list, each line once; a page past the end is the last page.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createTestPrisma, resetDatabase } from "../helpers/db";
import { affiliateWithCall, staffUser } from "../helpers/fixtures";
import { dbDate } from "@/prisma/factories";
import { listJobRuns, listJobRunsPage } from "@/lib/dal/jobs/list-job-runs";
import { listUnmatchedPayments, listUnmatchedPaymentsPage } from "@/lib/dal/payments/list-unmatched-payments";
import { listRecoveryCasesPage } from "@/lib/dal/recovery/list-recovery-cases";
import { prisma as appPrisma } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import type { Paged } from "@/lib/dto/paging";

const prisma = createTestPrisma();
afterAll(async () => {
  await prisma.$disconnect();
  await appPrisma.$disconnect();
});
beforeEach(() => resetDatabase(prisma));

async function allPages<T extends { id: string }>(read: (page: number) => Promise<Paged<T>>) {
  const first = await read(1);
  const pages = Math.ceil(first.total / first.pageSize);
  const items = [...first.items];
  for (let p = 2; p <= pages; p++) items.push(...(await read(p)).items);
  const past = await read(pages + 3);
  expect(past.page).toBe(pages);
  expect(past.items.map((i) => i.id)).toEqual(items.slice((pages - 1) * first.pageSize).map((i) => i.id));
  expect(new Set(items.map((i) => i.id)).size).toBe(first.total);
  return { total: first.total, pageSize: first.pageSize, firstPage: first.items, items };
}

describe("staff lists in pages", () => {
  it("unmatched payments: 25 a page, the oldest first, ties by id, the search kept", async () => {
    const { viewer } = await staffUser(prisma, "ADVISOR", "anna");
    for (let i = 0; i < 60; i++)
      await prisma.payment.create({ data: { source: "CODA", status: i % 10 === 9 ? "MATCHED" : "UNMATCHED", amountCents: i % 2 ? 10_000 : 5_000, valueOn: dbDate(`2026-11-${String(1 + (i % 4)).padStart(2, "0")}`), counterpartyName: i % 3 ? "Dupont" : "Peeters" } });
    const all = await allPages((p) => listUnmatchedPaymentsPage(viewer, {}, p));
    expect(all).toMatchObject({ total: 54, pageSize: 25 });
    expect(all.firstPage).toHaveLength(25);
    expect(all.items.map((i) => i.id)).toEqual((await listUnmatchedPayments(viewer)).map((i) => i.id));
    for (let k = 1; k < all.items.length; k++) expect(all.items[k - 1].valueOn <= all.items[k].valueOn).toBe(true);
    const peeters = await allPages((p) => listUnmatchedPaymentsPage(viewer, { q: "peeters", amountCents: 5_000 }, p));
    expect(peeters.total).toBe(await prisma.payment.count({ where: { status: "UNMATCHED", counterpartyName: "Peeters", amountCents: 5_000 } }));
    expect(peeters.items.every((p) => p.counterpartyName === "Peeters" && p.amountCents === 5_000)).toBe(true);
    const { viewer: manager } = await staffUser(prisma, "MANAGER", "mona");
    await expect(listUnmatchedPaymentsPage(manager, {}, 1)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("job history: the latest first, runs started at the same instant in one stable order", async () => {
    const { viewer } = await staffUser(prisma, "ADVISOR", "anna");
    const at = new Date("2026-11-20T10:00:00Z");
    for (let i = 0; i < 30; i++) await prisma.jobRun.create({ data: { job: "surcharges", status: "SUCCEEDED", startedAt: new Date(at.getTime() + (i % 5) * 60_000) } });
    const all = await allPages((p) => listJobRunsPage(viewer, p));
    expect(all.total).toBe(30);
    expect(all.items.map((r) => r.id)).toEqual((await listJobRuns(viewer, 100)).map((r) => r.id));
    for (let k = 1; k < all.items.length; k++) expect(all.items[k - 1].startedAt >= all.items[k].startedAt).toBe(true);
  });

  it("recovery: the open cases only, the oldest debt first", async () => {
    const { viewer } = await staffUser(prisma, "ADVISOR", "anna");
    for (let i = 0; i < 28; i++) {
      const a = await affiliateWithCall(prisma, `Case${i}`);
      await prisma.recoveryCase.create({
        data: { affiliateId: a.affiliate.id, status: i < 2 ? "CLOSED" : "OPEN", currentStep: "REMINDER", debtCents: 10_000, oldestDueOn: dbDate(`2025-0${1 + (i % 3)}-15`), openedOn: dbDate("2026-01-01") },
      });
    }
    const all = await allPages((p) => listRecoveryCasesPage(viewer, "2026-11-28", p));
    expect(all.total).toBe(26);
    for (let k = 1; k < all.items.length; k++) expect(all.items[k - 1].oldestDueOn <= all.items[k].oldestDueOn).toBe(true);
  });
});
