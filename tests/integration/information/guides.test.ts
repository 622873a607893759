// The life-event guides as fund-editable content (issue #18 part 1), on a real PostgreSQL: the public reads them in
// its language; staff save all four languages at once; bad links and stale editors are refused and change nothing.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createTestPrisma, resetDatabase } from "../helpers/db";
import { affiliateWithCall, staffUser } from "../helpers/fixtures";
import { prisma as appPrisma } from "@/lib/db/client";
import { seedGuides, guideContents } from "@/prisma/seed-guides";
import { listGuides } from "@/lib/dal/guides/list-guides";
import { getGuide } from "@/lib/dal/guides/get-guide";
import { getGuideForStaff } from "@/lib/dal/guides/list-guides-for-staff";
import { saveGuide } from "@/lib/dal/guides/save-guide";
import { guideFormSchema } from "@/lib/schemas/guides";
import { NotFoundError } from "@/lib/errors";
import type { GuideText } from "@/lib/dto/guides";

const prisma = createTestPrisma();
afterAll(async () => {
  await prisma.$disconnect();
  await appPrisma.$disconnect();
});
beforeEach(async () => {
  await resetDatabase(prisma);
  await seedGuides(prisma);
});

describe("the guides", () => {
  it("are read in the reader's language, in the fund's order; every seeded link is a portal page or an https site", async () => {
    const fr = await listGuides("fr");
    expect(fr.map((g) => g.slug)).toEqual(["starting", "family", "health", "payment-difficulties", "bankruptcy", "pension", "complementary-pension", "stopping"]);
    expect((await listGuides("de"))[3].title).not.toBe(fr[3].title);
    const stopping = await getGuide("stopping", "en");
    expect(stopping.links.map((l) => l.href)).toContain("/me/requests/continued-insurance");
    await expect(getGuide("no-such-guide", "fr")).rejects.toBeInstanceOf(NotFoundError);
    for (const g of guideContents())
      for (const text of Object.values(g.content) as GuideText[]) {
        expect(text.title.length, g.slug).toBeGreaterThan(2);
        expect(guideFormSchema(["x"]).safeParse({ x: { ...text, mustDo: text.mustDo.join("\n"), deadlines: text.deadlines.join("\n"), fundDoes: text.fundDoes.join("\n"), links: text.links.map((l) => `${l.label} | ${l.href}`).join("\n") } }).success, g.slug).toBe(true);
      }
  });

  it("are saved by staff in every language at once; a stale editor and an affiliate are refused and change nothing", async () => {
    const { viewer: advisor } = await staffUser(prisma, "ADVISOR");
    const { viewer: other } = await staffUser(prisma, "MANAGER", "manon");
    const a = await affiliateWithCall(prisma, "Alpha");
    const opened = await getGuideForStaff(advisor, "pension");
    const content = { ...opened.content, fr: { ...opened.content.fr, deadlines: ["La pension se demande un an avant la date souhaitée."] } };
    // two editors opened the same version: the first save wins, the second is told it changed meanwhile
    const results = await Promise.allSettled([saveGuide(advisor, "pension", content, opened.updatedAt), saveGuide(other, "pension", content, opened.updatedAt)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason.code).toBe("guideChanged");
    expect((await getGuide("pension", "fr")).deadlines).toEqual(["La pension se demande un an avant la date souhaitée."]);
    expect(await prisma.auditLog.count({ where: { action: "guide.save", entityId: "pension" } })).toBe(1);
    await expect(saveGuide(a.viewer, "pension", content, opened.updatedAt)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getGuideForStaff(a.viewer, "pension")).rejects.toBeInstanceOf(NotFoundError);
  });

  it("refuses a link that is neither a portal page nor an https site", () => {
    const base = { title: "Titre", summary: "Résumé du guide", mustDo: "", deadlines: "", fundDoes: "" };
    expect(guideFormSchema(["fr"]).safeParse({ fr: { ...base, links: "MyPension | https://www.mypension.be\nMes demandes | /me/requests" } }).success).toBe(true);
    for (const bad of ["Piège | javascript:alert(1)", "Sans adresse", "HTTP | http://example.com", "| /me"])
      expect(guideFormSchema(["fr"]).safeParse({ fr: { ...base, links: bad } }).error?.issues[0].message, bad).toBe("guideLinkInvalid");
  });
});
