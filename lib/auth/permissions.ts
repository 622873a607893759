// The permission matrix, kept as data (tested row by row in tests/unit/auth/permissions.test.ts).
// Affiliates only ever act on their own dossier: their permissions are "own-*"; staff permissions are "any".
export const ROLES = ["AFFILIATE", "ADVISOR", "MANAGER", "ADMIN"] as const;
export type AppRole = (typeof ROLES)[number];

export const PERMISSIONS = {
  "own-dossier:read": ["AFFILIATE"],
  "own-request:create": ["AFFILIATE"],
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
} as const satisfies Record<string, readonly AppRole[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: AppRole, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly AppRole[]).includes(role);
}

export function isStaff(role: AppRole): boolean {
  return role !== "AFFILIATE";
}

/** Where each role lands after signing in. */
export function homeFor(role: AppRole): string {
  return role === "AFFILIATE" ? "/me" : "/staff";
}
