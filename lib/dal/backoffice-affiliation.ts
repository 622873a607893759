import "server-only";
import crypto from "node:crypto";
import { createTranslator } from "next-intl";
import { prisma } from "@/lib/db/client";
import { dbDate, isoDate } from "@/lib/clock";
import { assertPermission, NotFoundError, type Viewer } from "@/lib/auth/viewer";
import { Prisma } from "@/lib/generated/prisma/client";
import { charterDeadlines, parseNiss } from "@/lib/domain";
import { BackofficeError } from "@/lib/backoffice/errors";
import { firstCallQuarters } from "@/lib/backoffice/affiliation";
import type { AffiliationInput } from "@/lib/schemas/backoffice-affiliation";
import { renderWelcomePack } from "@/lib/formats/pdf/welcome-pack";
import { runJob } from "@/lib/jobs/runner";
import { parseQuarter, quarterlyCallsJob } from "@/lib/jobs/quarterly-calls";
import { sendEmail } from "@/lib/mail/outbox";
import { loadMessages } from "@/lib/i18n/messages";
import { activationLink, activationParagraph, unusablePasswordHash } from "@/lib/auth/activation";

// Affiliation: a public request (no login) filed as Request type AFFILIATION, then processed by an advisor into
// Person / Affiliate / Affiliation / CategoryPeriod when the request is accepted.

/**
 * Files a public affiliation request. Anonymous by nature (`viewer` is ignored, nothing is read back but the
 * reference); the same national number with an open request gets the same reference (no duplicates).
 */
export async function fileAffiliationRequest(_viewer: Viewer | null, input: AffiliationInput, today: string): Promise<{ reference: string }> {
  const open = await prisma.request.findFirst({
    where: { type: "AFFILIATION", status: { in: ["SUBMITTED", "IN_REVIEW", "INFORMATION_REQUESTED", "AWAITING_SECOND_APPROVAL"] }, payload: { path: ["niss"], equals: input.niss } },
    select: { reference: true },
  });
  if (open) return open;
  const d = charterDeadlines({ filedOn: today });
  const reference = `A-${today.slice(0, 4)}-${crypto.randomBytes(4).toString("hex").toUpperCase()}`;
  const { consent: _consent, ...payload } = input;
  await prisma.request.create({
    data: {
      reference,
      type: "AFFILIATION",
      status: "SUBMITTED",
      payload,
      filedOn: dbDate(today),
      informationDueOn: dbDate(d.informationDueOn),
      decisionDueOn: dbDate(d.decisionDueOn),
      events: { create: [{ toStatus: "SUBMITTED", reason: "affiliation.public" }] },
    },
  });
  return { reference };
}

type Tx = Prisma.TransactionClient;

/**
 * Turns an accepted affiliation request into the dossier: person, affiliate (with the next member number),
 * affiliation from the start date and its first category period, helping-spouse and director links. A national
 * number already affiliated (an active affiliation) is refused.
 */
export async function createAffiliateFromRequest(tx: Tx, r: { id: string; payload: unknown }, advisorId: string): Promise<string> {
  const p = r.payload as AffiliationInput;
  const existing = await tx.person.findUnique({ where: { niss: p.niss }, include: { affiliate: { include: { affiliations: { where: { status: "ACTIVE" } } } } } });
  if (existing?.affiliate && existing.affiliate.affiliations.length > 0) throw new BackofficeError("alreadyAffiliated");
  const parsed = parseNiss(p.niss);
  const person =
    existing ??
    (await tx.person.create({
      data: {
        niss: p.niss,
        firstName: p.firstName,
        lastName: p.lastName,
        birthDate: dbDate(parsed?.birthDate ?? "1900-01-01"),
        sex: parsed?.sex ?? "F",
        email: p.email || null,
        phone: p.phone || null,
        street: p.street,
        postalCode: p.postalCode,
        city: p.city,
      },
    }));
  let affiliateId = existing?.affiliate?.id;
  if (!affiliateId) {
    const [{ next }] = await tx.$queryRaw<{ next: bigint }[]>`
      SELECT COALESCE(MAX("memberNumber"::bigint), 100000) + 1 AS next FROM "Affiliate" WHERE "memberNumber" ~ '^[0-9]{1,15}$'`;
    const a = await tx.affiliate.create({
      data: { memberNumber: String(next), kind: "PERSON", personId: person.id, language: p.language, refundIban: p.iban || null, advisorId },
    });
    affiliateId = a.id;
  }
  await tx.affiliation.create({
    data: {
      affiliateId,
      startOn: dbDate(p.startOn),
      status: "ACTIVE",
      requestId: r.id,
      periods: { create: { category: p.category, fromOn: dbDate(p.startOn) } },
    },
  });
  if (p.category === "HELPING_SPOUSE" && p.helpedNiss) {
    const helped = await tx.person.findUnique({ where: { niss: p.helpedNiss }, select: { id: true } });
    if (helped) await tx.helpingSpouseLink.create({ data: { spouseId: person.id, selfEmployedId: helped.id, fromOn: dbDate(p.startOn) } });
  }
  if (p.enterpriseNumber) {
    const company = await tx.company.findUnique({ where: { enterpriseNumber: p.enterpriseNumber }, select: { id: true } });
    if (company) await tx.companyDirector.create({ data: { companyId: company.id, personId: person.id, fromOn: dbDate(p.startOn) } });
  }
  return affiliateId;
}

/** Days from the affiliation request to the affiliation (the accepting event), for the request view and KPIs. */
export async function affiliationLeadTime(requestId: string): Promise<number | null> {
  const events = await prisma.requestEvent.findMany({ where: { requestId, toStatus: { in: ["SUBMITTED", "ACCEPTED"] } }, orderBy: { at: "asc" }, select: { toStatus: true, at: true } });
  const from = events.find((e) => e.toStatus === "SUBMITTED");
  const to = events.find((e) => e.toStatus === "ACCEPTED");
  if (!from || !to) return null;
  return Math.round((Date.parse(isoDate(to.at)) - Date.parse(isoDate(from.at))) / 86_400_000);
}

// ───────────────────────────── welcome pack, first calls, welcome e-mail ─────────────────────────────

export type WelcomeOutcome = {
  affiliateId: string;
  welcomePackId: string;
  /** the quarters from the start quarter to today's, and the provisional calls the dossier has for them */
  quarters: string[];
  callsCreated: number;
  emailQueued: boolean;
  /** the affiliate's portal login (created here when the person has an e-mail no other account uses), or null */
  userId: string | null;
};

/** The portal's public address for links printed in documents ('' when unknown: the paths alone are printed). */
function portalUrl(): string {
  return process.env.NEXTAUTH_URL ?? "";
}

/**
 * What follows the acceptance of an affiliation (issue 6 §5): the welcome pack (a WELCOME_PACK document in the
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
  if (r.status !== "ACCEPTED" || !r.affiliateId || !r.affiliation) throw new BackofficeError("affiliationNotAccepted");
  const [a, fund] = await Promise.all([
    prisma.affiliate.findUniqueOrThrow({ where: { id: r.affiliateId }, include: { person: true, advisor: { select: { name: true } } } }),
    prisma.fund.findUnique({ where: { id: 1 } }),
  ]);
  if (!fund) throw new BackofficeError("fundMissing");
  const startOn = isoDate(r.affiliation.startOn);
  const key = `welcome:${a.id}`;

  // 1. the welcome pack
  let pack = await prisma.document.findUnique({ where: { uniqueKey: key }, select: { id: true } });
  if (!pack) {
    const pdf = await renderWelcomePack({
      locale: a.language,
      date: today,
      addressee: a.person ? `${a.person.firstName} ${a.person.lastName}` : "",
      address: a.person ? [a.person.street, `${a.person.postalCode} ${a.person.city}`] : [],
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
    if (!out.ok) throw new BackofficeError("firstCallsFailed");
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
    const messages = await loadMessages(a.language);
    const t = createTranslator({ locale: a.language, messages, namespace: "bo_welcomeMail" }) as unknown as (k: string, v?: Record<string, string | number>) => string;
    const calls = await prisma.contributionCall.count({ where: { affiliateId: a.id, kind: "PROVISIONAL" } });
    const values = {
      fund: fund.name,
      memberNumber: a.memberNumber,
      name: `${a.person.firstName} ${a.person.lastName}`,
      startOn,
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

/** What the request page shows of an accepted affiliation's follow-up (null for anything else). */
export async function welcomeStatus(viewer: Viewer | null, requestId: string): Promise<{ pack: boolean; quarters: number; email: boolean | null } | null> {
  assertPermission(viewer, "dossier:read:any");
  const r = await prisma.request.findUnique({ where: { id: requestId }, select: { type: true, status: true, affiliateId: true, affiliate: { select: { person: { select: { email: true } } } } } });
  if (!r || r.type !== "AFFILIATION" || r.status !== "ACCEPTED" || !r.affiliateId) return null;
  const key = `welcome:${r.affiliateId}`;
  const [pack, quarters, email] = await Promise.all([
    prisma.document.count({ where: { uniqueKey: key } }),
    prisma.contributionCall.count({ where: { affiliateId: r.affiliateId, kind: "PROVISIONAL" } }),
    prisma.outboundEmail.count({ where: { uniqueKey: key } }),
  ]);
  return { pack: pack > 0, quarters, email: r.affiliate?.person?.email ? email > 0 : null };
}

/**
 * Whether the new affiliate of an accepted affiliation can reach the portal: "yes" (a login that is not disabled),
 * "noEmail" (no address in the dossier: no login could be created) or "noLogin" (an address, but no login for the
 * dossier, e.g. the address belongs to another account). null for anything but an accepted affiliation.
 */
export async function portalAccessStatus(viewer: Viewer | null, requestId: string): Promise<"yes" | "noEmail" | "noLogin" | null> {
  assertPermission(viewer, "dossier:read:any");
  const r = await prisma.request.findUnique({
    where: { id: requestId },
    select: { type: true, status: true, affiliate: { select: { person: { select: { email: true } }, login: { select: { disabledAt: true } } } } },
  });
  if (!r || r.type !== "AFFILIATION" || r.status !== "ACCEPTED" || !r.affiliate) return null;
  if (r.affiliate.login && !r.affiliate.login.disabledAt) return "yes";
  return r.affiliate.person?.email ? "noLogin" : "noEmail";
}
