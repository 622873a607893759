"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import type { Resolver } from "react-hook-form";
import { MeForm, type MeField } from "./me-form";
import { profileSchema, type ProfileInput } from "@/lib/schemas/me-profile";
import { updateProfileAction } from "@/lib/actions/me-profile";

export function ProfileForm({ defaults, company }: { defaults: ProfileInput; company: boolean }) {
  const t = useTranslations("ss_profile");
  const fields: MeField[] = [
    ...(company ? [] : ([{ name: "email", kind: "text", autoComplete: "email" }, { name: "phone", kind: "text", autoComplete: "tel" }] as MeField[])),
    { name: "street", kind: "text", autoComplete: "street-address" },
    { name: "postalCode", kind: "text", inputMode: "numeric", autoComplete: "postal-code" },
    { name: "city", kind: "text", autoComplete: "address-level2" },
    { name: "language", kind: "select", options: ["fr", "nl", "de"] },
    { name: "notifyEmail", kind: "checkbox" },
    { name: "notifySms", kind: "checkbox" },
    { name: "notifyPaper", kind: "checkbox" },
    { name: "refundIban", kind: "text", autoComplete: "off" },
    // step-up: asked only when the e-mail address or the refund account changes (checked on the server)
    { name: "currentPassword", kind: "password", autoComplete: "current-password" },
  ];
  return (
    <MeForm<ProfileInput>
      ns="ss_profile"
      idPrefix="profile"
      resolver={zodResolver(profileSchema) as unknown as Resolver<ProfileInput>}
      defaults={defaults}
      fields={fields}
      action={updateProfileAction as never}
      submitLabel={t("submit")}
      successText={() => t("saved")}
    />
  );
}
