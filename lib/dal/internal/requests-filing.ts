import "server-only";
import { prisma } from "@/lib/db/client";
import { dbDate } from "@/lib/clock";
import { type Viewer } from "@/lib/auth/viewer";
import { charterDeadlines, yearOf } from "@/lib/domain";
import { formatRequestReference, parseRequestReference } from "@/lib/domain/request-reference";
import { attachEvidence, checkedEvidenceOrThrow } from "@/lib/dal/internal/evidence";
import type { EvidenceUpload } from "@/lib/formats/evidence";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { RequestType } from "@/lib/generated/prisma/enums";
import { withRetry } from "@/lib/dal/internal/retry";

// Affiliate requests: payment plan (decided at once inside the fund's policy), question/complaint to the named
// advisor, and the status page. Every function takes the viewer first; the dossier is the caller's own.

type Tx = Prisma.TransactionClient;

/** Next free 'D-YYYY-NNNNNN' for the year (the unique index refuses a concurrent duplicate; callers retry). */
export async function nextReference(tx: Tx, year: number): Promise<string> {
  const last = await tx.request.findFirst({
    where: { reference: { startsWith: `D-${year}-` } },
    orderBy: { reference: "desc" },
    select: { reference: true },
  });
  const serial = last ? (parseRequestReference(last.reference)?.serial ?? 0) + 1 : 1;
  return formatRequestReference(year, serial);
}

/**
 * Files an affiliate's request decided later by the dossier's advisor (exemption, surcharge waiver, bridging right,
 * caregiver allowance): SUBMITTED with its Charte decision deadline, assigned to the advisor, its first event and its
 * evidence — all in one serializable transaction (retried on a conflict), so a refused file or a duplicate writes
 * nothing. `isDuplicate` runs inside that transaction (two concurrent submissions cannot both pass); `alsoWrite`
 * adds what belongs to the request (e.g. its BenefitClaim). Returns null when `isDuplicate` says so.
 */
export async function fileSubmittedRequest(
  viewer: Viewer,
  affiliateId: string,
  today: string,
  input: {
    type: RequestType;
    payload: Record<string, unknown>;
    evidence: readonly EvidenceUpload[];
    isDuplicate: (tx: Tx) => Promise<boolean>;
    alsoWrite?: (tx: Tx, requestId: string) => Promise<unknown>;
  },
): Promise<{ reference: string; decisionDueOn: string } | null> {
  const files = await checkedEvidenceOrThrow(input.evidence);
  const affiliate = await prisma.affiliate.findUniqueOrThrow({ where: { id: affiliateId }, select: { advisorId: true } });
  const { decisionDueOn } = charterDeadlines({ filedOn: today });
  const reference = await withRetry(() =>
    prisma.$transaction(
      async (tx) => {
        if (await input.isDuplicate(tx)) return null;
        const reference = await nextReference(tx, yearOf(today));
        const request = await tx.request.create({
          data: {
            reference,
            type: input.type,
            status: "SUBMITTED",
            affiliateId,
            payload: input.payload as Prisma.InputJsonObject,
            filedOn: dbDate(today),
            decisionDueOn: dbDate(decisionDueOn),
            assigneeId: affiliate.advisorId,
            events: { create: [{ toStatus: "SUBMITTED", actorId: viewer.userId }] },
          },
        });
        await input.alsoWrite?.(tx, request.id);
        await attachEvidence(tx, affiliateId, request.id, files);
        return reference;
      },
      { isolationLevel: "Serializable" },
    ),
  );
  return reference ? { reference, decisionDueOn } : null;
}
