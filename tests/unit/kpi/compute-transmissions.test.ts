import { describe, expect, it } from "vitest";
import { onTimeState, transmissionObservations, type TransmissionRecord } from "@/lib/kpi/compute-transmissions";

const t: TransmissionRecord = { id: "t1", kind: "MUTUALITY_BENEFIT_PAYMENTS", fileName: "mutualite-paiements-2027-01-15.csv", dueOn: "2027-02-01", sentOn: null };

describe("transmissions on time", () => {
  it("is on time when sent by the due date, late when sent after it or still unsent once it passed", () => {
    expect(onTimeState({ dueOn: "2027-02-01", sentOn: "2027-02-01" }, "2027-05-01")).toBe("onTime");
    expect(onTimeState({ dueOn: "2027-02-01", sentOn: "2027-02-02" }, "2027-02-02")).toBe("late");
    expect(onTimeState({ dueOn: "2027-02-01", sentOn: null }, "2027-02-01")).toBe("pending");
    expect(onTimeState({ dueOn: "2027-02-01", sentOn: null }, "2027-02-02")).toBe("late");
  });

  it("observes a file once due or sent, in its due month, under its kind's indicator", () => {
    expect(transmissionObservations(t, "2027-01-20")).toEqual([]);
    expect(transmissionObservations({ ...t, sentOn: "2027-01-20" }, "2027-01-20")).toEqual([
      expect.objectContaining({ indicator: "mutuality_on_time", month: "2027-02-01", ok: true, numerator: 1, denominator: 1, recordId: "t1", reference: t.fileName, affiliateId: null, on: "2027-02-01" }),
    ]);
    expect(transmissionObservations({ ...t, kind: "INASTI_CAREER", dueOn: "2027-03-31" }, "2027-04-01")).toEqual([expect.objectContaining({ indicator: "inasti_on_time", ok: false, numerator: 0 })]);
    // the incapacity attestations go to the mutuality too: same indicator
    expect(transmissionObservations({ ...t, kind: "MUTUALITY_INCAPACITY_ATTESTATIONS", sentOn: "2027-02-03" }, "2027-02-03")).toEqual([expect.objectContaining({ indicator: "mutuality_on_time", ok: false })]);
  });
});
