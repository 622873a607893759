// The demo fund: ~2,000 affiliates with three years of history computed by the domain core (lib/domain).
// Deterministic (fixed PRNG seed, fixed reference date) and idempotent (a seeded database is left as is).
// Demo logins exist ONLY here; a production database is never seeded with this script.
//
//   tsx prisma/seed.ts           (DATABASE_URL must be set — `tsx scripts/with-db.ts -- tsx prisma/seed.ts`)
//   SEED_AFFILIATES=300 tsx …    (smaller fund, used by the e2e suite)
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient, type Prisma } from "@/lib/generated/prisma/client";
import type { Category as DbCategory, RequestStatus, RequestType, RecoveryStepKind } from "@/lib/generated/prisma/enums";
import {
  PARAMETER_SETS,
  addDays,
  addMonths,
  allocatePayment,
  belgianCreditorIdentifier,
  buildInstalmentSchedule,
  calculateRegularisation,
  calculateSurcharges,
  charterDeadlines,
  companyContribution,
  companyContributionDueDate,
  listParameterFigures,
  provisionalIncomeBase,
  quarterDueDate,
  quarterStart,
  quarterlyContribution,
  regularisationDueDate,
  type OpenItem,
  type QuarterNumber,
} from "@/lib/domain";
import { hashPassword } from "@/lib/auth/password";
import { encryptSecret } from "@/lib/auth/secret-box";
import { DEMO_TOTP_SECRETS } from "./demo-second-factor";
import { seedAccountants } from "./seed-accountants";
import { seedGuides } from "./seed-guides";
import { runJob } from "@/lib/jobs/runner";
import { surchargesJob } from "@/lib/jobs/surcharges";
import { refreshKpiFacts } from "@/lib/kpi/refresh";
import { bulkInsert, createUser, dbDate, makeCommunication, makeEnterpriseNumber, makeIban, makeNiss, rng } from "./factories";
import { toDomainCategory } from "@/lib/db/enums";
import { setOffRefund } from "@/lib/domain/set-off-refund";
import { demoFundContact, seedBulletins } from "./seed-information";

export const DEMO_PASSWORD = "demo-caisse-2026";
/** The date the demo history runs up to (calls up to Q4 of that year). */
export const SEED_TODAY = process.env.SEED_TODAY ?? "2026-11-28";
const FEE_BP = 305;
const YEARS = [2024, 2025, 2026];

const FIRST_F = ["Julie", "Sophie", "Marie", "Emma", "Laura", "Sarah", "Lotte", "Anke", "Els", "Nathalie", "Chloé", "Inès", "Fatima", "Hanne", "Lien", "Camille"];
const FIRST_M = ["Thomas", "Nicolas", "Pieter", "Jan", "Lucas", "Maxime", "Wout", "Bram", "Olivier", "Karim", "Koen", "Mathieu", "Arnaud", "Jonas", "Youssef", "Antoine"];
const LAST = ["Peeters", "Janssens", "Maes", "Jacobs", "Mertens", "Willems", "Claes", "Goossens", "Wouters", "De Smet", "Dubois", "Lambert", "Dupont", "Martin", "Leroy", "Lejeune", "Renard", "Simon", "Laurent", "Michel", "Hermans", "Van Damme", "Desmet", "Lemaire", "Fontaine", "Collin", "Denis", "Mathieu", "Vandenberghe", "El Amrani"];
const CITIES: [string, string, "fr" | "nl"][] = [["1000", "Bruxelles", "fr"], ["4000", "Liège", "fr"], ["5000", "Namur", "fr"], ["6000", "Charleroi", "fr"], ["7000", "Mons", "fr"], ["1300", "Wavre", "fr"], ["2000", "Antwerpen", "nl"], ["9000", "Gent", "nl"], ["3000", "Leuven", "nl"], ["8000", "Brugge", "nl"], ["3500", "Hasselt", "nl"], ["2800", "Mechelen", "nl"]];
const BANKS = ["001", "063", "068", "310", "363", "731", "735", "751", "973", "001"];
const LEGAL_FORMS = ["SRL", "SA", "SC", "BV", "NV"];

type Profile = "good" | "late" | "debtor" | "plan";

type PersonSpec = {
  index: number;
  memberNumber: string;
  niss: string;
  firstName: string;
  lastName: string;
  birthDate: string;
  sex: "M" | "F";
  category: DbCategory;
  startOn: string;
  primoStarterUntil: string | null;
  language: "fr" | "nl";
  postalCode: string;
  city: string;
  iban: string;
  profile: Profile;
  incomes: Record<number, number>; // year → income cents
  advisorIndex: number;
  email: string | null;
};

function quartersBetween(startOn: string, lastYear: number) {
  const out: { year: number; quarter: QuarterNumber }[] = [];
  for (const year of YEARS) {
    if (year > lastYear) break;
    for (const quarter of [1, 2, 3, 4] as QuarterNumber[]) {
      if (quarterDueDate({ year, quarter }) < startOn) continue;
      out.push({ year, quarter });
    }
  }
  return out;
}

function incomeFor(r: ReturnType<typeof rng>, category: DbCategory): number {
  const euros = {
    MAIN: r.int(12_000, 95_000),
    COMPLEMENTARY: r.chance(0.3) ? r.int(0, 1_900) : r.int(2_000, 25_000),
    HELPING_SPOUSE: r.int(6_000, 32_000),
    STUDENT: r.chance(0.5) ? r.int(0, 8_000) : r.int(8_000, 18_000),
    ACTIVE_PENSIONER: r.chance(0.4) ? r.int(0, 8_000) : r.int(8_000, 45_000),
    ART37: r.int(3_000, 20_000),
  }[category];
  return euros * 100 + r.int(0, 99);
}

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set");
  if (process.env.NODE_ENV === "production" && process.env.CAISSE_ALLOW_DEMO_SEED !== "1")
    throw new Error("Refusing to seed demo accounts into a production database (set CAISSE_ALLOW_DEMO_SEED=1 for a demo server).");
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  try {
    if (await prisma.fund.findUnique({ where: { id: 1 } })) {
      console.log("seed: database already seeded, nothing to do");
      return;
    }
    // no Fund row: never seeded, or an earlier seed was interrupted — start from empty tables
    await truncateAll(prisma);
    const started = Date.now();
    await seed(prisma);
    console.log(`seed: demo fund ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await prisma.$disconnect();
  }
}

async function truncateAll(prisma: PrismaClient) {
  const tables = await prisma.$queryRaw<{ name: string }[]>`
    SELECT tablename::text AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`;
  if (tables.length > 0) await prisma.$executeRawUnsafe(`TRUNCATE ${tables.map((t) => `"${t.name}"`).join(", ")} RESTART IDENTITY CASCADE`);
}

const lap = (() => {
  let last = Date.now();
  return (what: string) => {
    if (process.env.SEED_VERBOSE) console.log(`seed: ${what} ${Date.now() - last} ms`);
    last = Date.now();
  };
})();

async function seed(prisma: PrismaClient) {
  const r = rng(20260101);
  const total = Number(process.env.SEED_AFFILIATES ?? 2000);
  const companyCount = Math.max(10, Math.round(total * 0.05));
  const personCount = total - companyCount;
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  // ── reference data ──
  await prisma.legalParameter.createMany({
    data: Object.values(PARAMETER_SETS).flatMap((set) =>
      listParameterFigures(set).map((row) => ({
        year: row.year,
        key: row.key,
        unit: row.unit,
        value: row.valueCents ?? row.valueBp ?? row.valueCount ?? row.numerator ?? null,
        denominator: row.denominator ?? null,
        source: row.source,
        status: row.status,
        note: row.note ?? null,
      })),
    ),
  });

  lap("before // ── staff ──");
  // ── staff ──
  const staff = {
    advisor: await createUser(prisma, { email: "advisor@demo.caisse.be", passwordHash, role: "ADVISOR", name: "Sophie Lambert" }),
    advisor2: await createUser(prisma, { email: "advisor2@demo.caisse.be", passwordHash, role: "ADVISOR", name: "Pieter Claes", locale: "nl" }),
    advisor3: await createUser(prisma, { email: "advisor3@demo.caisse.be", passwordHash, role: "ADVISOR", name: "Nadia Benali" }),
    manager: await createUser(prisma, { email: "manager@demo.caisse.be", passwordHash, role: "MANAGER", name: "Anne Peeters" }),
    admin: await createUser(prisma, { email: "admin@demo.caisse.be", passwordHash, role: "ADMIN", name: "Marc Admin" }),
  };
  const advisors = [staff.advisor, staff.advisor2, staff.advisor3];
  // the demo staff have their second factor enrolled (prisma/demo-second-factor.ts; README, "Demo logins")
  for (const u of Object.values(staff)) {
    const secret = DEMO_TOTP_SECRETS[u.email];
    if (secret) await prisma.user.update({ where: { id: u.id }, data: { totpSecret: encryptSecret(secret), totpEnabledAt: new Date() } });
  }

  lap("before // ── people ──");
  // ── people ──
  const people: PersonSpec[] = [];
  const usedNiss = new Set<string>();
  for (let i = 0; i < personCount; i++) {
    const sex = r.chance(0.45) ? "F" : "M";
    const roll = r.next();
    const category: DbCategory =
      roll < 0.55 ? "MAIN" : roll < 0.78 ? "COMPLEMENTARY" : roll < 0.83 ? "HELPING_SPOUSE" : roll < 0.87 ? "STUDENT" : roll < 0.96 ? "ACTIVE_PENSIONER" : "ART37";
    const birthYear = category === "STUDENT" ? r.int(2000, 2006) : category === "ACTIVE_PENSIONER" ? r.int(1945, 1960) : r.int(1962, 2000);
    const birthDate = `${birthYear}-${String(r.int(1, 12)).padStart(2, "0")}-${String(r.int(1, 28)).padStart(2, "0")}`;
    let niss = makeNiss(birthDate, r.int(1, 997), sex);
    while (usedNiss.has(niss)) niss = makeNiss(birthDate, r.int(1, 997), sex);
    usedNiss.add(niss);
    const starter = category === "MAIN" && r.chance(0.12);
    const startOn = starter
      ? `${r.pick([2025, 2026])}-${String(r.pick([1, 4, 7])).padStart(2, "0")}-01`
      : `${r.int(2005, 2022)}-${String(r.int(1, 12)).padStart(2, "0")}-01`;
    const [postalCode, city, language] = r.pick(CITIES);
    const incomes: Record<number, number> = {};
    for (let y = 2021; y <= 2025; y++) incomes[y] = incomeFor(r, category);
    const p = r.next();
    const profile: Profile = p < 0.74 ? "good" : p < 0.87 ? "late" : p < 0.95 ? "debtor" : "plan";
    people.push({
      index: i,
      memberNumber: String(100001 + i),
      niss,
      firstName: r.pick(sex === "F" ? FIRST_F : FIRST_M),
      lastName: r.pick(LAST),
      birthDate,
      sex,
      category,
      startOn,
      primoStarterUntil: starter ? addDays(addMonths(startOn, 12), -1) : null,
      language,
      postalCode,
      city,
      iban: makeIban(r.pick(BANKS), 1_000_000 + i * 7),
      profile,
      incomes,
      advisorIndex: i % advisors.length,
      email: `affilie${i}@example.be`,
    });
  }

  // The demo logins' dossiers: a main-occupation self-employed with open dues, her helping spouse.
  const demo = people[0];
  Object.assign(demo, { firstName: "Julie", lastName: "Dubois", sex: "F", category: "MAIN", startOn: "2015-04-01", primoStarterUntil: null, profile: "late", language: "fr", email: "affiliate@demo.caisse.be", advisorIndex: 0, postalCode: "5000", city: "Namur" });
  demo.niss = makeNiss("1985-07-30", 33, "F");
  demo.birthDate = "1985-07-30";
  for (let y = 2021; y <= 2025; y++) demo.incomes[y] = 4_180_000 + y * 100;
  const spouse = people[1];
  Object.assign(spouse, { firstName: "Marc", lastName: "Dubois", sex: "M", category: "HELPING_SPOUSE", startOn: "2018-01-01", primoStarterUntil: null, profile: "good", language: "fr", email: "spouse@demo.caisse.be", advisorIndex: 0, postalCode: "5000", city: "Namur" });
  spouse.birthDate = "1983-02-14";
  spouse.niss = makeNiss("1983-02-14", 101, "M");
  for (let y = 2021; y <= 2025; y++) spouse.incomes[y] = 1_950_000;

  await bulkInsert(prisma, "Person",
    people.map((p) => ({
      id: `person-${p.memberNumber}`,
      updatedAt: new Date(),
      niss: p.niss,
      firstName: p.firstName,
      lastName: p.lastName,
      birthDate: dbDate(p.birthDate),
      sex: p.sex,
      email: p.email,
      phone: `+32 4${String(70_000_000 + p.index * 13).slice(0, 8)}`,
      street: `${r.pick(["Rue", "Avenue", "Straat", "Laan"])} ${r.pick(LAST)} ${r.int(1, 200)}`,
      postalCode: p.postalCode,
      city: p.city,
    })),
  );
  const personIds = new Map(people.map((p) => [p.niss, `person-${p.memberNumber}`]));
  await bulkInsert(prisma, "Affiliate",
    people.map((p) => ({
      id: `affiliate-${p.memberNumber}`,
      memberNumber: p.memberNumber,
      kind: "PERSON" as const,
      personId: personIds.get(p.niss)!,
      language: p.language,
      refundIban: p.iban,
      advisorId: advisors[p.advisorIndex].id,
    })),
  );
  const affiliateIds = new Map(people.map((p) => [p.memberNumber, `affiliate-${p.memberNumber}`]));
  await bulkInsert(prisma, "Affiliation",
    people.map((p) => ({ id: `aff-${p.memberNumber}`, affiliateId: affiliateIds.get(p.memberNumber)!, startOn: dbDate(p.startOn), status: "ACTIVE" as const })),
  );
  await bulkInsert(prisma, "CategoryPeriod",
    people.map((p) => ({
      id: `period-${p.memberNumber}`,
      affiliationId: `aff-${p.memberNumber}`,
      category: p.category,
      fromOn: dbDate(p.startOn),
      primoStarterUntil: p.primoStarterUntil ? dbDate(p.primoStarterUntil) : null,
    })),
  );
  await bulkInsert(prisma, "IncomeRecord",
    people.flatMap((p) =>
      Object.entries(p.incomes).map(([year, cents]) => ({ id: `income-${p.memberNumber}-${year}`, personId: personIds.get(p.niss)!, year: Number(year), incomeCents: BigInt(cents), source: "tax-authority" })),
    ),
  );
  // helping spouse ↔ self-employed: the demo couple, then every other helping spouse with a main-occupation person
  const mains = people.filter((p) => p.category === "MAIN" && p.index > 1);
  await prisma.helpingSpouseLink.createMany({
    data: [
      { spouseId: personIds.get(spouse.niss)!, selfEmployedId: personIds.get(demo.niss)!, fromOn: dbDate(spouse.startOn) },
      ...people
        .filter((p) => p.category === "HELPING_SPOUSE" && p.index > 1)
        .map((p, i) => ({ spouseId: personIds.get(p.niss)!, selfEmployedId: personIds.get(mains[i % mains.length].niss)!, fromOn: dbDate(p.startOn) })),
    ],
  });

  lap("before // ── companies");
  // ── companies (the first one is the demo company, directed by the demo affiliate) ──
  const companies = Array.from({ length: companyCount }, (_, i) => {
    const [postalCode, city, language] = r.pick(CITIES);
    const director = i === 0 ? demo : mains[(i * 7) % mains.length];
    return {
      i,
      memberNumber: String(900001 + i),
      enterpriseNumber: makeEnterpriseNumber(4_000_000 + i * 131),
      name: i === 0 ? "Dubois Consulting SRL" : `${director.lastName} ${r.pick(["Services", "Bouw", "Consult", "Design", "Trading", "Solutions"])} ${r.pick(LEGAL_FORMS)}`,
      legalForm: i === 0 ? "SRL" : r.pick(LEGAL_FORMS),
      createdOn: i === 0 ? "2019-03-12" : `${r.int(2000, 2024)}-${String(r.int(1, 12)).padStart(2, "0")}-${String(r.int(1, 28)).padStart(2, "0")}`,
      postalCode,
      city,
      language: i === 0 ? ("fr" as const) : language,
      director,
      profile: (i === 0 ? "good" : r.chance(0.85) ? "good" : "debtor") as Profile,
      balanceSheets: Object.fromEntries([2022, 2023, 2024, 2025].map((y) => [y, r.chance(0.15) ? r.int(700_001, 5_000_000) * 100 : r.int(20_000, 690_000) * 100])),
    };
  });
  await prisma.company.createMany({
    data: companies.map((c) => ({ enterpriseNumber: c.enterpriseNumber, name: c.name, legalForm: c.legalForm, createdOn: dbDate(c.createdOn), street: "Boulevard Anspach 1", postalCode: c.postalCode, city: c.city })),
  });
  const companyIds = new Map((await prisma.company.findMany({ select: { id: true, enterpriseNumber: true } })).map((x) => [x.enterpriseNumber, x.id]));
  await prisma.affiliate.createMany({
    data: companies.map((c, i) => ({ memberNumber: c.memberNumber, kind: "COMPANY" as const, companyId: companyIds.get(c.enterpriseNumber)!, language: c.language, advisorId: advisors[i % advisors.length].id })),
  });
  for (const [k, v] of (await prisma.affiliate.findMany({ where: { kind: "COMPANY" }, select: { id: true, memberNumber: true } })).map((x) => [x.memberNumber, x.id] as const)) affiliateIds.set(k, v);
  await prisma.companyDirector.createMany({
    data: companies.map((c) => ({ companyId: companyIds.get(c.enterpriseNumber)!, personId: personIds.get(c.director.niss)!, fromOn: dbDate(c.createdOn) })),
  });
  await prisma.companyBalanceSheet.createMany({
    data: companies.flatMap((c) => Object.entries(c.balanceSheets).map(([y, cents]) => ({ companyId: companyIds.get(c.enterpriseNumber)!, year: Number(y), balanceSheetTotalCents: BigInt(cents) }))),
  });

  lap("before // ── the account history");
  // ── the account history, computed with the domain core ──
  const calls: Prisma.ContributionCallCreateManyInput[] = [];
  const entries: Prisma.LedgerEntryCreateManyInput[] = [];
  const payments: Prisma.PaymentCreateManyInput[] = [];
  const allocations: Prisma.PaymentAllocationCreateManyInput[] = [];
  let entryId = 0n;
  let paymentSeq = 0;
  const nextEntry = () => ++entryId;
  const lastYear = Number(SEED_TODAY.slice(0, 4));
  const debtorsForRecovery: { affiliateId: string; debtCents: number; oldestDueOn: string; profile: Profile; index: number }[] = [];

  type Item = OpenItem & { entryId: bigint; callId: string };
  for (const p of [...people, ...companies.map((c) => ({ ...c, isCompany: true as const }))]) {
    const affiliateId = affiliateIds.get(p.memberNumber)!;
    const open: Item[] = [];
    const principalPayments: { callId: string; paidOn: string; amountCents: number }[] = [];
    const surchargeCalls: { id: string; quarter: { year: number; quarter: QuarterNumber }; principalCents: number; firstClaimedOn: string; dueOn: string; starterGrace?: boolean }[] = [];
    const ownCalls: { id: string; dueOn: string; totalCents: number; items: Item[] }[] = [];
    let refund: { cents: number; notifiedOn: string; paidOutOn: string; iban: string } | null = null;
    const seqBase = p.memberNumber.padStart(6, "0");

    const addCall = (call: Prisma.ContributionCallCreateManyInput & { id: string }, contributionKind: OpenItem["kind"], reasonCode: string, reasonParams: Record<string, string | number>) => {
      calls.push(call);
      const issuedOn = (call.issuedOn as Date).toISOString().slice(0, 10);
      const dueOn = (call.dueOn as Date).toISOString().slice(0, 10);
      const items: Item[] = [];
      const principalId = nextEntry();
      entries.push({ id: principalId, affiliateId, kind: "CALL", amountCents: call.contributionCents, bookedOn: dbDate(issuedOn), callId: call.id, reasonCode, reasonParams });
      items.push({ id: `e${principalId}`, entryId: principalId, callId: call.id, kind: contributionKind, dueOn, openCents: call.contributionCents });
      if (call.managementFeeCents > 0) {
        const feeId = nextEntry();
        entries.push({ id: feeId, affiliateId, kind: "FEE", amountCents: call.managementFeeCents, bookedOn: dbDate(issuedOn), callId: call.id, reasonCode: "call.managementFee", reasonParams: { rateBp: FEE_BP } });
        items.push({ id: `e${feeId}`, entryId: feeId, callId: call.id, kind: "management-fee", dueOn, openCents: call.managementFeeCents });
      }
      open.push(...items);
      ownCalls.push({ id: call.id, dueOn, totalCents: call.totalCents, items });
      return items;
    };

    const pay = (amountCents: number, paidOn: string, preferred: Item[], communication: string) => {
      if (amountCents <= 0 || paidOn > SEED_TODAY) return;
      const paymentId = `pay-${++paymentSeq}`;
      const entry = nextEntry();
      payments.push({ id: paymentId, affiliateId, source: "CODA", status: "MATCHED", amountCents, valueOn: dbDate(paidOn), counterpartyName: "isCompany" in p ? p.name : `${p.firstName} ${p.lastName}`, counterpartyIban: "iban" in p ? p.iban : null, communication, bankReference: `SEED-${paymentSeq}` });
      entries.push({ id: entry, affiliateId, kind: "PAYMENT", amountCents: -amountCents, bookedOn: dbDate(paidOn), valueOn: dbDate(paidOn), paymentId, reasonCode: "payment.received", reasonParams: { valueOn: paidOn } });
      const result = allocatePayment({ id: paymentId, amountCents, paidOn, preferredItemIds: preferred.map((i) => i.id) }, open.filter((i) => i.openCents > 0));
      for (const a of result.allocations) {
        const item = open.find((i) => i.id === a.itemId)!;
        item.openCents -= a.amountCents;
        allocations.push({ paymentEntryId: entry, targetEntryId: item.entryId, amountCents: a.amountCents });
        if (item.kind !== "management-fee" && item.kind !== "surcharge") principalPayments.push({ callId: item.callId, paidOn, amountCents: a.amountCents });
      }
    };

    if (!("isCompany" in p)) {
      // provisional contributions, quarter by quarter
      let unpaidFrom = p.profile === "debtor" || p.profile === "plan" ? `${r.pick([2025, 2026])}-0${r.pick([1, 4, 7])}-01` : "9999-12-31";
      if (p.index === 0) unpaidFrom = "2026-07-01"; // the demo affiliate: Q3 2026 unpaid, Q4 2026 open
      for (const q of quartersBetween(p.startOn, lastYear)) {
        const callId = `call-${p.memberNumber}-${q.year}-${q.quarter}`;
        const primo = p.primoStarterUntil !== null && quarterStart(q) <= p.primoStarterUntil;
        const startYear = Number(p.startOn.slice(0, 4));
        const refYear = q.year - 3;
        const base = startYear > refYear
          ? { incomeCents: 0, breakdown: [] as unknown[] } // no N-3 income yet: the legal minimum applies
          : provisionalIncomeBase({ year: q.year, referenceIncomeCents: p.incomes[refYear] });
        const c = quarterlyContribution({ year: q.year, category: toDomainCategory(p.category), annualIncomeCents: base.incomeCents, primoStarter: primo, managementFeeBp: FEE_BP });
        const issuedOn = quarterStart(q);
        const dueOn = quarterDueDate(q);
        // below the threshold nothing is owed: no call is sent
        if (issuedOn > SEED_TODAY || c.totalCents === 0) continue;
        const items = addCall(
          {
            id: callId,
            affiliateId,
            kind: "PROVISIONAL",
            year: q.year,
            quarter: q.quarter,
            category: p.category,
            incomeBaseCents: BigInt(base.incomeCents),
            incomeYear: refYear,
            contributionCents: c.contributionCents,
            managementFeeCents: c.managementFeeCents,
            totalCents: c.totalCents,
            structuredCommunication: makeCommunication(`${String(q.year).slice(2)}${q.quarter}1${seqBase}`),
            issuedOn: dbDate(issuedOn),
            dueOn: dbDate(dueOn),
            breakdown: [...base.breakdown, ...c.breakdown] as Prisma.InputJsonValue,
          },
          "contribution",
          "call.provisional",
          { year: q.year, quarter: q.quarter },
        );
        surchargeCalls.push({ id: callId, quarter: q, principalCents: c.contributionCents, firstClaimedOn: issuedOn, dueOn, starterGrace: primo && quarterStart(q) < addMonths(p.startOn, 6) });
        if (issuedOn >= unpaidFrom) continue;
        const late = p.profile === "late" && r.chance(0.35);
        const paidOn = late ? addDays(dueOn, r.int(10, 75)) : addDays(dueOn, -r.int(1, 25));
        pay(c.totalCents, paidOn, items, makeCommunication(`${String(q.year).slice(2)}${q.quarter}1${seqBase}`));
      }
      // regularisation of 2024 on the real income (notified in 2026) for about a third of the people
      const q2024 = surchargeCalls.filter((s) => s.quarter.year === 2024);
      if (q2024.length > 0 && (p.index < 2 || r.chance(0.33))) {
        const drawn = `2026-0${r.int(3, 9)}-15`;
        // the demo affiliate's 2024 refund is notified once her Q3 2026 call is overdue: it is set off against it
        const notifiedOn = p.index === 0 ? "2026-10-15" : drawn;
        const reg = calculateRegularisation({
          year: 2024,
          category: toDomainCategory(p.category),
          realIncomeCents: p.incomes[2024],
          quarters: q2024.map((s) => ({ quarter: s.quarter.quarter, provisionalCents: s.principalCents })),
          notifiedOn,
          managementFeeBp: FEE_BP,
        });
        if (reg.netCents > 0 && notifiedOn <= SEED_TODAY) {
          const feeDiff = reg.quarters.reduce((s, x) => s + x.feeDifferenceCents, 0);
          const dueOn = regularisationDueDate(notifiedOn);
          const callId = `reg-${p.memberNumber}-2024`;
          const items = addCall(
            {
              id: callId,
              affiliateId,
              kind: "REGULARISATION",
              year: 2024,
              quarter: 0,
              category: p.category,
              incomeBaseCents: BigInt(reg.annualIncomeCents),
              incomeYear: 2024,
              contributionCents: reg.netCents - feeDiff,
              managementFeeCents: feeDiff,
              totalCents: reg.netCents,
              structuredCommunication: makeCommunication(`2402${seqBase}`),
              issuedOn: dbDate(notifiedOn),
              dueOn: dbDate(dueOn),
              breakdown: reg.breakdown as unknown as Prisma.InputJsonValue,
            },
            "regularisation",
            "call.regularisation",
            { year: 2024 },
          );
          surchargeCalls.push({ id: callId, quarter: { year: 2024, quarter: 4 }, principalCents: reg.netCents - feeDiff, firstClaimedOn: notifiedOn, dueOn });
          if (p.profile === "good") pay(reg.netCents, addDays(dueOn, -r.int(1, 20)), items, "");
        } else if (reg.netCents < 0 && notifiedOn <= SEED_TODAY) {
          refund = { cents: -reg.netCents, notifiedOn, paidOutOn: addDays(notifiedOn, 20), iban: p.iban };
        }
      }
    } else {
      // company contribution, one call a year
      for (const year of YEARS) {
        if (year > lastYear) continue;
        const c = companyContribution({ year, balanceSheetTotalCents: p.balanceSheets[year - 2] ?? p.balanceSheets[2025] });
        const dueOn = companyContributionDueDate({ year });
        const issuedOn = `${year}-10-01`;
        if (issuedOn > SEED_TODAY) continue;
        const callId = `company-${p.memberNumber}-${year}`;
        const items = addCall(
          {
            id: callId,
            affiliateId,
            kind: "COMPANY",
            year,
            quarter: 0,
            contributionCents: c.amountCents,
            managementFeeCents: 0,
            totalCents: c.amountCents,
            structuredCommunication: makeCommunication(`${String(year).slice(2)}03${seqBase}`),
            issuedOn: dbDate(issuedOn),
            dueOn: dbDate(dueOn),
            breakdown: c.breakdown as unknown as Prisma.InputJsonValue,
          },
          "company-contribution",
          "call.company",
          { year },
        );
        if (p.profile === "good" && year < lastYear) pay(c.amountCents, addDays(dueOn, -r.int(2, 40)), items, "");
      }
    }

    // a regularisation refund first settles what is overdue (the set-off rule, lib/domain/set-off-refund.ts) when it
    // is booked, and again before it is paid out 20 days later; only what is left is paid out. The surcharges booked
    // before each of those days are owed too: computed from the principal payments made before them.
    const surchargeKey = (l: { callId: string; kind: string; on: string }) => `s:${l.callId}:${l.kind}:${l.on}`;
    const settledSurcharges = new Map<string, { cents: number; creditId: bigint }>();
    if (refund) {
      const creditId = nextEntry();
      const r0 = refund;
      entries.push({ id: creditId, affiliateId, kind: "ADJUSTMENT", amountCents: -r0.cents, bookedOn: dbDate(r0.notifiedOn), reasonCode: "regularisation.credit", reasonParams: { year: 2024, refundCents: r0.cents } });
      let left = r0.cents;
      for (const on of [r0.notifiedOn, r0.paidOutOn].filter((d) => d <= SEED_TODAY)) {
        if (left === 0) break;
        const surchargeItems = calculateSurcharges({ calls: surchargeCalls, payments: principalPayments, asOf: SEED_TODAY })
          .lines.filter((l) => l.on < on)
          .map((l) => ({ id: surchargeKey(l), kind: "surcharge" as const, dueOn: l.on, openCents: l.amountCents - (settledSurcharges.get(surchargeKey(l))?.cents ?? 0) }));
        const result = setOffRefund({ id: "refund", refundCents: left, on }, [...open, ...surchargeItems]);
        for (const a of result.allocations) {
          const item = open.find((i) => i.id === a.itemId);
          if (!item) {
            settledSurcharges.set(a.itemId, { cents: (settledSurcharges.get(a.itemId)?.cents ?? 0) + a.amountCents, creditId });
            continue;
          }
          item.openCents -= a.amountCents;
          allocations.push({ paymentEntryId: creditId, targetEntryId: item.entryId, amountCents: a.amountCents });
          if (item.kind !== "management-fee" && item.kind !== "surcharge") principalPayments.push({ callId: item.callId, paidOn: on, amountCents: a.amountCents });
        }
        left = result.payoutCents;
      }
      if (left > 0 && r0.paidOutOn <= SEED_TODAY)
        entries.push({ id: nextEntry(), affiliateId, kind: "REFUND", amountCents: left, bookedOn: dbDate(r0.paidOutOn), reasonCode: "regularisation.refund", reasonParams: { year: 2024, iban: r0.iban } });
    }

    // surcharges on the principal still unpaid at the quarter ends (3 %) and on 1 January (7 %)
    if (surchargeCalls.length > 0) {
      const s = calculateSurcharges({ calls: surchargeCalls, payments: principalPayments, asOf: SEED_TODAY });
      for (const line of s.lines) {
        const id = nextEntry();
        const settled = settledSurcharges.get(surchargeKey(line));
        if (settled) allocations.push({ paymentEntryId: settled.creditId, targetEntryId: id, amountCents: settled.cents });
        entries.push({
          id,
          affiliateId,
          kind: "SURCHARGE",
          amountCents: line.amountCents,
          bookedOn: dbDate(line.on),
          callId: line.callId,
          reasonCode: line.kind === "annual" ? "surcharge.annual" : "surcharge.quarterly",
          reasonParams: { on: line.on, baseCents: line.baseCents, rateBp: line.rateBp },
          uniqueKey: `surcharge:${line.callId}:${line.kind}:${line.on}`,
        });
        open.push({ id: `e${id}`, entryId: id, callId: line.callId, kind: "surcharge", dueOn: line.on, openCents: line.amountCents - (settled?.cents ?? 0) });
      }
    }
    const debt = open.filter((i) => i.openCents > 0 && i.dueOn < SEED_TODAY);
    if (debt.length > 0 && ("isCompany" in p ? p.profile === "debtor" : p.profile === "debtor" || p.profile === "plan")) {
      debtorsForRecovery.push({
        affiliateId,
        debtCents: debt.reduce((sum, i) => sum + i.openCents, 0),
        oldestDueOn: debt.map((i) => i.dueOn).sort()[0],
        profile: p.profile,
        index: "isCompany" in p ? 100000 + p.i : p.index,
      });
    }
  }

  lap("before for (let i = 0; i < calls.leng");
  await bulkInsert(prisma, "ContributionCall", calls);
  await bulkInsert(prisma, "Payment", payments);
  await bulkInsert(prisma, "LedgerEntry", entries);
  await bulkInsert(prisma, "PaymentAllocation", allocations);
  await prisma.$executeRawUnsafe(`SELECT setval(pg_get_serial_sequence('"LedgerEntry"', 'id'), (SELECT MAX(id) FROM "LedgerEntry"))`);

  lap("before // ── payment plans");
  // ── payment plans (active, completed, broken) and recovery cases at every step ──
  let planSeq = 0;
  let requestSeq = 0;
  const nextReference = (year: number) => `D-${year}-${String(++requestSeq).padStart(6, "0")}`;
  const steps: RecoveryStepKind[] = ["REMINDER", "ACCOUNT_STATEMENT", "FORMAL_NOTICE", "PERSONAL_CONTACT", "BAILIFF", "LAWYER", "HEARING", "JUDGMENT", "WRITE_OFF", "CLOSED"];
  for (const [k, d] of debtorsForRecovery.entries()) {
    if (d.profile === "plan" && d.debtCents >= 20_000) {
      const startOn = addDays(d.oldestDueOn, 40) < SEED_TODAY ? addDays(d.oldestDueOn, 40) : SEED_TODAY;
      const months = 6 + (k % 6);
      const advanceCents = Math.round(d.debtCents / 10);
      const schedule = buildInstalmentSchedule({ debtCents: d.debtCents, advanceCents, months, firstInstalmentOn: addMonths(startOn, 1) });
      if (!schedule.ok) continue;
      const broken = k % 4 === 0;
      const planId = `plan-${++planSeq}`;
      const requestId = `req-plan-${planSeq}`;
      await prisma.request.create({
        data: {
          id: requestId,
          reference: nextReference(Number(startOn.slice(0, 4))),
          type: "PAYMENT_PLAN",
          status: "ACCEPTED",
          affiliateId: d.affiliateId,
          payload: { months, advanceCents },
          filedOn: dbDate(startOn),
          decisionDueOn: dbDate(charterDeadlines({ filedOn: startOn }).decisionDueOn),
          decidedAt: new Date(`${startOn}T10:00:00Z`),
          decisionReasonCode: "plan.withinPolicy",
          events: { create: [{ toStatus: "SUBMITTED", at: new Date(`${startOn}T09:00:00Z`) }, { fromStatus: "SUBMITTED", toStatus: "ACCEPTED", at: new Date(`${startOn}T09:00:05Z`), reason: "plan.withinPolicy" }] },
        },
      });
      await prisma.paymentPlan.create({
        data: {
          id: planId,
          affiliateId: d.affiliateId,
          requestId,
          status: broken ? "BROKEN" : "ACTIVE",
          debtCents: d.debtCents,
          advanceCents,
          months,
          startOn: dbDate(startOn),
          brokenOn: broken ? dbDate(addMonths(startOn, 3)) : null,
          instalments: {
            create: [{ number: 0, dueOn: startOn, amountCents: advanceCents }, ...schedule.instalments].map((inst) => ({
              seq: inst.number,
              dueOn: dbDate(inst.dueOn),
              amountCents: inst.amountCents,
              paidCents: inst.dueOn < SEED_TODAY && (!broken || inst.dueOn < addMonths(startOn, 2)) ? inst.amountCents : 0,
              structuredCommunication: makeCommunication(`9${String(planSeq).padStart(6, "0")}${String(inst.number).padStart(3, "0")}`),
            })),
          },
        },
      });
      if (!broken) continue;
    }
    // a recovery case, its path advanced as far as this debtor's index puts it
    const reached = steps[k % steps.length];
    const path: RecoveryStepKind[] = [];
    for (const s of ["REMINDER", "ACCOUNT_STATEMENT", "FORMAL_NOTICE", "PERSONAL_CONTACT"] as RecoveryStepKind[]) {
      path.push(s);
      if (s === reached) break;
    }
    if (["BAILIFF", "HEARING", "JUDGMENT"].includes(reached)) path.push("BAILIFF");
    if (reached === "LAWYER") path.push("LAWYER");
    if (["HEARING", "JUDGMENT"].includes(reached)) path.push("HEARING");
    if (reached === "JUDGMENT") path.push("JUDGMENT");
    if (reached === "WRITE_OFF" || reached === "CLOSED") path.push(reached);
    const openedOn = addDays(d.oldestDueOn, 15);
    if (openedOn > SEED_TODAY) continue;
    const status = reached === "WRITE_OFF" ? "WRITTEN_OFF" : reached === "CLOSED" ? "CLOSED" : ["BAILIFF", "LAWYER", "HEARING", "JUDGMENT"].includes(reached) ? "JUDICIAL" : "OPEN";
    await prisma.recoveryCase.create({
      data: {
        affiliateId: d.affiliateId,
        status,
        currentStep: path[path.length - 1],
        debtCents: d.debtCents,
        oldestDueOn: dbDate(d.oldestDueOn),
        openedOn: dbDate(openedOn),
        closedOn: status === "CLOSED" || status === "WRITTEN_OFF" ? dbDate(addDays(openedOn, 200) < SEED_TODAY ? addDays(openedOn, 200) : SEED_TODAY) : null,
        steps: {
          create: path.map((kind, i) => {
            const on = addDays(openedOn, i * 21) < SEED_TODAY ? addDays(openedOn, i * 21) : SEED_TODAY;
            return { kind, on: dbDate(on), actorId: advisors[k % advisors.length].id, note: kind === "PERSONAL_CONTACT" ? "recovery.contact.phone" : null, costCents: kind === "BAILIFF" ? 18_500 : 0 };
          }),
        },
      },
    });
  }

  lap("before // ── requests of every type");
  // ── requests of every type in every state, with their status events and legal deadlines ──
  const types: RequestType[] = ["PAYMENT_PLAN", "REDUCTION", "INCREASE", "EXEMPTION", "SURCHARGE_WAIVER", "MATERNITY_AID", "BRIDGING_RIGHT", "CAREGIVER_ALLOWANCE", "QUESTION", "COMPLAINT"];
  const flows: RequestStatus[][] = [
    ["SUBMITTED"],
    ["SUBMITTED", "IN_REVIEW"],
    ["SUBMITTED", "IN_REVIEW", "INFORMATION_REQUESTED"],
    ["SUBMITTED", "IN_REVIEW", "INFORMATION_REQUESTED", "IN_REVIEW"],
    ["SUBMITTED", "IN_REVIEW", "AWAITING_SECOND_APPROVAL"],
    ["SUBMITTED", "IN_REVIEW", "FORWARDED"],
    ["SUBMITTED", "IN_REVIEW", "ACCEPTED"],
    ["SUBMITTED", "IN_REVIEW", "REFUSED"],
    ["SUBMITTED", "WITHDRAWN"],
    ["SUBMITTED", "IN_REVIEW", "CLOSED"],
  ];
  const personAffiliates = people.map((p) => affiliateIds.get(p.memberNumber)!);
  let t = 0;
  for (const type of types) {
    for (const flow of flows) {
      for (let n = 0; n < 3; n++) {
        t++;
        if (flow.includes("FORWARDED") && type !== "EXEMPTION" && type !== "SURCHARGE_WAIVER") continue;
        if (flow.includes("AWAITING_SECOND_APPROVAL") && type !== "PAYMENT_PLAN" && type !== "REDUCTION") continue;
        // a bridging right or caregiver allowance is decided with its claim (issue #13): never accepted while the
        // year's legal amount is not known (none is guessed), never closed without a decision
        const benefit = type === "BRIDGING_RIGHT" || type === "CAREGIVER_ALLOWANCE";
        if (benefit && (flow.includes("ACCEPTED") || flow[flow.length - 1] === "CLOSED")) continue;
        const affiliateId = t % 17 === 0 ? personAffiliates[0] : personAffiliates[(t * 37) % personAffiliates.length];
        const filedOn = addDays(SEED_TODAY, -((t * 11) % 170) - 1);
        const isInfo = type === "QUESTION" || type === "COMPLAINT";
        let pause: { from: string; to: string } | null = null;
        const events: Prisma.RequestEventUncheckedCreateWithoutRequestInput[] = [];
        let day = filedOn;
        flow.forEach((status, i) => {
          if (i > 0) day = addDays(day, 3 + ((t + i) % 9)) < SEED_TODAY ? addDays(day, 3 + ((t + i) % 9)) : SEED_TODAY;
          if (status === "INFORMATION_REQUESTED") pause = { from: day, to: SEED_TODAY };
          if (pause && pause.to === SEED_TODAY && status === "IN_REVIEW" && i > 2) pause = { from: pause.from, to: day };
          events.push({ at: new Date(`${day}T${String(8 + i).padStart(2, "0")}:00:00Z`), fromStatus: i === 0 ? null : flow[i - 1], toStatus: status, actorId: i === 0 ? null : advisors[t % 3].id, reason: status === "REFUSED" ? "decision.refused.conditionsNotMet" : null });
        });
        const deadlines = charterDeadlines({ filedOn, pauses: pause ? [pause] : [] });
        const final = flow[flow.length - 1];
        const decided = ["ACCEPTED", "REFUSED", "CLOSED", "WITHDRAWN"].includes(final);
        await prisma.request.create({
          data: {
            reference: nextReference(Number(filedOn.slice(0, 4))),
            type,
            status: final,
            affiliateId,
            payload:
              type === "REDUCTION" || type === "INCREASE"
                ? { estimatedIncomeCents: 2_500_000 + t * 1000, year: 2026 }
                : isInfo
                  ? { subject: `demo.${type.toLowerCase()}` }
                  : type === "BRIDGING_RIGHT"
                    ? { case: ["BANKRUPTCY", "FORCED_INTERRUPTION", "ECONOMIC_DIFFICULTIES", "DEBT_SETTLEMENT"][t % 4], eventOn: addDays(filedOn, -20), familyCharge: t % 2 === 0, motivation: "Cessation de mon activité" }
                    : type === "CAREGIVER_ALLOWANCE"
                      ? { interruption: t % 2 === 0 ? "FULL" : "HALF", startOn: filedOn, months: 1 + (t % 6), careFor: "Un parent", motivation: "Soins à un proche" }
                      : {},
            filedOn: dbDate(filedOn),
            informationDueOn: dbDate(deadlines.informationDueOn),
            decisionDueOn: dbDate(deadlines.decisionDueOn),
            pausedDays: deadlines.pausedDays,
            assigneeId: final === "SUBMITTED" && t % 2 === 0 ? null : advisors[t % 3].id,
            decidedAt: decided ? events[events.length - 1].at : null,
            decisionReasonCode: final === "REFUSED" ? "decision.refused.conditionsNotMet" : final === "ACCEPTED" ? "decision.accepted" : null,
            events: { create: events },
            // its claim, whose status follows the request's (the database checks it at commit)
            ...(benefit
              ? { benefitClaim: { create: { affiliateId, type: type as "BRIDGING_RIGHT" | "CAREGIVER_ALLOWANCE", filedOn: dbDate(filedOn), status: final === "REFUSED" ? "REFUSED" : final === "WITHDRAWN" ? "WITHDRAWN" : "CLAIMED" } } }
              : {}),
          },
        });
      }
    }
  }

  lap("before // ── message threads");
  // ── message threads with the named advisor ──
  for (let i = 0; i < 60; i++) {
    const affiliateIndex = i === 0 ? 0 : (i * 29) % people.length;
    const affiliateId = personAffiliates[affiliateIndex];
    const person = people[affiliateIndex];
    const createdOn = addDays(SEED_TODAY, -((i * 7) % 90) - 1);
    const answered = i % 3 !== 0;
    await prisma.messageThread.create({
      data: {
        affiliateId,
        subject: person.language === "nl" ? "Vraag over mijn vervaldagbericht" : "Question sur mon avis d'échéance",
        status: answered ? "ANSWERED" : "OPEN",
        answerDueOn: dbDate(addDays(createdOn, 45)),
        createdAt: new Date(`${createdOn}T10:00:00Z`),
        messages: {
          create: [
            { authorId: advisors[person.advisorIndex].id, body: person.language === "nl" ? "Bericht van uw adviseur: uw dossier werd bijgewerkt." : "Message de votre conseiller : votre dossier a été mis à jour.", createdAt: new Date(`${createdOn}T10:00:00Z`) },
          ],
        },
      },
    });
  }

  // ── births known to the fund (maternity aid offered proactively) ──
  const mothers = people.filter((p) => p.sex === "F" && p.category === "MAIN" && Number(p.birthDate.slice(0, 4)) > 1980).slice(0, 12);
  for (const [i, m] of mothers.entries()) {
    const bornOn = addDays(SEED_TODAY, -30 - i * 20);
    await prisma.birth.create({ data: { personId: personIds.get(m.niss)!, bornOn: dbDate(bornOn) } });
    await prisma.benefitClaim.create({
      data: { affiliateId: affiliateIds.get(m.memberNumber)!, type: "MATERNITY_AID", status: i % 3 === 0 ? "OFFERED" : "GRANTED", grantedAutomatically: true, filedOn: dbDate(bornOn), paymentDueOn: dbDate(addMonths(bornOn, 4)) },
    });
  }

  lap("before // ── logins of the demo");
  // ── logins of the demo dossiers ──
  await createUser(prisma, { email: "affiliate@demo.caisse.be", passwordHash, role: "AFFILIATE", name: "Julie Dubois", affiliateId: affiliateIds.get(demo.memberNumber)! });
  await createUser(prisma, { email: "spouse@demo.caisse.be", passwordHash, role: "AFFILIATE", name: "Marc Dubois", affiliateId: affiliateIds.get(spouse.memberNumber)! });
  await createUser(prisma, { email: "company@demo.caisse.be", passwordHash, role: "AFFILIATE", name: "Dubois Consulting SRL", affiliateId: affiliateIds.get(companies[0].memberNumber)! });
  // the demo accountant and their clients' mandates (prisma/seed-accountants.ts)
  const others = people.filter((p) => p !== demo && p !== spouse && p.category === "MAIN").slice(0, 5).map((p) => affiliateIds.get(p.memberNumber)!);
  await seedAccountants(
    prisma,
    passwordHash,
    { julie: affiliateIds.get(demo.memberNumber)!, marc: affiliateIds.get(spouse.memberNumber)!, company: affiliateIds.get(companies[0].memberNumber)!, others: others.slice(0, 4), asking: others[4] },
    SEED_TODAY,
    async (email) => (DEMO_TOTP_SECRETS[email] ? { totpSecret: encryptSecret(DEMO_TOTP_SECRETS[email]), totpEnabledAt: new Date() } : null),
  );

  // the late-payment surcharges the person history above does not book itself (the company contribution's
  // 1 % per month): the fund's own surcharge job, run as of the seed date, so that a later run finds nothing to add
  lap("before surcharges job");
  const surcharges = await runJob(surchargesJob, {}, { prisma, today: SEED_TODAY });
  if (!surcharges.ok) throw new Error(`seed: surcharge job ${surcharges.status}: ${surcharges.code}`);

  // the managers' dashboards are full at the first visit
  lap("before KPI refresh");
  await refreshKpiFacts(prisma, SEED_TODAY);

  // the information bulletin's archive and the life-event guides (issue #18)
  await seedBulletins(prisma, staff.manager.id, SEED_TODAY);
  await seedGuides(prisma);

  // the fund itself, last: its presence marks a completely seeded database
  await prisma.fund.create({
    data: {
      id: 1,
      name: "Caisse Démo d'assurances sociales / Demo Sociaal Verzekeringsfonds",
      iban: makeIban("001", 4_242_424),
      bic: "GEBABEBB",
      creditorId: belgianCreditorIdentifier("0403170701"),
      managementFeeBp: FEE_BP,
      address: "Rue de la Loi 16, 1000 Bruxelles",
      phone: "+32 2 000 00 00",
      email: "info@demo.caisse.be",
      ...demoFundContact(SEED_TODAY),
    },
  });
  console.log(`seed: ${people.length} people, ${companies.length} companies, ${calls.length} calls, ${entries.length} ledger entries, ${payments.length} payments`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
