"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { MeForm } from "./me-form";
import { mandateRequestSchema, type MandateRequestInput } from "@/lib/schemas/me-pay";
import { requestMandateAction } from "@/lib/actions/me-pay";
import type { Resolver } from "react-hook-form";

export function MandateForm() {
  const t = useTranslations("ss_mandate");
  return (
    <MeForm<MandateRequestInput>
      ns="ss_mandate"
      idPrefix="mandate"
      resolver={zodResolver(mandateRequestSchema) as unknown as Resolver<MandateRequestInput>}
      defaults={{ iban: "", consent: "" as "yes" }}
      fields={[
        { name: "iban", kind: "text", autoComplete: "off" },
        { name: "consent", kind: "checkbox" },
      ]}
      action={requestMandateAction as never}
      draftKey="ss-draft-mandate"
      submitLabel={t("submit")}
      successText={(reference) => t("created", { reference })}
    />
  );
}
