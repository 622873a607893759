// The life-event guides of the fund's service commitment (§1 "information and support"): eight situations, each
// linking to the forms that help in it. Texts live in the ss_guides catalogue under the slug.
export type GuideLink = { href: string; label: "simulator" | "contribution" | "paymentPlan" | "question" | "pay" | "documents" | "exemption" | "surchargeWaiver" | "bridgingRight" | "caregiver" | "familyAllowances" };

export type Guide = { slug: string; links: GuideLink[] };

export const GUIDES: readonly Guide[] = [
  { slug: "starting", links: [{ href: "/simulator", label: "simulator" }, { href: "/me/requests/contribution", label: "contribution" }, { href: "/me/requests/question", label: "question" }] },
  { slug: "family", links: [{ href: "/guides/family-allowances", label: "familyAllowances" }, { href: "/me/requests/caregiver", label: "caregiver" }, { href: "/me/requests/question", label: "question" }, { href: "/me/documents", label: "documents" }] },
  { slug: "health", links: [{ href: "/me/requests/caregiver", label: "caregiver" }, { href: "/me/requests/question", label: "question" }] },
  {
    slug: "payment-difficulties",
    links: [
      { href: "/me/requests/payment-plan", label: "paymentPlan" },
      { href: "/me/requests/exemption", label: "exemption" },
      { href: "/me/requests/surcharge-waiver", label: "surchargeWaiver" },
      { href: "/me/requests/contribution", label: "contribution" },
      { href: "/me/pay", label: "pay" },
    ],
  },
  { slug: "bankruptcy", links: [{ href: "/me/requests/bridging-right", label: "bridgingRight" }, { href: "/me/requests/question", label: "question" }, { href: "/me/requests/payment-plan", label: "paymentPlan" }] },
  { slug: "pension", links: [{ href: "/me/requests/question", label: "question" }, { href: "/me/documents", label: "documents" }] },
  { slug: "complementary-pension", links: [{ href: "/me/requests/question", label: "question" }] },
  { slug: "stopping", links: [{ href: "/me/requests/bridging-right", label: "bridgingRight" }, { href: "/me/documents", label: "documents" }, { href: "/me/requests/question", label: "question" }] },
];

export function guideBySlug(slug: string): Guide | null {
  return GUIDES.find((g) => g.slug === slug) ?? null;
}
