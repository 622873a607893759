// The permission matrix, kept as data (tested row by row in tests/unit/auth/permissions.test.ts).
// Affiliates only ever act on their own dossier: their permissions are "own-*"; staff permissions are "any".
// Accountants hold "own-*" permissions too, but only for the client whose file they opened under a live mandate,
// and filing only where the mandate grants it (lib/auth/viewer.ts allowed()).
export const ROLES = ["AFFILIATE", "ADVISOR", "MANAGER", "ADMIN", "ACCOUNTANT"] as const;
export type AppRole = (typeof ROLES)[number];

export const PERMISSIONS = {
  "own-dossier:read": ["AFFILIATE", "ACCOUNTANT"],
  "own-request:create": ["AFFILIATE", "ACCOUNTANT"],
  "own-profile:update": ["AFFILIATE"],
  // reading a person's data is for advisors; managers and admins see figures, not dossiers
  "dossier:read:any": ["ADVISOR"],
  "dossier:search": ["ADVISOR"],
  "request:decide": ["ADVISOR"],
  // the second pair of eyes reads the request: another advisor
  "request:approve-second": ["ADVISOR"],
  "payment:reconcile": ["ADVISOR"],
  // direct debit: confirm or refuse a mandate, read the pain.008 files (names and accounts of the debtors)
  "mandate:manage": ["ADVISOR"],
  "recovery:manage": ["ADVISOR"],
  "job:run": ["ADVISOR", "ADMIN"],
  "dashboard:read": ["MANAGER", "ADMIN"],
  "parameter:read": ["ADVISOR", "MANAGER", "ADMIN"],
  "parameter:update": ["ADMIN"],
  // a proposed parameter change applies once a second person — another admin or a manager — approves it
  "parameter:approve": ["MANAGER", "ADMIN"],
  "audit:read": ["MANAGER", "ADMIN"],
  // staff accounts: an admin resets another staff member's second factor
  "staff:manage": ["ADMIN"],
  // a phone call, letter, office visit or e-mail with the affiliate, recorded on the dossier (part of the dossier work)
  "contact:record": ["ADVISOR"],
  // the information bulletin: write, preview and publish an issue (advisors and managers; no personal data in it)
  "bulletin:publish": ["ADVISOR", "MANAGER"],
  // the files owed to the mutuality and INASTI: prepare, mark sent, mark acknowledged (who and when recorded)
  "transmission:manage": ["ADVISOR", "MANAGER"],
  // the fund's published content: the life-event guides (advisors and managers; no personal data in it)
  "content:edit": ["ADVISOR", "MANAGER"],
  // an accountant's portfolio: the clients who gave them a mandate, and asking a new client for one
  "portfolio:read": ["ACCOUNTANT"],
} as const satisfies Record<string, readonly AppRole[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: AppRole, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly AppRole[]).includes(role);
}

/** The fund's own people (advisors, managers, admins): neither affiliates nor the accountants acting for them. */
export function isStaff(role: AppRole): boolean {
  return role !== "AFFILIATE" && role !== "ACCOUNTANT";
}

/** Who must give a second factor after the password: staff, and accountants (they read many people's files). */
export function needsSecondFactor(role: AppRole): boolean {
  return role !== "AFFILIATE";
}

/** Where each role lands after signing in. */
export function homeFor(role: AppRole): string {
  return role === "AFFILIATE" ? "/me" : role === "ACCOUNTANT" ? "/portfolio" : "/staff";
}
