import "server-only";
import { prisma } from "@/lib/db/client";
import { isoDate } from "@/lib/clock";
import { formatLongDate } from "@/lib/format";
import { assertPermission, type Viewer } from "@/lib/auth/viewer";
import { Prisma } from "@/lib/generated/prisma/client";
import { firstCallQuarters } from "@/lib/domain/first-call-quarters";
import { renderWelcomePack } from "@/lib/letters/welcome-pack";
import { runJob } from "@/lib/jobs/runner";
import { parseQuarter, quarterlyCallsJob } from "@/lib/jobs/quarterly-calls";
import { sendEmail } from "@/lib/mail/outbox";
import { serverTranslator } from "@/lib/i18n/translator";
import { activationLink, activationParagraph, unusablePasswordHash } from "@/lib/auth/activation";
import { type WelcomeOutcome } from "@/lib/dto/affiliation";
import { findFund } from "@/lib/dal/internal/reference-data";
import { NotFoundError, refused } from "@/lib/errors";
import { recipientOf } from "@/lib/letters/recipient";

/** The portal's public address for links printed in documents ('' when unknown: the paths alone are printed). */
function portalUrl(): string {
  return process.env.NEXTAUTH_URL ?? "";
}

/**
 * What follows the acceptance of an affiliation: the welcome pack (a WELCOME_PACK document in the
 * affiliate's language, listed in their documents), the provisional calls of every quarter from the start quarter
 * to today's (the quarterly-calls job restricted to this dossier) and a welcome e-mail. Run after the decision's
 * transaction; idempotent — run again (e.g. after a failure midway) it only completes what is missing: one pack
 * (uniqueKey welcome:<affiliateId>), one call per quarter (the job's own unique key; quarters already called are
 * not run again), one e-mail (uniqueKey welcome:<affiliateId>). When the person has an e-mail address that no
 * account uses yet, it also creates their portal login (one per dossier, unusable password) and the welcome e-mail
 * carries its activation link (lib/auth/activation.ts, 14 days).
 */
export async function welcomeNewAffiliate(viewer: Viewer | null, requestId: string, today: string): Promise<WelcomeOutcome> {
  assertPermission(viewer, "request:decide");
  const r = await prisma.request.findUnique({
    where: { id: requestId },
    select: { type: true, status: true, affiliateId: true, affiliation: { select: { startOn: true, periods: { orderBy: { fromOn: "asc" }, take: 1, select: { category: true } } } } },
  });
  if (!r || r.type !== "AFFILIATION") throw new NotFoundError("request");
  if (r.status !== "ACCEPTED" || !r.affiliateId || !r.affiliation) throw refused("affiliationNotAccepted");
  const [a, fund] = await Promise.all([
    prisma.affiliate.findUniqueOrThrow({ where: { id: r.affiliateId }, include: { person: true, advisor: { select: { name: true } } } }),
    findFund(prisma),
  ]);
  if (!fund) throw refused("fundMissing");
  const startOn = isoDate(r.affiliation.startOn);
  const key = `welcome:${a.id}`;

  // 1. the welcome pack
  let pack = await prisma.document.findUnique({ where: { uniqueKey: key }, select: { id: true } });
  if (!pack) {
    const pdf = await renderWelcomePack({
      locale: a.language,
      date: today,
      ...recipientOf({ person: a.person, company: null }),
      memberNumber: a.memberNumber,
      category: r.affiliation.periods[0]?.category ?? "MAIN",
      startOn,
      advisorName: a.advisor?.name ?? null,
      fund: { name: fund.name, iban: fund.iban, bic: fund.bic, address: fund.address, phone: fund.phone, email: fund.email },
      baseUrl: portalUrl(),
    });
    try {
      pack = await prisma.document.create({
        data: { affiliateId: a.id, requestId, kind: "WELCOME_PACK", fileName: `welcome-${a.memberNumber}.pdf`, mimeType: "application/pdf", sizeBytes: pdf.length, content: new Uint8Array(pdf), uniqueKey: key },
        select: { id: true },
      });
    } catch (error) {
      // a concurrent run wrote it first: keep theirs
      if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) throw error;
      pack = await prisma.document.findUniqueOrThrow({ where: { uniqueKey: key }, select: { id: true } });
    }
  }

  // 2. the first calls: the quarterly run restricted to this dossier, for each quarter not called yet
  const quarters = firstCallQuarters(startOn, today);
  let callsCreated = 0;
  for (const quarter of quarters) {
    const q = parseQuarter(quarter);
    const called = await prisma.contributionCall.count({ where: { affiliateId: a.id, kind: "PROVISIONAL", year: q.year, quarter: q.quarter } });
    if (called > 0) continue;
    const out = await runJob(quarterlyCallsJob, { quarter, affiliateId: a.id }, { prisma, today, startedById: viewer.userId });
    if (!out.ok) throw refused("firstCallsFailed");
    callsCreated += out.result.counts.created ?? 0;
  }

  // 3. the portal login: an AFFILIATE user for the person's e-mail, with an unusable password until activated
  //    (one per dossier and per e-mail: a dossier or an address that already has an account gets no new one)
  const email = a.person?.email?.trim().toLowerCase() || null;
  let login = await prisma.user.findUnique({ where: { affiliateId: a.id }, select: { id: true, email: true, passwordHash: true, disabledAt: true } });
  if (!login && email && a.person && !(await prisma.user.findUnique({ where: { email }, select: { id: true } }))) {
    try {
      login = await prisma.user.create({
        data: { role: "AFFILIATE", affiliateId: a.id, email, name: `${a.person.firstName} ${a.person.lastName}`, locale: a.language, passwordHash: await unusablePasswordHash() },
        select: { id: true, email: true, passwordHash: true, disabledAt: true },
      });
    } catch (error) {
      // a concurrent run (or another account) took the dossier or the address first
      if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) throw error;
      login = await prisma.user.findUnique({ where: { affiliateId: a.id }, select: { id: true, email: true, passwordHash: true, disabledAt: true } });
    }
  }

  // 4. the welcome e-mail, in the affiliate's language, with the activation link when the login is the recipient's
  let emailQueued = false;
  if (a.person?.email) {
    const t = serverTranslator(a.language, "bo_welcomeMail");
    const calls = await prisma.contributionCall.count({ where: { affiliateId: a.id, kind: "PROVISIONAL" } });
    const values = {
      fund: fund.name,
      memberNumber: a.memberNumber,
      name: `${a.person.firstName} ${a.person.lastName}`,
      startOn: formatLongDate(a.language, startOn),
      calls,
      advisor: a.advisor?.name ?? fund.name,
      phone: fund.phone,
      email: fund.email,
    };
    let text = t("text", values);
    if (login && !login.disabledAt && login.email === email) {
      // the activation paragraph goes before the signature (the text's last paragraph)
      const paragraph = await activationParagraph(a.language, activationLink(login, new Date()));
      const end = text.lastIndexOf("\n\n");
      text = end < 0 ? `${text}\n\n${paragraph}` : `${text.slice(0, end)}\n\n${paragraph}${text.slice(end)}`;
    }
    await sendEmail({ to: a.person.email, subject: t("subject", values), text, template: "affiliation.welcome", affiliateId: a.id, uniqueKey: key });
    emailQueued = true;
  }
  return { affiliateId: a.id, welcomePackId: pack.id, quarters, callsCreated, emailQueued, userId: login?.id ?? null };
}
