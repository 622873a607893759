// The shapes of the fund's information channels: the contact page (offices, opening hours), the contacts staff record
// on a dossier, and the information bulletin (issue #18, parts 4 and 5).

/** Opening hours of one day: day 1–7 (Monday–Sunday), "HH:MM" to "HH:MM"; a day may have several ranges. */
export type OpeningRange = { day: number; opens: string; closes: string };

export type FundOffice = { name: string; street: string; postalCode: string; city: string; hours: OpeningRange[] };

export type FundContact = {
  name: string;
  address: string;
  phone: string;
  email: string;
  dpoEmail: string;
  phoneHours: OpeningRange[];
  offices: FundOffice[];
  /** YYYY-MM-DD: when the accessibility statement was last checked (null: never) */
  accessibilityCheckedOn: string | null;
};

export const CONTACT_CHANNELS = ["PHONE", "LETTER", "OFFICE_VISIT", "EMAIL"] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

export type DossierContactEntry = {
  id: string;
  channel: ContactChannel;
  occurredOn: string;
  summary: string;
  authorName: string;
  /** the scanned letter (an EVIDENCE document, downloaded through /api/evidence/[id]) */
  document: { id: string; fileName: string } | null;
};

export const BULLETIN_TOPICS = ["CONTRIBUTIONS", "BENEFITS", "FUND_NEWS"] as const;
export type BulletinTopic = (typeof BULLETIN_TOPICS)[number];

/** One issue as readers see it, in one language (publishedAt null: a draft in its preview). */
export type BulletinIssue = { id: string; topic: BulletinTopic; language: "fr" | "nl"; title: string; body: string; publishedAt: string | null };

/** One issue as staff see it: both languages, its state. */
export type StaffBulletin = {
  id: string;
  topic: BulletinTopic;
  titleFr: string;
  bodyFr: string;
  titleNl: string;
  bodyNl: string;
  status: "DRAFT" | "PUBLISHED";
  publishedAt: string | null;
  updatedAt: string;
  authorName: string;
};
