// The permission matrix, row by row: who may do what. A change to lib/auth/permissions.ts must change this table.
import { describe, expect, it } from "vitest";
import { can, homeFor, isStaff, PERMISSIONS, ROLES, type AppRole, type Permission } from "@/lib/auth/permissions";

const EXPECTED: Record<Permission, Record<AppRole, boolean>> = {
  "own-dossier:read": { AFFILIATE: true, ADVISOR: false, MANAGER: false, ADMIN: false },
  "own-request:create": { AFFILIATE: true, ADVISOR: false, MANAGER: false, ADMIN: false },
  "own-profile:update": { AFFILIATE: true, ADVISOR: false, MANAGER: false, ADMIN: false },
  "dossier:read:any": { AFFILIATE: false, ADVISOR: true, MANAGER: false, ADMIN: false },
  "dossier:search": { AFFILIATE: false, ADVISOR: true, MANAGER: false, ADMIN: false },
  "request:decide": { AFFILIATE: false, ADVISOR: true, MANAGER: false, ADMIN: false },
  "request:approve-second": { AFFILIATE: false, ADVISOR: true, MANAGER: false, ADMIN: false },
  "payment:reconcile": { AFFILIATE: false, ADVISOR: true, MANAGER: false, ADMIN: false },
  "mandate:manage": { AFFILIATE: false, ADVISOR: true, MANAGER: false, ADMIN: false },
  "recovery:manage": { AFFILIATE: false, ADVISOR: true, MANAGER: false, ADMIN: false },
  "job:run": { AFFILIATE: false, ADVISOR: true, MANAGER: false, ADMIN: true },
  "dashboard:read": { AFFILIATE: false, ADVISOR: false, MANAGER: true, ADMIN: true },
  "parameter:read": { AFFILIATE: false, ADVISOR: true, MANAGER: true, ADMIN: true },
  "parameter:update": { AFFILIATE: false, ADVISOR: false, MANAGER: false, ADMIN: true },
  "parameter:approve": { AFFILIATE: false, ADVISOR: false, MANAGER: true, ADMIN: true },
  "audit:read": { AFFILIATE: false, ADVISOR: false, MANAGER: true, ADMIN: true },
  "staff:manage": { AFFILIATE: false, ADVISOR: false, MANAGER: false, ADMIN: true },
  "contact:record": { AFFILIATE: false, ADVISOR: true, MANAGER: false, ADMIN: false },
  "bulletin:publish": { AFFILIATE: false, ADVISOR: true, MANAGER: true, ADMIN: false },
  "transmission:manage": { AFFILIATE: false, ADVISOR: true, MANAGER: true, ADMIN: false },
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

  it("sends each role to its own area, and only affiliates are not staff", () => {
    expect(ROLES.map((r) => [r, homeFor(r), isStaff(r)])).toEqual([
      ["AFFILIATE", "/me", false],
      ["ADVISOR", "/staff", true],
      ["MANAGER", "/staff", true],
      ["ADMIN", "/staff", true],
    ]);
  });
});
