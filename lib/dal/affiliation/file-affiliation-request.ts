import "server-only";
import crypto from "node:crypto";
import { prisma } from "@/lib/db/client";
import { dbDate } from "@/lib/clock";
import { type Viewer } from "@/lib/auth/viewer";
import { charterDeadlines } from "@/lib/domain";
import type { AffiliationInput } from "@/lib/schemas/backoffice-affiliation";

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
