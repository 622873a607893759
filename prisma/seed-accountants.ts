// The demo accountant (issue #17): an ITAA member with their own login and second factor, holding mandates from Julie
// Dubois (read, file requests, receive the notices), her husband Marc (read only), their company and a few other
// affiliates, and waiting for one more client's answer. README, "Demo logins".
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createUser } from "./factories";

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

export async function seedAccountants(
  prisma: PrismaClient,
  passwordHash: string,
  clients: { julie: string; marc: string; company: string; others: string[]; asking: string },
  today: string,
  totpSecret: (email: string) => Promise<{ totpSecret: string; totpEnabledAt: Date } | null>,
) {
  const accountant = await createUser(prisma, { email: "accountant@demo.caisse.be", passwordHash, role: "ACCOUNTANT", name: "Luc Janssens" });
  await prisma.user.update({ where: { id: accountant.id }, data: { itaaNumber: "50123456", ...((await totpSecret(accountant.email)) ?? {}) } });
  const since = "2026-01-01";
  const active = (affiliateId: string, canFileRequests: boolean, receivesNotices: boolean) => ({
    affiliateId,
    accountantId: accountant.id,
    canFileRequests,
    receivesNotices,
    validFrom: day(since),
    status: "ACTIVE" as const,
    decidedAt: day(since),
    createdAt: day(since),
  });
  await prisma.accountantMandate.createMany({
    data: [
      active(clients.julie, true, true),
      active(clients.marc, false, false),
      active(clients.company, true, false),
      ...clients.others.map((id, i) => active(id, i % 2 === 0, false)),
      { affiliateId: clients.asking, accountantId: accountant.id, canFileRequests: true, receivesNotices: false, validFrom: day(today), status: "REQUESTED" as const, askedByAccountant: true },
    ],
  });
  return accountant;
}
