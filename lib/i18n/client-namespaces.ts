// The catalogue namespaces each part of the portal sends to the browser. A client component's translations travel
// in the page (the React Server Components payload, then the HTML): the whole catalogue was 195 KB of French on every
// page, the sign-in page included, while the client components of any one page use a small part of it. Each part's
// layout gives its client components only these namespaces (components/i18n/client-messages.tsx); the server side
// still reads the whole catalogue. A part named "staff/jobs" is the folder app/(staff)/staff/jobs, under "staff": its
// pages get the namespaces of "staff" and their own. tests/unit/i18n/client-namespaces.test.ts walks each part's
// imports and fails when a client component (or a form's `ns`) uses a namespace its part does not send, or when a
// listed one is used by no client component of the part (or of the parts under it).

export const CLIENT_NAMESPACES = {
  /** under every part (app/layout.tsx, app/not-found.tsx) */
  root: [],
  public: ["auth_activate", "auth_forgot", "auth_form", "auth_login", "auth_reset", "bo_affiliation", "errors", "fas", "language", "login", "nav", "passkeys", "second_factor"],
  affiliate: [
    "acc_mandates", "cv_reply", "errors", "fas", "info_subscriptions", "nav", "ss_bridging", "ss_calls", "ss_caregiver", "ss_change", "ss_continued",
    "ss_end_activity", "ss_exemption", "ss_form", "ss_illness", "ss_joint_release", "ss_mandate", "ss_plan", "ss_profile", "ss_question", "ss_requests",
    "ss_status", "ss_waiver",
  ],
  accountant: ["acc_portfolio", "nav", "ss_form"],
  // the staff area: what several of its areas use, then each area's own (a layout of its own in its folder)
  staff: ["bn_errors", "bo_errors", "errors", "nav", "ss_form"],
  "staff/accounts": ["staff_accounts"],
  "staff/bulletins": ["info_staff_bulletin"],
  "staff/dashboards": ["kpi_dash"],
  "staff/dossiers": ["ddMandates", "info_contacts"],
  "staff/guides": ["info_guides_staff", "language"],
  "staff/jobs": ["moErrors", "moJobs"],
  "staff/parameters": ["parameterText", "parameters"],
  "staff/payments": ["moPayments"],
  "staff/queues": ["bo_queue"],
  "staff/requests": ["cv_answer"],
  "staff/security": ["passkeys", "staff_security"],
} as const satisfies Record<string, readonly string[]>;

export type PortalPart = keyof typeof CLIENT_NAMESPACES;

/** The parts whose namespaces a part's pages get: the root, the parts above it ("staff" for "staff/jobs"), itself. */
export function partsOf(part: PortalPart): PortalPart[] {
  const segments = part.split("/");
  const above = segments.map((_, i) => segments.slice(0, i + 1).join("/")).filter((p): p is PortalPart => p in CLIENT_NAMESPACES);
  return part === "root" ? ["root"] : ["root", ...above];
}

/** The part's namespaces of a catalogue (a namespace missing from the catalogue is left out, as next-intl would). */
export function clientMessages(messages: Record<string, unknown>, part: PortalPart): Record<string, unknown> {
  const picked: Record<string, unknown> = {};
  for (const p of partsOf(part)) for (const ns of CLIENT_NAMESPACES[p]) if (ns in messages) picked[ns] = messages[ns];
  return picked;
}
