"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import type { Resolver } from "react-hook-form";
import { MeForm } from "./me-form";
import { paymentPlanRequestSchema, type PaymentPlanRequestInput } from "@/lib/schemas/me-requests";
import { requestPaymentPlanAction } from "@/lib/actions/me-requests";

export function PlanForm({ months }: { months: string }) {
  const t = useTranslations("ss_plan");
  return (
    <MeForm<PaymentPlanRequestInput>
      ns="ss_plan"
      idPrefix="plan"
      resolver={zodResolver(paymentPlanRequestSchema) as unknown as Resolver<PaymentPlanRequestInput>}
      defaults={{ months }}
      fields={[{ name: "months", kind: "text", inputMode: "numeric" }]}
      action={requestPaymentPlanAction as never}
      draftKey="ss-draft-plan"
      review
      submitLabel={t("submit")}
    />
  );
}
