import "server-only";
import { prisma } from "@/lib/db/client";
import { isoDate } from "@/lib/clock";
import { assertPermission, type Viewer } from "@/lib/auth/viewer";
import { NotFoundError } from "@/lib/errors";
import { onTimeState } from "@/lib/kpi/compute-transmissions";
import { TRANSMISSION_KINDS, type TransmissionOverview } from "@/lib/dto/transmissions";

/** The files, newest first, with who prepared, sent and acknowledged each, and per kind the share sent on time. */
export async function listTransmissions(viewer: Viewer | null, today: string): Promise<TransmissionOverview> {
  assertPermission(viewer, "transmission:manage");
  const rows = await prisma.transmission.findMany({ orderBy: [{ preparedAt: "desc" }, { id: "asc" }], take: 200, omit: { content: true } });
  const userIds = [...new Set(rows.flatMap((r) => [r.preparedById, r.sentById, r.acknowledgedById]).filter((id): id is string => !!id))];
  const names = new Map((await prisma.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]));
  const nameOf = (id: string | null) => (id ? (names.get(id) ?? null) : null);
  const list = rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    period: r.period,
    itemCount: r.itemCount,
    status: r.status,
    dueOn: isoDate(r.dueOn),
    timing: onTimeState({ dueOn: isoDate(r.dueOn), sentOn: r.sentOn ? isoDate(r.sentOn) : null }, today),
    preparedAt: r.preparedAt.toISOString(),
    preparedBy: nameOf(r.preparedById),
    sentAt: r.sentAt?.toISOString() ?? null,
    sentBy: nameOf(r.sentById),
    acknowledgedAt: r.acknowledgedAt?.toISOString() ?? null,
    acknowledgedBy: nameOf(r.acknowledgedById),
  }));
  const indicators = TRANSMISSION_KINDS.map((kind) => {
    const counted = list.filter((r) => r.kind === kind && r.timing !== "pending");
    return { kind, onTime: counted.filter((r) => r.timing === "onTime").length, counted: counted.length };
  });
  return { rows: list, indicators };
}

/** One file's bytes, for the download. */
export async function getTransmissionFile(viewer: Viewer | null, id: string): Promise<{ fileName: string; content: Uint8Array; mimeType: string }> {
  assertPermission(viewer, "transmission:manage");
  const t = await prisma.transmission.findUnique({ where: { id }, select: { fileName: true, content: true } });
  if (!t) throw new NotFoundError("transmission");
  return { fileName: t.fileName, content: t.content, mimeType: "text/csv; charset=utf-8" };
}
