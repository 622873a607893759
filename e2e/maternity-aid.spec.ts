
import { expectAccessible, signIn, expect, test } from "./support";

test("a mother whose birth is known confirms the maternity aid offered to her, in one click", async ({ page }) => {
  await signIn(page, "affiliate@demo.caisse.be");
  await page.waitForURL("**/me");
  const card = page.getByRole("region", { name: "Aide à la maternité : 105 titres-services" });
  await expect(card).toContainText("Vous n'avez rien à remplir");
  await expectAccessible(page);
  await card.getByRole("button", { name: "Je confirme et je reçois mes titres-services" }).click();
  await expect(card.getByRole("status")).toContainText("Aide à la maternité accordée");
  await expectAccessible(page);
});
