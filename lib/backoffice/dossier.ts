// Why a staff member opens a dossier (logged in AuditLog 'dossier.view', shown to the affiliate), and the
// dossier's single timeline.
export const DOSSIER_VIEW_REASONS = ["consultation", "phone", "request", "message", "recovery", "benefit"] as const;
export type DossierViewReason = (typeof DOSSIER_VIEW_REASONS)[number];

export function viewReason(value: string | undefined): DossierViewReason {
  return (DOSSIER_VIEW_REASONS as readonly string[]).includes(value ?? "") ? (value as DossierViewReason) : "consultation";
}

export type TimelineEntry = {
  at: string; // ISO timestamp or YYYY-MM-DD
  kind: "request" | "note" | "document" | "message" | "recovery" | "claim" | "ledger";
  params: Record<string, string>;
  href?: string;
};

/** One timeline, the most recent first; a date without a time sorts as the end of that day. */
export function mergeTimeline(...parts: TimelineEntry[][]): TimelineEntry[] {
  const key = (e: TimelineEntry) => (e.at.length === 10 ? `${e.at}T23:59:59.999Z` : e.at);
  return parts.flat().sort((a, b) => key(b).localeCompare(key(a)) || a.kind.localeCompare(b.kind));
}
