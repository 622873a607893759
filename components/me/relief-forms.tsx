"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import type { Resolver } from "react-hook-form";
import { MeForm } from "./me-form";
import { BRIDGING_CASES, bridgingRightRequestSchema, CAREGIVER_CARE_FOR, CAREGIVER_INTERRUPTIONS, CAREGIVER_MONTHS, caregiverAllowanceRequestSchema, exemptionRequestSchema, surchargeWaiverRequestSchema, type BridgingRightRequestInput, type CaregiverAllowanceRequestInput, type ExemptionRequestInput, type SurchargeWaiverRequestInput } from "@/lib/schemas/me-relief";
import { EXEMPTION_REASONS } from "@/lib/domain/check-exemption-eligibility";
import { WAIVER_GROUNDS } from "@/lib/domain/check-surcharge-waiver-eligibility";
import { isIsoDate } from "@/lib/domain/dates";
import { caregiverFiledLate } from "@/lib/domain/caregiver-filing";
import { requestBridgingRightAction, requestCaregiverAllowanceAction, requestExemptionAction, requestSurchargeWaiverAction } from "@/lib/actions/me-relief";

// The four request forms of exemption, surcharge waiver, bridging right and caregiver allowance. The calls offered
// are the caller's own eligible calls (labels translated by the page); the server checks them again.

type CallOption = { id: string; label: string };
const labels = (calls: CallOption[]) => Object.fromEntries(calls.map((c) => [c.id, c.label]));

export function ExemptionForm({ calls }: { calls: CallOption[] }) {
  const t = useTranslations("ss_exemption");
  return (
    <MeForm<ExemptionRequestInput>
      ns="ss_exemption"
      idPrefix="exemption"
      resolver={zodResolver(exemptionRequestSchema) as unknown as Resolver<ExemptionRequestInput>}
      defaults={{ callIds: [], reason: "" as "OTHER", motivation: "", evidence: [] }}
      fields={[
        { name: "callIds", kind: "checkboxes", options: calls.map((c) => c.id), optionLabels: labels(calls) },
        { name: "reason", kind: "select", options: ["", ...EXEMPTION_REASONS] },
        { name: "motivation", kind: "textarea" },
        { name: "evidence", kind: "file" },
      ]}
      action={requestExemptionAction as never}
      draftKey="ss-draft-exemption"
      review
      submitLabel={t("submit")}
    />
  );
}

export function SurchargeWaiverForm({ calls }: { calls: CallOption[] }) {
  const t = useTranslations("ss_waiver");
  return (
    <MeForm<SurchargeWaiverRequestInput>
      ns="ss_waiver"
      idPrefix="waiver"
      resolver={zodResolver(surchargeWaiverRequestSchema) as unknown as Resolver<SurchargeWaiverRequestInput>}
      defaults={{ callIds: [], ground: "" as "DESERVING", motivation: "", evidence: [] }}
      fields={[
        { name: "callIds", kind: "checkboxes", options: calls.map((c) => c.id), optionLabels: labels(calls) },
        { name: "ground", kind: "select", options: ["", ...WAIVER_GROUNDS] },
        { name: "motivation", kind: "textarea" },
        { name: "evidence", kind: "file" },
      ]}
      action={requestSurchargeWaiverAction as never}
      draftKey="ss-draft-waiver"
      review
      submitLabel={t("submit")}
    />
  );
}

export function BridgingRightForm() {
  const t = useTranslations("ss_bridging");
  return (
    <MeForm<BridgingRightRequestInput>
      ns="ss_bridging"
      idPrefix="bridging"
      resolver={zodResolver(bridgingRightRequestSchema) as unknown as Resolver<BridgingRightRequestInput>}
      defaults={{ case: "" as "BANKRUPTCY", eventOn: "", familyCharge: false, motivation: "", evidence: [] }}
      fields={[
        { name: "case", kind: "select", options: ["", ...BRIDGING_CASES] },
        { name: "eventOn", kind: "date" },
        { name: "familyCharge", kind: "checkbox" },
        { name: "motivation", kind: "textarea" },
        { name: "evidence", kind: "file" },
      ]}
      action={requestBridgingRightAction as never}
      draftKey="ss-draft-bridging"
      review
      submitLabel={t("submit")}
    />
  );
}

export function CaregiverAllowanceForm({ today }: { today: string }) {
  const t = useTranslations("ss_caregiver");
  return (
    <MeForm<CaregiverAllowanceRequestInput>
      ns="ss_caregiver"
      idPrefix="caregiver"
      resolver={zodResolver(caregiverAllowanceRequestSchema) as unknown as Resolver<CaregiverAllowanceRequestInput>}
      defaults={{ interruption: "" as "FULL", startOn: "", months: "" as "1", careFor: "" as "PARTNER", motivation: "", evidence: [] }}
      fields={[
        { name: "interruption", kind: "select", options: ["", ...CAREGIVER_INTERRUPTIONS] },
        { name: "startOn", kind: "date" },
        { name: "months", kind: "select", options: ["", ...CAREGIVER_MONTHS] },
        { name: "careFor", kind: "select", options: ["", ...CAREGIVER_CARE_FOR] },
        { name: "motivation", kind: "textarea" },
        { name: "evidence", kind: "file" },
      ]}
      action={requestCaregiverAllowanceAction as never}
      draftKey="ss-draft-caregiver"
      review
      submitLabel={t("submit")}
      aside={(v) =>
        typeof v.startOn === "string" && isIsoDate(v.startOn) && caregiverFiledLate(v.startOn, today) ? (
          <p className="border-l-4 border-warn-800 p-2 text-warn-800" data-testid="caregiver-late">
            {t("lateWarning")}
          </p>
        ) : null
      }
    />
  );
}
