import "server-only";
import { prisma } from "@/lib/db/client";
import { isoDate } from "@/lib/clock";
import { assertPermission, type Viewer } from "@/lib/auth/viewer";
import { NotFoundError } from "@/lib/errors";
import { staffReadsOf } from "@/lib/dal/internal/access-log";
import { mergeTimeline } from "@/lib/dal/internal/timeline";
import { type DossierDetails } from "@/lib/dto/dossiers";

/** Links, requests, benefit claims, recovery, documents, messages, notes, the access log and one timeline. */
export async function getDossierDetails(viewer: Viewer | null, affiliateId: string): Promise<DossierDetails> {
  assertPermission(viewer, "dossier:read:any");
  const a = await prisma.affiliate.findUnique({ where: { id: affiliateId }, select: { id: true, personId: true, companyId: true, advisorId: true } });
  if (!a) throw new NotFoundError("dossier");
  const personName = (p: { firstName: string; lastName: string; affiliate: { id: string } | null }) => ({ name: `${p.firstName} ${p.lastName}`, affiliateId: p.affiliate?.id ?? null });
  const pSel = { select: { firstName: true, lastName: true, affiliate: { select: { id: true } } } } as const;
  const [spouseOf, helpedBy, directorOf, directors, requests, claims, recovery, documents, threads, notes, log, ledger, steps, contacts] = await Promise.all([
    a.personId ? prisma.helpingSpouseLink.findMany({ where: { spouseId: a.personId }, include: { selfEmployed: pSel } }) : [],
    a.personId ? prisma.helpingSpouseLink.findMany({ where: { selfEmployedId: a.personId }, include: { spouse: pSel } }) : [],
    a.personId ? prisma.companyDirector.findMany({ where: { personId: a.personId }, include: { company: { select: { name: true, affiliate: { select: { id: true } } } } } }) : [],
    a.companyId ? prisma.companyDirector.findMany({ where: { companyId: a.companyId }, include: { person: pSel } }) : [],
    prisma.request.findMany({ where: { affiliateId }, orderBy: { filedOn: "desc" }, select: { id: true, reference: true, type: true, status: true, filedOn: true, decidedAt: true } }),
    prisma.benefitClaim.findMany({ where: { affiliateId }, orderBy: { createdAt: "desc" } }),
    prisma.recoveryCase.findMany({ where: { affiliateId }, orderBy: { openedOn: "desc" } }),
    prisma.document.findMany({ where: { affiliateId }, orderBy: { createdAt: "desc" }, select: { id: true, kind: true, fileName: true, requestId: true, createdAt: true } }),
    prisma.messageThread.findMany({ where: { affiliateId }, orderBy: { createdAt: "desc" } }),
    prisma.dossierNote.findMany({ where: { affiliateId }, orderBy: { createdAt: "desc" } }),
    staffReadsOf(affiliateId, 50),
    prisma.ledgerEntry.findMany({ where: { affiliateId }, orderBy: { id: "desc" }, take: 50, select: { id: true, kind: true, bookedOn: true } }),
    prisma.recoveryStep.findMany({ where: { case: { affiliateId } }, orderBy: { on: "desc" }, select: { id: true, kind: true, on: true, caseId: true } }),
    // contacts outside the portal (phone, letter, office visit, e-mail) recorded by staff
    prisma.dossierContact.findMany({ where: { affiliateId }, orderBy: { occurredOn: "desc" }, take: 100, select: { channel: true, occurredOn: true, summary: true, authorId: true } }),
  ]);
  const authors = new Map(
    (await prisma.user.findMany({ where: { id: { in: [...new Set([...notes, ...contacts].map((n) => n.authorId))] } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]),
  );
  const links: DossierDetails["links"] = [
    ...spouseOf.map((l) => ({ kind: "helpingSpouse" as const, ...personName(l.selfEmployed) })),
    ...helpedBy.map((l) => ({ kind: "helpedBy" as const, ...personName(l.spouse) })),
    ...directorOf.map((d) => ({ kind: "directorOf" as const, name: d.company.name, affiliateId: d.company.affiliate?.id ?? null })),
    ...directors.map((d) => ({ kind: "director" as const, ...personName(d.person) })),
  ];
  const timeline = mergeTimeline(
    // dated when it happened (decided, else filed), not when the row was last written (a seed, a migration)
    requests.map((r) => ({ at: r.decidedAt ? r.decidedAt.toISOString() : isoDate(r.filedOn), kind: "request" as const, params: { reference: r.reference, status: r.status }, href: `/staff/requests/${r.id}` })),
    notes.map((n) => ({ at: n.createdAt.toISOString(), kind: "note" as const, params: { author: authors.get(n.authorId) ?? "" } })),
    documents.map((d) => ({ at: d.createdAt.toISOString(), kind: "document" as const, params: { name: d.fileName } })),
    threads.map((t) => ({ at: t.createdAt.toISOString(), kind: "message" as const, params: { subject: t.subject } })),
    steps.map((s) => ({ at: isoDate(s.on), kind: "recovery" as const, params: { step: s.kind }, href: `/staff/recovery/${s.caseId}` })),
    claims.map((c) => ({ at: c.filedOn ? isoDate(c.filedOn) : c.createdAt.toISOString(), kind: "claim" as const, params: { type: c.type } })),
    ledger.map((e) => ({ at: isoDate(e.bookedOn), kind: "ledger" as const, params: { kind: e.kind } })),
    contacts.map((c) => ({ at: isoDate(c.occurredOn), kind: "contact" as const, params: { channel: c.channel, author: authors.get(c.authorId) ?? "", summary: c.summary.slice(0, 120) } })),
  );
  return {
    links,
    requests: requests.map((r) => ({ id: r.id, reference: r.reference, type: r.type, status: r.status, filedOn: isoDate(r.filedOn) })),
    claims: claims.map((c) => ({ id: c.id, type: c.type, status: c.status, filedOn: c.filedOn ? isoDate(c.filedOn) : null, paymentDueOn: c.paymentDueOn ? isoDate(c.paymentDueOn) : null })),
    recovery: recovery.map((c) => ({ id: c.id, status: c.status, currentStep: c.currentStep, debtCents: c.debtCents })),
    documents: documents.map((d) => ({ id: d.id, kind: d.kind, fileName: d.fileName, requestId: d.requestId, createdAt: d.createdAt.toISOString() })),
    threads: threads.map((t) => ({ id: t.id, requestId: t.requestId, subject: t.subject, status: t.status, answerDueOn: isoDate(t.answerDueOn), createdAt: t.createdAt.toISOString() })),
    notes: notes.map((n) => ({ id: n.id, authorName: authors.get(n.authorId) ?? "", body: n.body, createdAt: n.createdAt.toISOString() })),
    accessLog: log,
    timeline,
    advisorId: a.advisorId,
  };
}
