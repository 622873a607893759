// The files owed to the mutuality and INASTI (issue #18 part 6) as indicators: a file counts once it is due or sent,
// in its due month, and is on time when marked sent on or before its due date (the fund's dates). Pure: the refresh
// (refresh.ts) and the transmissions page (lib/dal/transmissions) read the same rule here. Both mutuality files (the
// benefit payments and the incapacity attestations) count toward mutuality_on_time: same institution, same 30-day
// policy, one commitment; the page still shows each kind's share.
import type { TransmissionKind } from "@/lib/generated/prisma/enums";
import { obs, type Observation } from "./compute";

export type TransmissionRecord = { id: string; kind: TransmissionKind; fileName: string; dueOn: string; sentOn: string | null };

export const TRANSMISSION_INDICATORS = ["mutuality_on_time", "inasti_on_time"] as const;

/** Sent on time, sent late or unsent past its due date ("late"), or unsent and not yet due ("pending"). */
export function onTimeState(t: { dueOn: string; sentOn: string | null }, today: string): "onTime" | "late" | "pending" {
  if (t.sentOn) return t.sentOn <= t.dueOn ? "onTime" : "late";
  return today > t.dueOn ? "late" : "pending";
}

export function transmissionObservations(t: TransmissionRecord, today: string): Observation[] {
  const state = onTimeState(t, today);
  if (state === "pending") return [];
  const indicator = t.kind === "INASTI_CAREER" ? "inasti_on_time" : "mutuality_on_time";
  return [obs(indicator, t.dueOn, { category: "", advisorId: "", requestType: "", affiliateId: null, recordId: t.id, reference: t.fileName }, state === "onTime")];
}
