// Family allowances are regional since 2019: the family guide sends to the page that names the competent body from
// the child's postal code; the fund never presents itself as the payer. axe on each page.
import { expectAccessible, expect, test } from "./support";

test("the family guide names the body competent for family allowances from the child's postal code", async ({ page }) => {
  await page.goto("/guides/family");
  await page.getByRole("link", { name: "Allocations familiales : l'organisme compétent" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Allocations familiales : à qui vous adresser ?");
  await expectAccessible(page);
  await page.getByLabel("Code postal du domicile de l'enfant").fill("47");
  await page.getByRole("button", { name: "Trouver" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Entrez un code postal belge de 4 chiffres." })).toBeVisible();
  await page.getByLabel("Code postal du domicile de l'enfant").fill("4780");
  await page.getByRole("button", { name: "Trouver" }).click();
  const result = page.getByRole("status").filter({ hasText: "code postal 4780" });
  await expect(result).toContainText("Communauté germanophone (Ostbelgien Familie)");
  await expectAccessible(page);
  await page.getByLabel("Code postal du domicile de l'enfant").fill("9000");
  await page.getByRole("button", { name: "Trouver" }).click();
  await expect(page.getByRole("status").filter({ hasText: "code postal 9000" })).toContainText("Groeipakket (Flandre)");
});
