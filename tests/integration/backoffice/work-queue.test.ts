// The work queue on a real PostgreSQL (issues #14 and #19): ordered, filtered, counted and cut into pages by the
// database with the legal deadline computed there (a paused decision clock included); bulk assignment, all or
// nothing, checked, and consistent when two staff members assign the same lines at once; the export in words.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createTestPrisma, resetDatabase } from "../helpers/db";
import { affiliateWithCall, staffUser } from "../helpers/fixtures";
import { dbDate } from "@/prisma/factories";
import { charterDeadlines } from "@/lib/domain";
import { addDays } from "@/lib/domain/dates";
import { assignQueueItems } from "@/lib/dal/requests/assign-requests";
import { exportWorkQueue } from "@/lib/dal/requests/export-work-queue";
import { listWorkQueue } from "@/lib/dal/requests/list-work-queue";
import { type QueueItem } from "@/lib/dto/requests";
import { tablesToCsv } from "@/lib/kpi/export";
import { prisma as appPrisma } from "@/lib/db/client";
import { AppError, NotFoundError } from "@/lib/errors";

const prisma = createTestPrisma();
afterAll(async () => {
  await prisma.$disconnect();
  await appPrisma.$disconnect();
});
beforeEach(() => resetDatabase(prisma));

const today = "2026-11-28";
let seq = 0;
type Status = "SUBMITTED" | "IN_REVIEW" | "INFORMATION_REQUESTED" | "FORWARDED" | "ACCEPTED";
async function request(affiliateId: string, type: "REDUCTION" | "QUESTION" | "PAYMENT_PLAN", filedOn: string, status: Status = "IN_REVIEW") {
  const d = charterDeadlines({ filedOn });
  return prisma.request.create({
    data: {
      reference: `Q-2026-${String(++seq).padStart(6, "0")}`,
      type, status, affiliateId, filedOn: dbDate(filedOn),
      informationDueOn: dbDate(d.informationDueOn), decisionDueOn: dbDate(d.decisionDueOn),
    },
  });
}

describe("the work queue in SQL", () => {
  it("pages in a stable total order on the legal deadline, a paused clock moved day by day, with counts and filters", async () => {
    const a = await affiliateWithCall(prisma, "Alpha");
    const { viewer: advisor } = await staffUser(prisma, "ADVISOR", "anna");
    // 40 requests on 8 filing days (ties on the deadline and the filing date: the id decides), 5 threads
    for (let i = 0; i < 40; i++) await request(a.affiliate.id, i % 3 === 0 ? "QUESTION" : "REDUCTION", addDays("2026-06-01", (i % 8) * 15));
    for (let i = 0; i < 5; i++) await prisma.messageThread.create({ data: { affiliateId: a.affiliate.id, subject: `S${i}`, status: "OPEN", answerDueOn: dbDate(addDays(today, i * 10 - 20)) } });
    // paused on 11 November in Brussels (23:30 UTC on the 10th): its decision deadline 2026-09-01 moves 17 days
    const paused = await request(a.affiliate.id, "REDUCTION", "2026-05-01", "INFORMATION_REQUESTED");
    await prisma.requestEvent.create({ data: { requestId: paused.id, toStatus: "INFORMATION_REQUESTED", at: new Date("2026-11-10T23:30:00Z") } });
    // a question paused the same day: its information deadline does not move; 23 days were left when it stopped
    const question = await request(a.affiliate.id, "QUESTION", "2026-10-20", "INFORMATION_REQUESTED");
    await prisma.requestEvent.create({ data: { requestId: question.id, toStatus: "INFORMATION_REQUESTED", at: new Date("2026-11-11T09:00:00Z") } });
    const forwarded = await request(a.affiliate.id, "REDUCTION", "2026-01-05", "FORWARDED");
    await request(a.affiliate.id, "REDUCTION", "2026-01-01", "ACCEPTED"); // closed: never in the queue

    const whole = await listWorkQueue(advisor, {}, today, 1, 1000);
    expect(whole.total).toBe(48);
    expect(whole.items).toHaveLength(48);
    const pages: QueueItem[] = [];
    for (let p = 1; p <= 2; p++) pages.push(...(await listWorkQueue(advisor, {}, today, p)).items);
    const third = await listWorkQueue(advisor, {}, today, 3);
    expect(third).toMatchObject({ page: 2, pageSize: 25 }); // past the end: the last page
    expect(pages.map((i) => i.id)).toEqual(whole.items.map((i) => i.id));
    expect(new Set(pages.map((i) => i.id)).size).toBe(48);
    // the order the queue promises, checked on every neighbour pair
    const key = (i: QueueItem) => [i.badge === "forwarded" ? 1 : 0, i.dueOn, i.badge === "paused" ? 1 : 0, i.filedOn, i.id] as const;
    for (let k = 1; k < pages.length; k++) {
      const [x, y] = [key(pages[k - 1]), key(pages[k])];
      const cmp = x[0] - y[0] || x[1].localeCompare(y[1]) || x[2] - y[2] || x[3].localeCompare(y[3]) || (x[4] < y[4] ? -1 : 1);
      expect(cmp).toBeLessThan(0);
    }
    expect(pages.at(-1)!.id).toBe(forwarded.id);
    const p = whole.items.find((i) => i.id === paused.id)!;
    expect(p).toMatchObject({ badge: "paused", pausedSince: "2026-11-11", dueOn: "2026-09-18", daysLeft: -71, daysLeftAtPause: -71 });
    expect(whole.items.find((i) => i.id === question.id)).toMatchObject({ badge: "paused", dueOn: "2026-12-04", daysLeft: 6, daysLeftAtPause: 23 });
    expect(whole).toMatchObject({ paused: 2, forwarded: 1 });
    expect(whole.late).toBe(whole.items.filter((i) => i.badge === "late").length);

    const late = await listWorkQueue(advisor, { state: "late" }, today, 1, 1000);
    expect(late.items.every((i) => i.badge === "late")).toBe(true);
    expect(late.total).toBe(whole.late);
    expect((await listWorkQueue(advisor, { state: "paused" }, today)).items.map((i) => i.id)).toEqual([paused.id, question.id]);
    expect((await listWorkQueue(advisor, { state: "forwarded" }, today)).items.map((i) => i.id)).toEqual([forwarded.id]);
    const atRisk = await listWorkQueue(advisor, { state: "at-risk" }, today);
    expect(atRisk.items.length).toBeGreaterThan(0);
    expect(atRisk.items.every((i) => i.badge === "at-risk")).toBe(true);
    const questions = await listWorkQueue(advisor, { type: "QUESTION" }, today, 1, 1000);
    expect(questions.total).toBe(15);
    expect(questions.items.every((i) => i.type === "QUESTION" && i.deadline === "information")).toBe(true);
    expect((await listWorkQueue(advisor, { type: "MESSAGE", advisor: "me" }, today)).total).toBe(0);
    await expect(listWorkQueue(a.viewer, {}, today)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("bulk assignment", () => {
  it("assigns requests and threads in one go, all or nothing, only by staff who decide and only to advisors", async () => {
    const a = await affiliateWithCall(prisma, "Alpha");
    const { viewer: anna } = await staffUser(prisma, "ADVISOR", "anna");
    const { viewer: bert } = await staffUser(prisma, "ADVISOR", "bert");
    const { viewer: manager } = await staffUser(prisma, "MANAGER", "mona");
    const rs = await Promise.all([0, 1, 2, 3].map((i) => request(a.affiliate.id, "REDUCTION", addDays("2026-10-01", i))));
    const closed = await request(a.affiliate.id, "REDUCTION", "2026-10-01", "ACCEPTED");
    const thread = await prisma.messageThread.create({ data: { affiliateId: a.affiliate.id, subject: "S", status: "OPEN", answerDueOn: dbDate("2026-12-01") } });
    const items = [...rs.map((r) => ({ kind: "request" as const, id: r.id })), { kind: "thread" as const, id: thread.id }];

    await expect(assignQueueItems(manager, { items, assigneeId: anna.userId })).rejects.toBeInstanceOf(NotFoundError);
    await expect(assignQueueItems(a.viewer, { items, assigneeId: anna.userId })).rejects.toBeInstanceOf(NotFoundError);
    const refused = await assignQueueItems(anna, { items, assigneeId: manager.userId }).catch((e: unknown) => e);
    expect((refused as AppError).code).toBe("assigneeNotAdvisor");
    // a closed request or a missing line: nothing at all is assigned
    await expect(assignQueueItems(anna, { items: [...items, { kind: "request", id: closed.id }], assigneeId: bert.userId })).rejects.toBeInstanceOf(NotFoundError);
    await expect(assignQueueItems(anna, { items: [...items, { kind: "thread", id: "missing" }], assigneeId: bert.userId })).rejects.toBeInstanceOf(NotFoundError);
    expect(await prisma.request.count({ where: { assigneeId: { not: null } } })).toBe(0);
    expect(await prisma.auditLog.count({ where: { action: { in: ["request.assign", "dossier.advisor"] } } })).toBe(0);

    expect(await assignQueueItems(anna, { items, assigneeId: bert.userId })).toEqual({ assigned: 5, assigneeName: "bert" });
    expect(await prisma.request.count({ where: { assigneeId: bert.userId } })).toBe(4);
    expect((await prisma.affiliate.findUniqueOrThrow({ where: { id: a.affiliate.id } })).advisorId).toBe(bert.userId);
    expect((await listWorkQueue(bert, { advisor: "me" }, today)).total).toBe(5);
    expect(await prisma.auditLog.count({ where: { actorId: anna.userId, action: "request.assign" } })).toBe(4);
    expect(await prisma.auditLog.count({ where: { actorId: anna.userId, action: "dossier.advisor" } })).toBe(1);
  });

  it("two staff members assigning the same lines at once: one waits for the other, every line ends with the later one's advisor", async () => {
    const a = await affiliateWithCall(prisma, "Alpha");
    const { viewer: anna } = await staffUser(prisma, "ADVISOR", "anna");
    const { viewer: bert } = await staffUser(prisma, "ADVISOR", "bert");
    const rs = await Promise.all([0, 1, 2, 3, 4].map((i) => request(a.affiliate.id, "REDUCTION", addDays("2026-10-01", i))));
    const items = rs.map((r) => ({ kind: "request" as const, id: r.id }));
    // reversed order on one side: the locks are taken in one fixed order, so no deadlock
    const [x, y] = await Promise.all([
      assignQueueItems(anna, { items, assigneeId: anna.userId }),
      assignQueueItems(bert, { items: [...items].reverse(), assigneeId: bert.userId }),
    ]);
    expect([x.assigned, y.assigned]).toEqual([5, 5]);
    const after = await prisma.request.findMany({ where: { id: { in: rs.map((r) => r.id) } }, select: { assigneeId: true } });
    const winners = new Set(after.map((r) => r.assigneeId));
    expect(winners.size).toBe(1);
    const last = [...winners][0];
    for (const r of rs) {
      const logs = await prisma.auditLog.findMany({ where: { entityId: r.id, action: "request.assign" }, orderBy: { id: "asc" } });
      expect(logs).toHaveLength(2);
      const [first, second] = logs.map((l) => l.details as { from: string | null; to: string });
      expect(first.from).toBeNull();
      expect(second.from).toBe(first.to); // the later one saw what the first left
      expect(second.to).toBe(last);
    }
  });
});

describe("export", () => {
  it("exports every line of the filtered queue, in words in the reader's language", async () => {
    const a = await affiliateWithCall(prisma, "Alpha");
    const { viewer: advisor } = await staffUser(prisma, "ADVISOR", "anna");
    for (let i = 0; i < 30; i++) await request(a.affiliate.id, "REDUCTION", addDays("2026-06-01", i));
    await request(a.affiliate.id, "QUESTION", "2026-11-20");
    const fr = await exportWorkQueue(advisor, { type: "REDUCTION" }, today, "fr");
    expect(fr.rows).toHaveLength(30); // all pages, the question filtered out
    expect(fr.headers).toEqual(["Référence", "Type de demande", "Dossier", "Numéro d'affilié", "Introduit le", "Délai légal", "Nature du délai", "Délai", "Situation", "État", "Attribué à"]);
    const first = fr.rows[0];
    expect(first[1]).toBe("Réduction des cotisations provisoires");
    expect(first[4]).toBe("01/06/2026");
    expect(first[6]).toBe("décision");
    expect(first[7]).toBe("En retard");
    expect(first[8]).toBe("58 jours de retard");
    expect(first[9]).toBe("En examen");
    const csv = tablesToCsv([fr]);
    expect(csv).not.toMatch(/REDUCTION|IN_REVIEW|2026-06-01/);
    const nl = await exportWorkQueue(advisor, { type: "REDUCTION" }, today, "nl");
    expect(nl.rows[0][7]).toBe("Te laat");
    expect(nl.rows[0][9]).toBe("In onderzoek");
    await expect(exportWorkQueue(a.viewer, {}, today, "fr")).rejects.toBeInstanceOf(NotFoundError);
  });
});
