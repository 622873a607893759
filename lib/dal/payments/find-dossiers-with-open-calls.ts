import "server-only";
import { prisma } from "@/lib/db/client";
import { logStaffReads } from "@/lib/dal/internal/access-log";
import { assertPermission, type Viewer } from "@/lib/auth/viewer";
import { iso } from "@/lib/dal/internal/payments";
import { type DossierOpenCalls } from "@/lib/dto/payments";

/** Dossiers whose member number or holder's name matches, with their open calls (at most 10 dossiers). */
export async function findDossiersWithOpenCalls(viewer: Viewer | null, query: string): Promise<DossierOpenCalls[]> {
  assertPermission(viewer, "payment:reconcile");
  const q = query.trim();
  if (q.length < 2) return [];
  const affiliates = await prisma.affiliate.findMany({
    where: {
      OR: [
        { memberNumber: q },
        { person: { OR: [{ lastName: { contains: q, mode: "insensitive" } }, { firstName: { contains: q, mode: "insensitive" } }] } },
        { company: { name: { contains: q, mode: "insensitive" } } },
      ],
    },
    include: { person: true, company: true },
    orderBy: { memberNumber: "asc" },
    take: 10,
  });
  if (affiliates.length === 0) return [];
  await logStaffReads(viewer, affiliates.map((a) => ({ affiliateId: a.id, action: "search.result" as const, entity: "Affiliate", entityId: a.id, reason: "payment" })));
  const open = await prisma.$queryRawUnsafe<{ callId: string; open: number }[]>(
    `SELECT "callId", sum("owedCents")::int AS open FROM "LedgerOwed"
     WHERE "affiliateId" = ANY($1::text[]) AND "callId" IS NOT NULL
     GROUP BY "callId"`,
    affiliates.map((a) => a.id),
  );
  const openBy = new Map(open.filter((o) => o.open > 0).map((o) => [o.callId, o.open]));
  const calls = await prisma.contributionCall.findMany({ where: { id: { in: [...openBy.keys()] } }, orderBy: [{ dueOn: "asc" }] });
  return affiliates.map((a) => ({
    affiliateId: a.id,
    memberNumber: a.memberNumber,
    name: a.person ? `${a.person.firstName} ${a.person.lastName}` : (a.company?.name ?? a.memberNumber),
    calls: calls.filter((c) => c.affiliateId === a.id).map((c) => ({
      id: c.id, kind: c.kind, year: c.year, quarter: c.quarter, dueOn: iso(c.dueOn), totalCents: c.totalCents, openCents: openBy.get(c.id) ?? 0, structuredCommunication: c.structuredCommunication,
    })),
  }));
}
