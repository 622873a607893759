// The INASTI-decided requests (exemption, surcharge waiver): reviewed by the fund, forwarded to INASTI, whose
// decision is then recorded — in-review → forwarded → accepted | refused, only for these two types.
import { describe, expect, it } from "vitest";
import {
  allowedRequestTransitions,
  INASTI_DECIDED,
  isInastiDecided,
  isTerminalRequestState,
  REQUEST_STATES,
  REQUEST_TYPES,
  transitionRequest,
} from "../../../lib/domain/transition-request";

describe("INASTI-decided requests", () => {
  it("exemption and surcharge waiver are forwarded, then accepted or refused", () => {
    expect(INASTI_DECIDED).toEqual(["exemption", "surcharge-waiver"]);
    for (const type of INASTI_DECIDED) {
      expect(isInastiDecided(type)).toBe(true);
      expect(allowedRequestTransitions(type, "in-review")).toEqual(["information-requested", "forwarded", "withdrawn"]);
      expect(transitionRequest(type, "in-review", "forwarded")).toEqual({ ok: true, state: "forwarded" });
      expect(transitionRequest(type, "forwarded", "accepted")).toEqual({ ok: true, state: "accepted" });
      expect(transitionRequest(type, "forwarded", "refused")).toEqual({ ok: true, state: "refused" });
      // the fund never decides them itself, and a forwarded request waits for INASTI
      expect(transitionRequest(type, "in-review", "accepted")).toEqual({ ok: false, code: "request.transitionNotAllowed" });
      expect(transitionRequest(type, "in-review", "refused").ok).toBe(false);
      expect(transitionRequest(type, "forwarded", "in-review").ok).toBe(false);
      expect(transitionRequest(type, "forwarded", "closed").ok).toBe(false);
      expect(transitionRequest(type, "submitted", "forwarded").ok).toBe(false);
      // after INASTI's decision the usual end: closed
      expect(transitionRequest(type, "accepted", "closed").ok).toBe(true);
    }
  });

  it("no other type can be forwarded", () => {
    for (const type of REQUEST_TYPES.filter((t) => !INASTI_DECIDED.includes(t))) {
      expect(isInastiDecided(type)).toBe(false);
      expect(transitionRequest(type, "in-review", "forwarded")).toEqual({ ok: false, code: "request.transitionNotAllowed" });
    }
    expect(transitionRequest("reduction", "in-review", "accepted").ok).toBe(true);
  });

  it("forwarded is a state with a way out (not terminal)", () => {
    expect(REQUEST_STATES).toContain("forwarded");
    expect(isTerminalRequestState("forwarded")).toBe(false);
    for (const type of REQUEST_TYPES) expect(allowedRequestTransitions(type, "forwarded").length).toBeGreaterThan(0);
  });
});
