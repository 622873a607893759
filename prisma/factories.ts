// Test-data factories shared by the demo seed and the integration tests: valid Belgian identifiers and the
// smallest consistent records (person → affiliate → affiliation → category period, logins).
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Category, Locale, Role } from "@/lib/generated/prisma/enums";
import { belgianIbanFromBban, isValidEnterpriseNumber, isValidNiss, structuredCommunication } from "@/lib/domain";

/** Deterministic PRNG (mulberry32): the same seed gives the same demo fund on every machine. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T,>(items: readonly T[]): T => items[Math.floor(next() * items.length)],
    chance: (p: number) => next() < p,
  };
}

/** A valid national register number for a birth date, a daily sequence (1-997) and sex (odd = male). */
export function makeNiss(birthDate: string, sequence: number, sex: "M" | "F"): string {
  const [y, m, d] = birthDate.split("-");
  let seq = Math.max(1, Math.min(997, sequence));
  if ((seq % 2 === 1) !== (sex === "M")) seq = seq === 997 ? 996 : seq + 1;
  const body = `${y.slice(2)}${m}${d}${String(seq).padStart(3, "0")}`;
  const base = Number(y) >= 2000 ? BigInt(`2${body}`) : BigInt(body);
  const check = 97n - (base % 97n);
  const niss = `${body}${String(check).padStart(2, "0")}`;
  if (!isValidNiss(niss)) throw new Error(`factory produced an invalid NISS ${niss}`);
  return niss;
}

/** A valid enterprise number (0xxx.xxx.xxx): "0", 7 digits from the serial, 2 check digits. */
export function makeEnterpriseNumber(serial: number): string {
  const first8 = `0${String(1_000_000 + (serial % 9_000_000)).padStart(7, "0")}`;
  const check = 97 - (Number(first8) % 97);
  const n = `${first8}${String(check).padStart(2, "0")}`;
  if (!isValidEnterpriseNumber(n)) throw new Error(`factory produced an invalid enterprise number ${n}`);
  return n;
}

/** A valid Belgian IBAN at a real bank code (BBAN = 3-digit bank code + 7-digit account + 2 check digits). */
export function makeIban(bankCode: string, account: number): string {
  const first10 = `${bankCode}${String(account % 1e7).padStart(7, "0")}`;
  const check = Number(BigInt(first10) % 97n) || 97;
  const iban = belgianIbanFromBban(`${first10}${String(check).padStart(2, "0")}`);
  if (!iban) throw new Error(`factory produced an invalid IBAN for ${first10}`);
  return iban;
}

/** The 12 digits of a structured communication built from a 10-digit base. */
export function makeCommunication(tenDigits: string): string {
  return structuredCommunication(tenDigits).replace(/\D/g, "");
}

export const dbDate = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

type PersonAffiliateInput = {
  memberNumber: string;
  niss: string;
  firstName: string;
  lastName: string;
  birthDate: string;
  sex: "M" | "F";
  category: Category;
  startOn: string;
  primoStarterUntil?: string;
  language?: Locale;
  advisorId?: string | null;
  email?: string | null;
  city?: string;
};

/** A person affiliated since startOn in one category (one affiliation, one category period). */
export async function createPersonAffiliate(prisma: PrismaClient, input: PersonAffiliateInput) {
  const person = await prisma.person.create({
    data: {
      niss: input.niss,
      firstName: input.firstName,
      lastName: input.lastName,
      birthDate: dbDate(input.birthDate),
      sex: input.sex,
      email: input.email ?? null,
      street: "Rue de la Loi 16",
      postalCode: "1000",
      city: input.city ?? "Bruxelles",
    },
  });
  const affiliate = await prisma.affiliate.create({
    data: {
      memberNumber: input.memberNumber,
      kind: "PERSON",
      personId: person.id,
      language: input.language ?? "fr",
      advisorId: input.advisorId ?? null,
      affiliations: {
        create: {
          startOn: dbDate(input.startOn),
          status: "ACTIVE",
          periods: {
            create: {
              category: input.category,
              fromOn: dbDate(input.startOn),
              primoStarterUntil: input.primoStarterUntil ? dbDate(input.primoStarterUntil) : null,
            },
          },
        },
      },
    },
  });
  return { person, affiliate };
}

export async function createUser(
  prisma: PrismaClient,
  input: { email: string; passwordHash: string; role: Role; name: string; affiliateId?: string | null; locale?: Locale },
) {
  return prisma.user.create({
    data: {
      email: input.email.toLowerCase(),
      passwordHash: input.passwordHash,
      role: input.role,
      name: input.name,
      affiliateId: input.affiliateId ?? null,
      locale: input.locale ?? "fr",
    },
  });
}

type Row = Record<string, unknown>;

function jsonValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "bigint") return value.toString();
  return value;
}

/**
 * Set-based insert: rows travel as one JSON parameter and PostgreSQL expands them with json_populate_recordset
 * (column types, enums and dates are cast by the table's row type; unlisted columns take their defaults).
 * Two orders of magnitude faster than row-by-row ORM inserts. Rows must carry their own ids where the
 * default is generated by Prisma (cuid) rather than by the database.
 */
export async function bulkInsert(prisma: PrismaClient, table: string, rows: Row[], chunkSize = 5000): Promise<void> {
  if (rows.length === 0) return;
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const list = columns.map((c) => `"${c}"`).join(", ");
  for (let i = 0; i < rows.length; i += chunkSize) {
    const chunk = rows.slice(i, i + chunkSize).map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, jsonValue(v)])));
    await prisma.$executeRawUnsafe(
      `INSERT INTO "${table}" (${list}) SELECT ${list} FROM json_populate_recordset(NULL::"${table}", $1::json)`,
      JSON.stringify(chunk),
    );
  }
}
