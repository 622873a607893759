// Transmissions to INASTI and the mutuality (issue #18 part 6): a manager prepares the career file of a year,
// downloads it, marks it sent (who and when shown in words and Belgian dates), and the page counts it on time.
import { expectAccessible, signIn, expect, test } from "./support";

test("a manager prepares the INASTI career file, downloads it and marks it sent on time", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, "manager@demo.caisse.be");
  await page.waitForURL("**/staff");
  await page.getByRole("link", { name: "Transmissions" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Transmissions aux institutions");
  await expectAccessible(page);

  await page.getByLabel("Année des cotisations").fill("2026");
  await page.getByRole("button", { name: "Préparer le fichier de carrière pour l'INASTI" }).click();
  await expect(page.getByRole("status")).toHaveText("Le fichier est préparé : téléchargez-le et envoyez-le.");
  const row = page.getByRole("row", { name: /Données de carrière pour l'INASTI — 2026/ });
  await expect(row).toContainText("Préparé");
  await expect(row).toContainText("31/03/2027");
  await expectAccessible(page);

  const file = await page.request.get((await row.getByRole("link").getAttribute("href"))!);
  expect(file.headers()["content-type"]).toContain("text/csv");
  expect((await file.text()).split("\r\n")[0]).toBe("niss;member_number;year;quarters_paid;quarter_count");

  await row.getByRole("button", { name: "Noter envoyé : Données de carrière pour l'INASTI — 2026" }).click();
  await expect(page.getByRole("status")).toHaveText("L'envoi est noté.");
  await expect(row).toContainText("Envoyé");
  await expect(row).toContainText(/le \d{1,2} \p{L}+ \d{4}.* par Anne Peeters/u);
  await expect(row).not.toContainText(/\d{4}-\d\d-\d\d/);
  await expect(page.getByRole("definition").filter({ hasText: "1 sur 1 à temps" })).toBeVisible();
  await expectAccessible(page);
});
