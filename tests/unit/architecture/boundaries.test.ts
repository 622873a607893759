// The layout's boundaries are ESLint rules (eslint.config.mjs): this lints small sources as if they stood at a
// place of the tree, and fails if a forbidden import is no longer caught — or an allowed one is refused.
import { describe, expect, it } from "vitest";
import { ESLint } from "eslint";

const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
}

describe("architecture boundaries (ESLint)", { timeout: 60_000 }, () => {
  it("a component cannot import the DAL or the Prisma client", async () => {
    const dal = await restrictedImports(
      "components/me/boundary-probe.tsx",
      `import { getMyOverview } from "@/lib/dal/account/get-my-overview";\nexport const probe = getMyOverview;\n`,
    );
    expect(dal).toEqual([expect.stringContaining("the page asks the DAL")]);
    const db = await restrictedImports("components/boundary-probe.tsx", `import { prisma } from "@/lib/db/client";\nexport const probe = prisma;\n`);
    expect(db).toEqual([expect.stringContaining("never query")]);
  });

  it("formats and DTOs cannot import the DAL", async () => {
    expect(await restrictedImports("lib/formats/boundary-probe.ts", `import { getDossier } from "@/lib/dal/dossiers/get-dossier";\nexport const probe = getDossier;\n`)).toHaveLength(1);
    expect(await restrictedImports("lib/dto/boundary-probe.ts", `import { outstandingByCall } from "@/lib/dal/internal/owed";\nexport const probe = outstandingByCall;\n`)).toHaveLength(1);
  });

  it("pages and actions cannot import the private DAL folder or Prisma, but may call a use case", async () => {
    expect(await restrictedImports("app/(affiliate)/me/boundary-probe/page.tsx", `import { outstandingByCall } from "@/lib/dal/internal/owed";\nexport const probe = outstandingByCall;\n`)).toEqual([
      expect.stringContaining("private to the DAL"),
    ]);
    expect(await restrictedImports("lib/actions/boundary-probe.ts", `import { prisma } from "@/lib/db/client";\nexport const probe = prisma;\n`)).toEqual([expect.stringContaining("never Prisma")]);
    expect(await restrictedImports("app/(affiliate)/me/boundary-probe/page.tsx", `import { getMyOverview } from "@/lib/dal/account/get-my-overview";\nexport const probe = getMyOverview;\n`)).toEqual([]);
  });

  it("the domain imports nothing with I/O", async () => {
    expect(await restrictedImports("lib/domain/boundary-probe.ts", `import { prisma } from "@/lib/db/client";\nexport const probe = prisma;\n`)).toHaveLength(1);
  });
});
