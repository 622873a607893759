// The shapes of the affiliate's profile page.
export type NotificationPrefs = { email: boolean; sms: boolean; paper: boolean };

export type MyProfile = {
  kind: "PERSON" | "COMPANY";
  email: string;
  phone: string;
  street: string;
  postalCode: string;
  city: string;
  language: "fr" | "nl";
  prefs: NotificationPrefs;
  refundIban: string;
};

export type ProfileUpdate = Omit<MyProfile, "kind">;
