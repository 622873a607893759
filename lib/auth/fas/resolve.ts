import "server-only";
import { prisma } from "@/lib/db/client";
import { dbDate } from "@/lib/clock";
import { Prisma, type Locale } from "@/lib/generated/prisma/client";
import { unusablePasswordHash } from "../activation";

// Who a national register number is at the fund, once the issuer vouched for it (lib/auth/fas/provider.ts).
//
// A person reaches the dossiers they answer for: their own (an affiliate), and those of the companies they direct
// today (CompanyDirector rows whose mandate covers today, for companies affiliated here). The session is one dossier's
// login (Viewer has one affiliateId): their own first, else the first company by name; the others are offered on
// their page and opened by signing in again with that choice (lib/auth/fas/choice.ts) — checked here again, so a
// choice names a preference, never a right.
//
// A dossier without a login gets one on its first eID sign-in: role AFFILIATE, no usable password (a hash of random
// bytes, as for a login waiting for its activation), no activation e-mail. Its e-mail is the person's own address when
// no account uses it yet (the fund's password fallback then works through "forgot password"), else an address under
// the reserved .invalid domain that can never receive mail (RFC 2606).

export type FasLogin = { id: string; role: "AFFILIATE"; affiliateId: string; name: string; email: string; locale: Locale };

export type FasDossier = { affiliateId: string; kind: "PERSON" | "COMPANY"; name: string };

export type FasResolution =
  | { outcome: "dossier"; login: FasLogin; personId: string; dossiers: FasDossier[] }
  /** no person with this number, or a person with no dossier here (not affiliated, directs no affiliated company) */
  | { outcome: "unknown" }
  /** the dossier's login is disabled: no way in, whatever the method */
  | { outcome: "disabled" };

/** The placeholder address of a login made by an eID sign-in when the person has no usable one: never deliverable. */
export function placeholderEmail(memberNumber: string): string {
  return `eid-${memberNumber.toLowerCase().replace(/[^a-z0-9]/g, "")}@no-mail.invalid`;
}

export function isPlaceholderEmail(email: string): boolean {
  return email.endsWith(".invalid");
}

type Reachable = FasDossier & { memberNumber: string; language: Locale; email: string | null };

/** The dossiers a person answers for today: their own, then the companies they direct (by name). */
async function reachableDossiers(nrn: string, today: string): Promise<{ personId: string; dossiers: Reachable[] } | null> {
  const day = dbDate(today);
  const person = await prisma.person.findUnique({
    where: { niss: nrn },
    select: {
      id: true,
      firstName: true,
      lastName: true,
      email: true,
      affiliate: { select: { id: true, memberNumber: true, language: true } },
      directorships: {
        where: { fromOn: { lte: day }, OR: [{ toOn: null }, { toOn: { gte: day } }] },
        select: { company: { select: { name: true, affiliate: { select: { id: true, memberNumber: true, language: true } } } } },
      },
    },
  });
  if (!person) return null;
  const dossiers: Reachable[] = [];
  if (person.affiliate) {
    const a = person.affiliate;
    dossiers.push({ affiliateId: a.id, kind: "PERSON", name: `${person.firstName} ${person.lastName}`, memberNumber: a.memberNumber, language: a.language, email: person.email });
  }
  const companies = person.directorships
    .map((d) => d.company)
    .filter((c) => c.affiliate !== null)
    .sort((x, y) => x.name.localeCompare(y.name, "fr"));
  for (const c of companies) {
    if (dossiers.some((d) => d.affiliateId === c.affiliate!.id)) continue; // two mandates in one company
    dossiers.push({ affiliateId: c.affiliate!.id, kind: "COMPANY", name: c.name, memberNumber: c.affiliate!.memberNumber, language: c.affiliate!.language, email: null });
  }
  return { personId: person.id, dossiers };
}

const unique = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

const LOGIN = { id: true, role: true, affiliateId: true, name: true, email: true, locale: true, disabledAt: true } as const;

/** The dossier's login, made on first use (see above); two first sign-ins at once make one. */
async function loginOf(d: Reachable) {
  const existing = await prisma.user.findUnique({ where: { affiliateId: d.affiliateId }, select: LOGIN });
  if (existing) return existing;
  const passwordHash = await unusablePasswordHash();
  const own = d.email?.trim().toLowerCase() || null;
  const candidates = own && !(await prisma.user.findUnique({ where: { email: own }, select: { id: true } })) ? [own, placeholderEmail(d.memberNumber)] : [placeholderEmail(d.memberNumber)];
  for (const email of candidates) {
    try {
      return await prisma.user.create({ data: { role: "AFFILIATE", affiliateId: d.affiliateId, email, name: d.name, locale: d.language, passwordHash }, select: LOGIN });
    } catch (error) {
      if (!unique(error)) throw error;
      // a concurrent sign-in made the dossier's login first, or another account took the address meanwhile
      const made = await prisma.user.findUnique({ where: { affiliateId: d.affiliateId }, select: LOGIN });
      if (made) return made;
    }
  }
  throw new Error("no address left for the eID login of a dossier");
}

/**
 * The login an eID sign-in opens for this national register number today: the preferred dossier when the person
 * answers for it, else their own, else their first company.
 */
export async function resolveFasPerson(nrn: string, today: string, preferredAffiliateId?: string | null): Promise<FasResolution> {
  const found = await reachableDossiers(nrn, today);
  if (!found || found.dossiers.length === 0) return { outcome: "unknown" };
  const chosen = found.dossiers.find((d) => d.affiliateId === preferredAffiliateId) ?? found.dossiers[0];
  const user = await loginOf(chosen);
  if (user.disabledAt || user.role !== "AFFILIATE" || user.affiliateId !== chosen.affiliateId) return { outcome: "disabled" };
  return {
    outcome: "dossier",
    login: { id: user.id, role: "AFFILIATE", affiliateId: chosen.affiliateId, name: user.name, email: user.email, locale: user.locale },
    personId: found.personId,
    dossiers: found.dossiers.map(({ affiliateId, kind, name }) => ({ affiliateId, kind, name })),
  };
}
