"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import type { Resolver } from "react-hook-form";
import { MeForm, type MeField } from "@/components/me/me-form";
import { grantMandateSchema, type GrantMandateInput } from "@/lib/schemas/accountants";
import { grantMandateAction } from "@/lib/actions/accountants";

const FIELDS: MeField[] = [
  { name: "itaaNumber", kind: "text", inputMode: "numeric", autoComplete: "off" },
  { name: "canFileRequests", kind: "checkbox" },
  { name: "receivesNotices", kind: "checkbox" },
  { name: "validFrom", kind: "date" },
  { name: "validUntil", kind: "date" },
];

/** The affiliate gives an accountant access to their file: who (ITAA number), which rights, from and until when. */
export function GrantMandateForm({ today }: { today: string }) {
  const t = useTranslations("acc_mandates");
  return (
    <MeForm<GrantMandateInput>
      ns="acc_mandates"
      idPrefix="grant"
      resolver={zodResolver(grantMandateSchema) as unknown as Resolver<GrantMandateInput>}
      defaults={{ itaaNumber: "", canFileRequests: false, receivesNotices: false, validFrom: today, validUntil: "" }}
      fields={FIELDS}
      action={grantMandateAction as never}
      review
      submitLabel={t("grant")}
      successText={(accountant) => t("granted", { accountant })}
    />
  );
}
