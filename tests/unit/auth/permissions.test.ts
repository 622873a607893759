// The permission matrix, row by row: who may do what. A change to lib/auth/permissions.ts must change this table.
import { describe, expect, it } from "vitest";
import { can, homeFor, isStaff, needsSecondFactor, PERMISSIONS, ROLES, type AppRole, type Permission } from "@/lib/auth/permissions";

const EXPECTED: Record<Permission, Record<AppRole, boolean>> = {
  "own-dossier:read": { AFFILIATE: true, ADVISOR: false, MANAGER: false, ADMIN: false, ACCOUNTANT: true },
  "own-request:create": { AFFILIATE: true, ADVISOR: false, MANAGER: false, ADMIN: false, ACCOUNTANT: true },
  "own-profile:update": { AFFILIATE: true, ADVISOR: false, MANAGER: false, ADMIN: false, ACCOUNTANT: false },
  "dossier:read:any": { AFFILIATE: false, ADVISOR: true, MANAGER: false, ADMIN: false, ACCOUNTANT: false },
  "dossier:search": { AFFILIATE: false, ADVISOR: true, MANAGER: false, ADMIN: false, ACCOUNTANT: false },
  "request:decide": { AFFILIATE: false, ADVISOR: true, MANAGER: false, ADMIN: false, ACCOUNTANT: false },
  "request:approve-second": { AFFILIATE: false, ADVISOR: true, MANAGER: false, ADMIN: false, ACCOUNTANT: false },
  "payment:reconcile": { AFFILIATE: false, ADVISOR: true, MANAGER: false, ADMIN: false, ACCOUNTANT: false },
  "mandate:manage": { AFFILIATE: false, ADVISOR: true, MANAGER: false, ADMIN: false, ACCOUNTANT: false },
  "recovery:manage": { AFFILIATE: false, ADVISOR: true, MANAGER: false, ADMIN: false, ACCOUNTANT: false },
  "job:run": { AFFILIATE: false, ADVISOR: true, MANAGER: false, ADMIN: true, ACCOUNTANT: false },
  "dashboard:read": { AFFILIATE: false, ADVISOR: false, MANAGER: true, ADMIN: true, ACCOUNTANT: false },
  "parameter:read": { AFFILIATE: false, ADVISOR: true, MANAGER: true, ADMIN: true, ACCOUNTANT: false },
  "parameter:update": { AFFILIATE: false, ADVISOR: false, MANAGER: false, ADMIN: true, ACCOUNTANT: false },
  "parameter:approve": { AFFILIATE: false, ADVISOR: false, MANAGER: true, ADMIN: true, ACCOUNTANT: false },
  "audit:read": { AFFILIATE: false, ADVISOR: false, MANAGER: true, ADMIN: true, ACCOUNTANT: false },
  "staff:manage": { AFFILIATE: false, ADVISOR: false, MANAGER: false, ADMIN: true, ACCOUNTANT: false },
  "contact:record": { AFFILIATE: false, ADVISOR: true, MANAGER: false, ADMIN: false, ACCOUNTANT: false },
  "bulletin:publish": { AFFILIATE: false, ADVISOR: true, MANAGER: true, ADMIN: false, ACCOUNTANT: false },
  "transmission:manage": { AFFILIATE: false, ADVISOR: true, MANAGER: true, ADMIN: false, ACCOUNTANT: false },
  "content:edit": { AFFILIATE: false, ADVISOR: true, MANAGER: true, ADMIN: false, ACCOUNTANT: false },
  "portfolio:read": { AFFILIATE: false, ADVISOR: false, MANAGER: false, ADMIN: false, ACCOUNTANT: true },
};

describe("permission matrix", () => {
  it("lists exactly the permissions of the table", () => {
    expect(Object.keys(PERMISSIONS).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  const rows = Object.entries(EXPECTED).flatMap(([permission, byRole]) =>
    ROLES.map((role) => ({ permission: permission as Permission, role, allowed: byRole[role] })),
  );
  it.each(rows)("$role → $permission: $allowed", ({ permission, role, allowed }) => {
    expect(can(role, permission)).toBe(allowed);
  });

  it("sends each role to its own area; affiliates and accountants are not staff; all but affiliates give a second factor", () => {
    expect(ROLES.map((r) => [r, homeFor(r), isStaff(r), needsSecondFactor(r)])).toEqual([
      ["AFFILIATE", "/me", false, false],
      ["ADVISOR", "/staff", true, true],
      ["MANAGER", "/staff", true, true],
      ["ADMIN", "/staff", true, true],
      ["ACCOUNTANT", "/portfolio", false, true],
    ]);
  });
});
