// Issue #15 part 1 on a real PostgreSQL: who a verified national register number is at the fund. An affiliate gets
// in with no password and no e-mail (a login is made for a dossier that has none); a company director reaches the
// companies they direct today (own dossier first, a company on request); a number with no dossier is "unknown".
import { describe, expect, it } from "vitest";
import { testDatabase } from "../helpers/db";
import { UNUSABLE_HASH, viewerOf } from "../helpers/fixtures";
import { createPersonAffiliate, createUser, dbDate, makeEnterpriseNumber, makeNiss } from "@/prisma/factories";
import { isPlaceholderEmail, placeholderEmail, resolveFasPerson } from "@/lib/auth/fas/resolve";
import { fasProfile } from "@/lib/auth/fas/provider";
import { verifyPassword } from "@/lib/auth/password";
import { chooseDirectedCompany, getMyDirectedCompanies } from "@/lib/dal/account/get-my-directed-companies";
import type { FasConfig } from "@/lib/auth/fas/config";

const prisma = testDatabase();
const today = "2026-11-28";
let serial = 0;

async function person(firstName: string, options: { affiliate?: boolean; email?: string | null } = {}) {
  serial++;
  const niss = makeNiss("1980-01-01", serial * 2, "F");
  if (options.affiliate === false) {
    const p = await prisma.person.create({
      data: { niss, firstName, lastName: "Test", birthDate: dbDate("1980-01-01"), sex: "F", email: options.email ?? null, street: "Rue 1", postalCode: "1000", city: "Bruxelles" },
    });
    return { niss, personId: p.id, affiliateId: null as string | null };
  }
  const { person: p, affiliate } = await createPersonAffiliate(prisma, {
    memberNumber: String(500000 + serial), niss, firstName, lastName: "Test", birthDate: "1980-01-01", sex: "F", category: "MAIN", startOn: "2020-01-01", email: options.email ?? null,
  });
  return { niss, personId: p.id, affiliateId: affiliate.id as string | null };
}

async function company(name: string, directorPersonId: string, mandate: { fromOn?: string; toOn?: string | null } = {}, affiliated = true) {
  serial++;
  const c = await prisma.company.create({
    data: { enterpriseNumber: makeEnterpriseNumber(8_000_000 + serial), name, legalForm: "SRL", createdOn: dbDate("2019-01-01"), street: "Rue 2", postalCode: "1000", city: "Bruxelles" },
  });
  await prisma.companyDirector.create({ data: { companyId: c.id, personId: directorPersonId, fromOn: dbDate(mandate.fromOn ?? "2019-01-01"), toOn: mandate.toOn ? dbDate(mandate.toOn) : null } });
  const a = affiliated ? await prisma.affiliate.create({ data: { memberNumber: String(600000 + serial), kind: "COMPANY", companyId: c.id, language: "nl" } }) : null;
  return { companyId: c.id, affiliateId: a?.id ?? null };
}

describe("eID sign-in: the national number finds the person", () => {
  it("an affiliate with a login gets that login, with no e-mail sent and nothing changed", async () => {
    const p = await person("Julie", { email: "julie@example.be" });
    const user = await createUser(prisma, { email: "julie@example.be", passwordHash: UNUSABLE_HASH, role: "AFFILIATE", name: "Julie Test", affiliateId: p.affiliateId });
    const r = await resolveFasPerson(p.niss, today);
    expect(r).toMatchObject({ outcome: "dossier", personId: p.personId, login: { id: user.id, role: "AFFILIATE", affiliateId: p.affiliateId } });
    expect(await prisma.user.count()).toBe(1);
    expect(await prisma.outboundEmail.count()).toBe(0);
  });

  it("an affiliate without a login gets one: their address, no usable password, no activation e-mail", async () => {
    const p = await person("Paul", { email: "Paul@Example.be" });
    const r = await resolveFasPerson(p.niss, today);
    expect(r.outcome).toBe("dossier");
    const login = await prisma.user.findUniqueOrThrow({ where: { affiliateId: p.affiliateId! } });
    expect(login).toMatchObject({ role: "AFFILIATE", email: "paul@example.be", name: "Paul Test", disabledAt: null });
    expect(login.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(login.passwordHash, "")).toBe(false);
    expect(await prisma.outboundEmail.count()).toBe(0);
    // the second sign-in finds it
    const again = await resolveFasPerson(p.niss, today);
    expect(again).toMatchObject({ outcome: "dossier", login: { id: login.id } });
    expect(await prisma.user.count()).toBe(1);
  });

  it("an address that another account uses, or none, gives a placeholder that can never receive mail", async () => {
    const taken = await person("Anna", { email: "shared@example.be" });
    await createUser(prisma, { email: "shared@example.be", passwordHash: UNUSABLE_HASH, role: "ADVISOR", name: "Someone" });
    const none = await person("Bert", { email: null });
    for (const p of [taken, none]) {
      const r = await resolveFasPerson(p.niss, today);
      if (r.outcome !== "dossier") throw new Error(r.outcome);
      expect(isPlaceholderEmail(r.login.email)).toBe(true);
      const memberNumber = (await prisma.affiliate.findUniqueOrThrow({ where: { id: p.affiliateId! } })).memberNumber;
      expect(r.login.email).toBe(placeholderEmail(memberNumber));
    }
  });

  it("two first sign-ins at once make one login", async () => {
    const p = await person("Carl", { email: "carl@example.be" });
    const [a, b] = await Promise.all([resolveFasPerson(p.niss, today), resolveFasPerson(p.niss, today)]);
    expect(a.outcome === "dossier" && b.outcome === "dossier" && a.login.id === b.login.id).toBe(true);
    expect(await prisma.user.count({ where: { affiliateId: p.affiliateId } })).toBe(1);
  });

  it("a director who is an affiliate opens their own dossier first, a company they direct on request, never another", async () => {
    const p = await person("Dora");
    const mine = await company("Zeta SRL", p.personId);
    const other = await person("Emil");
    const notMine = await company("Alpha SRL", other.personId);
    const own = await resolveFasPerson(p.niss, today);
    expect(own).toMatchObject({ outcome: "dossier", login: { affiliateId: p.affiliateId } });
    expect(own.outcome === "dossier" && own.dossiers.map((d) => d.kind)).toEqual(["PERSON", "COMPANY"]);
    const chosen = await resolveFasPerson(p.niss, today, mine.affiliateId);
    expect(chosen).toMatchObject({ outcome: "dossier", login: { affiliateId: mine.affiliateId, name: "Zeta SRL", locale: "nl" } });
    expect(chosen.outcome === "dossier" && isPlaceholderEmail(chosen.login.email)).toBe(true);
    // a company of someone else's is no choice of hers: her own dossier
    expect(await resolveFasPerson(p.niss, today, notMine.affiliateId)).toMatchObject({ login: { affiliateId: p.affiliateId } });
  });

  it("a director who is not an affiliate reaches the company's dossier — the first by name when several", async () => {
    const p = await person("Fien", { affiliate: false });
    const b = await company("Beta BV", p.personId);
    await company("Gamma BV", p.personId);
    const r = await resolveFasPerson(p.niss, today);
    expect(r).toMatchObject({ outcome: "dossier", personId: p.personId, login: { affiliateId: b.affiliateId, name: "Beta BV" } });
  });

  it("only mandates that cover today count, and only companies affiliated here; a person with no dossier is unknown", async () => {
    const ended = await person("Gil", { affiliate: false });
    await company("Ended SRL", ended.personId, { fromOn: "2019-01-01", toOn: "2026-11-27" });
    const future = await person("Hanna", { affiliate: false });
    await company("Future SRL", future.personId, { fromOn: "2026-11-29" });
    const elsewhere = await person("Ivo", { affiliate: false });
    await company("Elsewhere SRL", elsewhere.personId, {}, false);
    const lastDay = await person("Jan", { affiliate: false });
    const c = await company("Last Day SRL", lastDay.personId, { toOn: today });
    for (const p of [ended, future, elsewhere]) expect(await resolveFasPerson(p.niss, today)).toEqual({ outcome: "unknown" });
    expect(await resolveFasPerson(makeNiss("1990-01-01", 501, "M"), today)).toEqual({ outcome: "unknown" });
    expect(await resolveFasPerson(lastDay.niss, today)).toMatchObject({ outcome: "dossier", login: { affiliateId: c.affiliateId } });
    expect(await prisma.user.count({ where: { role: "AFFILIATE" } })).toBe(1);
  });

  it("a disabled login stays closed", async () => {
    const p = await person("Kim", { email: "kim@example.be" });
    await prisma.user.create({ data: { email: "kim@example.be", passwordHash: UNUSABLE_HASH, role: "AFFILIATE", name: "Kim Test", affiliateId: p.affiliateId, disabledAt: new Date() } });
    expect(await resolveFasPerson(p.niss, today)).toEqual({ outcome: "disabled" });
  });

  it("profile(): the claims' number (with separators or not) and level of assurance decide; the claim name is configurable", async () => {
    const p = await person("Lena", { email: "lena@example.be" });
    const config: FasConfig = { issuer: "https://fas.example", clientId: "c", clientSecret: "s", acr: "urn:be:fedict:iam:fas:Level450", nrnClaim: "nrn", scope: "openid" };
    const formatted = `${p.niss.slice(0, 2)}.${p.niss.slice(2, 4)}.${p.niss.slice(4, 6)}-${p.niss.slice(6, 9)}.${p.niss.slice(9)}`;
    const ok = await fasProfile({ sub: "s1", acr: "urn:be:fedict:iam:fas:Level500", nrn: formatted }, config, { today, choice: null, client: {} });
    expect(ok).toMatchObject({ fas: "dossier", role: "AFFILIATE", affiliateId: p.affiliateId, method: "fas", personId: p.personId });
    expect(await fasProfile({ sub: "s1", acr: "urn:be:fedict:iam:fas:Level450", egovNRN: p.niss }, config, { today, choice: null, client: {} })).toMatchObject({ fas: "refused" });
    expect(await fasProfile({ sub: "s1", acr: "urn:be:fedict:iam:fas:Level400", nrn: p.niss }, config, { today, choice: null, client: {} })).toMatchObject({ fas: "refused" });
    expect(await fasProfile({ sub: "s1", acr: "urn:be:fedict:iam:fas:Level450", nrn: 12345678901 }, config, { today, choice: null, client: {} })).toMatchObject({ fas: "refused" });
  });

  it("the affiliate's page lists the companies they direct today; only those can be chosen", async () => {
    const p = await person("Mia", { email: "mia@example.be" });
    const user = await createUser(prisma, { email: "mia@example.be", passwordHash: UNUSABLE_HASH, role: "AFFILIATE", name: "Mia Test", affiliateId: p.affiliateId });
    const z = await company("Zulu SRL", p.personId);
    const a = await company("Able SRL", p.personId);
    await company("Gone SRL", p.personId, { toOn: "2025-12-31" });
    const someoneElse = await person("Nico");
    const foreign = await company("Foreign SRL", someoneElse.personId);
    const viewer = viewerOf(user);
    expect(await getMyDirectedCompanies(viewer, today)).toEqual([
      { affiliateId: a.affiliateId, name: "Able SRL" },
      { affiliateId: z.affiliateId, name: "Zulu SRL" },
    ]);
    const remembered: string[] = [];
    await chooseDirectedCompany(viewer, z.affiliateId!, today, async (id) => void remembered.push(id));
    await expect(chooseDirectedCompany(viewer, foreign.affiliateId!, today, async (id) => void remembered.push(id))).rejects.toThrow("not found");
    expect(remembered).toEqual([z.affiliateId]);
    // a company's own login directs nothing
    const companyLogin = await createUser(prisma, { email: "zulu@example.be", passwordHash: UNUSABLE_HASH, role: "AFFILIATE", name: "Zulu SRL", affiliateId: z.affiliateId });
    expect(await getMyDirectedCompanies(viewerOf(companyLogin), today)).toEqual([]);
  });
});
