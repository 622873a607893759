import { describe, expect, it } from "vitest";
import { bridgingRightRequestSchema, caregiverAllowanceRequestSchema, exemptionRequestSchema } from "@/lib/schemas/me-relief";
import { formInput } from "@/lib/actions/form-input";
import { EVIDENCE_MAX_BYTES } from "@/lib/domain/evidence-limits";

const pdf = (name: string, size = 20) => new File([new Uint8Array(size)], name, { type: "application/pdf" });
const motivation = "Mon activité est à l'arrêt depuis trois mois.";
const messages = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  (r.error?.issues ?? []).map((i) => `${i.path.join(".")}:${i.message}`);

describe("request schemas shared by the forms and the actions", () => {
  it("reads checkbox groups and files from FormData (server side) exactly like the client values", () => {
    const fd = new FormData();
    fd.append("callIds", "c1");
    fd.append("callIds", "c2");
    fd.set("reason", "DISASTER");
    fd.set("motivation", motivation);
    fd.append("evidence", pdf("a.pdf"));
    fd.append("evidence", new File([], "")); // an untouched file input
    const r = exemptionRequestSchema.safeParse(formInput(fd, ["callIds"]));
    expect(r.success).toBe(true);
    expect(r.data).toMatchObject({ callIds: ["c1", "c2"], reason: "DISASTER", motivation });
    expect(r.data!.evidence.map((f) => f.name)).toEqual(["a.pdf"]);
    // a group of one checkbox (string) and none at all (false)
    expect(exemptionRequestSchema.safeParse({ callIds: "c1", reason: "OTHER", motivation, evidence: [] }).data?.callIds).toEqual(["c1"]);
    expect(messages(exemptionRequestSchema.safeParse({ callIds: false, reason: "", motivation: "court", evidence: [] }))).toEqual([
      "callIds:callsRequired",
      "reason:reasonRequired",
      "motivation:motivationTooShort",
    ]);
  });

  it("names the file that is too large, refuses a fourth file, requires evidence where the law asks for it", () => {
    const big = pdf("scan.pdf", EVIDENCE_MAX_BYTES + 1);
    expect(messages(exemptionRequestSchema.safeParse({ callIds: ["c"], reason: "OTHER", motivation, evidence: [big] }))).toEqual(["evidence:evidenceTooLarge|scan.pdf"]);
    expect(messages(exemptionRequestSchema.safeParse({ callIds: ["c"], reason: "OTHER", motivation, evidence: [1, 2, 3, 4].map((i) => pdf(`${i}.pdf`)) }))).toEqual(["evidence:evidenceTooMany"]);
    const bridging = { case: "BANKRUPTCY", eventOn: "2026-10-15", familyCharge: "yes", motivation };
    expect(messages(bridgingRightRequestSchema.safeParse({ ...bridging, evidence: [] }))).toEqual(["evidence:evidenceRequired"]);
    expect(bridgingRightRequestSchema.safeParse({ ...bridging, evidence: [pdf("j.pdf")] }).data?.familyCharge).toBe(true);
    expect(bridgingRightRequestSchema.safeParse({ ...bridging, familyCharge: "", evidence: [pdf("j.pdf")] }).data?.familyCharge).toBe(false);
    expect(messages(bridgingRightRequestSchema.safeParse({ ...bridging, eventOn: "2026-02-30", evidence: [pdf("j.pdf")] }))).toEqual(["eventOn:dateInvalid"]);
  });

  it("caregiver: 1 to 6 months only", () => {
    const base = { interruption: "HALF", startOn: "2026-11-02", careFor: "DISABLED_CHILD", motivation, evidence: [pdf("c.pdf")] };
    expect(caregiverAllowanceRequestSchema.safeParse({ ...base, months: "6" }).success).toBe(true);
    expect(messages(caregiverAllowanceRequestSchema.safeParse({ ...base, months: "7" }))).toEqual(["months:caregiverMonthsRange"]);
  });
});
