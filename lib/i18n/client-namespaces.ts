// The catalogue namespaces each part of the portal sends to the browser. A client component's translations travel
// in the page (the React Server Components payload, then the HTML): the whole catalogue was 195 KB of French on every
// page, the sign-in page included, while the client components of any one part use a fifth of it. Each part's layout
// gives its client components only these namespaces (components/i18n/client-messages.tsx); the server side still
// reads the whole catalogue. tests/unit/i18n/client-namespaces.test.ts walks each part's imports and fails when a
// client component (or a form's `ns`) uses a namespace its part does not send, or when a listed one is not used.

export type PortalPart = "root" | "public" | "affiliate" | "staff" | "accountant";

/** What the part's client components use; "root" is under every part (app/layout.tsx, app/not-found.tsx). */
export const CLIENT_NAMESPACES: Record<PortalPart, readonly string[]> = {
  root: [],
  public: ["auth_activate", "auth_forgot", "auth_form", "auth_login", "auth_reset", "bo_affiliation", "errors", "fas", "language", "login", "nav", "passkeys", "second_factor"],
  affiliate: [
    "acc_mandates", "cv_reply", "errors", "fas", "info_subscriptions", "nav", "ss_bridging", "ss_calls", "ss_caregiver", "ss_change", "ss_continued",
    "ss_end_activity", "ss_exemption", "ss_form", "ss_illness", "ss_joint_release", "ss_mandate", "ss_plan", "ss_profile", "ss_question", "ss_requests",
    "ss_status", "ss_waiver",
  ],
  staff: [
    "bn_errors", "bo_errors", "bo_queue", "cv_answer", "ddMandates", "errors", "info_contacts", "info_guides_staff", "info_staff_bulletin", "kpi_dash",
    "language", "moErrors", "moJobs", "moPayments", "nav", "parameterText", "parameters", "passkeys", "ss_form", "staff_accounts", "staff_security",
  ],
  accountant: ["acc_portfolio", "nav", "ss_form"],
};

/** The part's namespaces of a catalogue (a namespace missing from the catalogue is left out, as next-intl would). */
export function clientMessages(messages: Record<string, unknown>, part: PortalPart): Record<string, unknown> {
  const picked: Record<string, unknown> = {};
  for (const ns of new Set([...CLIENT_NAMESPACES.root, ...CLIENT_NAMESPACES[part]])) if (ns in messages) picked[ns] = messages[ns];
  return picked;
}
