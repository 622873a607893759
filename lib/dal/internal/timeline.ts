// The dossier's single timeline: every source's entries merged, newest first.
import { type TimelineEntry } from "@/lib/dto/dossiers";

/** One timeline, the most recent first; a date without a time sorts as the end of that day. */
export function mergeTimeline(...parts: TimelineEntry[][]): TimelineEntry[] {
  const key = (e: TimelineEntry) => (e.at.length === 10 ? `${e.at}T23:59:59.999Z` : e.at);
  return parts.flat().sort((a, b) => key(b).localeCompare(key(a)) || a.kind.localeCompare(b.kind));
}
