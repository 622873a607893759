import { readFileSync } from "node:fs";

import { expectAccessible, signIn, expect, test } from "./support";

test("a manager refreshes the dashboards, drills into a late request and exports it", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, "manager@demo.caisse.be");
  await page.waitForURL("**/staff");
  await page.goto("/staff/dashboards");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tableaux de bord de l'engagement de service");
  await page.getByRole("button", { name: "Mettre à jour maintenant" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Agrégats mis à jour" })).toBeVisible({ timeout: 60_000 });
  await page.reload();
  const row = page.getByRole("row", { name: /Décisions dans les 4 mois/ });
  await expect(row).toBeVisible();
  await expect(row.getByText(/Dans l'objectif|Hors objectif/)).toBeVisible();
  await expectAccessible(page);

  await row.getByRole("link", { name: /Dossiers/ }).click();
  await page.waitForURL(/\/staff\/dashboards\/decision_4m/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Dossiers : Décisions dans les 4 mois");
  const late = page.getByRole("row").filter({ hasText: "En retard / non tenue" }).first();
  await expect(late).toBeVisible();
  const reference = (await late.getByRole("rowheader").textContent())?.trim() ?? "";
  expect(reference).not.toBe("");
  await expectAccessible(page);

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: /Exporter en CSV/ }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^decision_4m-.*\.csv$/);
  const csv = readFileSync((await download.path())!, "utf8");
  expect(csv).toContain("Référence");
  expect(csv).toContain(reference);

  // managers see figures, not dossiers: no way into the dossier behind the number
  await expect(late.getByRole("link")).toHaveCount(0);
  for (const url of ["/staff/queues", "/staff/recovery", "/staff/benefits"]) {
    expect((await page.request.get(url)).status(), url).toBe(404);
  }
});

test("the public performance page needs no login and shows no personal data", async ({ page }) => {
  await page.goto("/performance");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nos performances de service");
  await expect(page.getByRole("table")).toContainText("Décisions dans les 4 mois");
  await expect(page.getByRole("table")).not.toContainText(/D-\d{4}-\d{6}/);
  await expectAccessible(page);
});

for (const email of ["advisor@demo.caisse.be", "affiliate@demo.caisse.be"]) {
  test(`${email} gets 404 on the dashboards and their exports`, async ({ page }) => {
    await signIn(page, email);
    await page.waitForURL(/\/(staff|me)$/);
    for (const url of ["/staff/dashboards", "/staff/dashboards/decision_4m"]) {
      const response = await page.goto(url);
      expect(response?.status(), url).toBe(404);
    }
    await expectAccessible(page);
    for (const url of ["/api/staff/exports/indicators?format=csv", "/api/staff/exports/drilldown?indicator=decision_4m&format=xlsx", "/api/staff/exports/inasti?year=2026&format=csv"]) {
      const response = await page.request.get(url);
      expect(response.status(), url).toBe(404);
    }
  });
}
