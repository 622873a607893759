// Request life cycle (docs/design.md §4 "Requests and cases"); 'information-requested' pauses the Charte decision clock (law 11-4-1995 art. 10).
import type { ClockPause } from "./compute-charter-deadlines";
import { compareDates, type IsoDate } from "./dates";

export const REQUEST_TYPES = [
  "affiliation",
  "payment-plan",
  "reduction",
  "increase",
  "exemption",
  "surcharge-waiver",
  "maternity-aid",
  "bridging-right",
  "caregiver-allowance",
  "question",
  "complaint",
  "end-of-activity",
  "illness-assimilation",
  "continued-insurance",
  "joint-liability-release",
] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];

export const REQUEST_STATES = [
  "draft",
  "submitted",
  "in-review",
  "information-requested",
  "forwarded",
  "accepted",
  "refused",
  "withdrawn",
  "closed",
] as const;
export type RequestState = (typeof REQUEST_STATES)[number];

const TRANSITIONS: Readonly<Record<RequestState, readonly RequestState[]>> = {
  draft: ["submitted", "withdrawn"],
  submitted: ["in-review", "withdrawn"],
  "in-review": ["information-requested", "accepted", "refused", "withdrawn"],
  "information-requested": ["in-review", "withdrawn"],
  forwarded: ["accepted", "refused"],
  accepted: ["closed"],
  refused: ["closed"],
  withdrawn: [],
  closed: [],
};

/** Questions and complaints get an answer, not a decision: in-review goes straight to closed. */
const ANSWER_ONLY: readonly RequestType[] = ["question", "complaint"];

/** Exemptions and surcharge waivers are decided by INASTI (docs/domain.md §7.1, §7.3): the fund reviews them and
 *  forwards them; INASTI's decision is then recorded (forwarded → accepted | refused). */
export const INASTI_DECIDED: readonly RequestType[] = ["exemption", "surcharge-waiver"];

export function isInastiDecided(type: RequestType): boolean {
  return INASTI_DECIDED.includes(type);
}

export function allowedRequestTransitions(type: RequestType, from: RequestState): RequestState[] {
  if (ANSWER_ONLY.includes(type) && from === "in-review") return ["information-requested", "closed", "withdrawn"];
  if (isInastiDecided(type) && from === "in-review") return ["information-requested", "forwarded", "withdrawn"];
  return [...TRANSITIONS[from]];
}

export type RequestTransitionResult = { ok: true; state: RequestState } | { ok: false; code: "request.transitionNotAllowed" };

export function transitionRequest(type: RequestType, from: RequestState, to: RequestState): RequestTransitionResult {
  return allowedRequestTransitions(type, from).includes(to)
    ? { ok: true, state: to }
    : { ok: false, code: "request.transitionNotAllowed" };
}

export function isTerminalRequestState(state: RequestState): boolean {
  return state === "withdrawn" || state === "closed";
}

/** Clock pauses from a request's transition history (each stay in 'information-requested'); an open stay ends on `today`. */
export function pausesFromTransitions(history: { to: RequestState; on: IsoDate }[], today: IsoDate): ClockPause[] {
  const sorted = [...history].sort((a, b) => compareDates(a.on, b.on));
  const pauses: ClockPause[] = [];
  let pausedSince: IsoDate | null = null;
  for (const event of sorted) {
    if (event.to === "information-requested") {
      pausedSince ??= event.on;
    } else if (pausedSince !== null) {
      pauses.push({ from: pausedSince, to: event.on });
      pausedSince = null;
    }
  }
  if (pausedSince !== null) pauses.push({ from: pausedSince, to: today });
  return pauses;
}
