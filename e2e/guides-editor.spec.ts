// The guides are the fund's to edit (issue #18 part 1): an advisor corrects a guide in the editor (a bad link is
// refused with what was typed kept), the public page shows the correction at once; the forms catalogue lists every
// form. axe on every page.
import { expectAccessible, signIn, signOut, expect, test } from "./support";

test("an advisor corrects a guide and the public reads it at once; the forms catalogue lists every form", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto("/forms");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nos formulaires");
  await expect(page.getByRole("link", { name: "Demander l'assurance continuée après la cessation" })).toHaveAttribute("href", "/me/requests/continued-insurance");
  await expect(page.getByRole("region", { name: "Sans compte" }).getByRole("link", { name: "S'affilier" })).toHaveAttribute("href", "/affiliation");
  await expectAccessible(page);

  await signIn(page, "advisor@demo.caisse.be");
  await page.waitForURL("**/staff");
  await page.getByRole("link", { name: "Guides", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Guides de la caisse");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Je prépare ma pension" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Modifier : Je prépare ma pension");
  await expectAccessible(page);
  const line = `Demandez votre pension un an à l'avance (corrigé le ${Date.now()}).`;
  const deadlines = page.locator("#guide-fr-deadlines");
  await deadlines.fill(line);
  const links = page.locator("#guide-fr-links");
  const goodLinks = await links.inputValue();
  await links.fill(`${goodLinks}\nPiège | javascript:alert(1)`);
  await page.getByRole("button", { name: "Enregistrer le guide" }).click();
  const alert = page.getByRole("alert").filter({ hasText: "Le guide n'est pas enregistré" });
  await expect(alert).toContainText("Français — Formulaires et organismes");
  await expect(deadlines).toHaveValue(line); // nothing typed is lost
  await expectAccessible(page);
  await links.fill(goodLinks);
  await page.getByRole("button", { name: "Enregistrer le guide" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Guide enregistré" })).toBeVisible();
  await signOut(page);

  await page.goto("/guides/pension");
  await expect(page.getByRole("region", { name: "Quand" })).toContainText(line);
  await expect(page.getByRole("link", { name: /MyPension/ }).first()).toHaveAttribute("href", "https://www.mypension.be");
  await expectAccessible(page);
});
