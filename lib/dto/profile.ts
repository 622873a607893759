// The shapes of the affiliate's profile page.
import type { OfficialLocale } from "@/lib/i18n/config";
export type NotificationPrefs = { email: boolean; sms: boolean; paper: boolean };

export type MyProfile = {
  kind: "PERSON" | "COMPANY";
  email: string;
  phone: string;
  street: string;
  postalCode: string;
  city: string;
  language: OfficialLocale;
  prefs: NotificationPrefs;
  refundIban: string;
};

export type ProfileUpdate = Omit<MyProfile, "kind">;
