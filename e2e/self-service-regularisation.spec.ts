// /me regularisation card: the demo affiliate (Julie Dubois, prisma/seed.ts) has her 2024 contributions regularised
// (supplement call or refund), 2025 not yet (the tax authority's income is in: a forecast on it) and 2026 in progress
// (an accepted reduction for 2026: a forecast on its income); the page stays WCAG 2.1 AA.

import { expectAccessible, signInFr, expect, test } from "./support";

test("the affiliate sees her regularisation status and forecasts on /me", async ({ page }) => {
  await signInFr(page, "affiliate@demo.caisse.be");
  const card = page.getByRole("region", { name: "Régularisation" });
  await expect(card).toBeVisible();
  await expect(card.getByRole("heading", { level: 3, name: "2024 — régularisée" })).toBeVisible();
  const y2024 = card.getByTestId("regularisation-2024");
  await expect(y2024).toHaveAttribute("data-state", "regularised");
  if ((await y2024.getByRole("link").count()) > 0) {
    // a supplement: the link opens the explained regularisation call
    await expect(y2024.getByRole("link", { name: "Voir le détail de la régularisation 2024" })).toHaveAttribute("href", /^\/me\/calls\/.+/);
  } else {
    await expect(y2024).toContainText("Remboursement");
  }
  for (const year of [2025, 2026]) {
    const y = card.getByTestId(`regularisation-${year}`);
    await expect(y).toHaveAttribute("data-state", "pending");
    await expect(y.getByRole("heading", { level: 3 })).toHaveText(`${year} — pas encore régularisée`);
    await expect(y.locator("[data-field=forecast]")).toHaveText(/^(Supplément attendu ≈|Remboursement attendu ≈) .+€$|^Aucune différence attendue$/);
  }
  await expect(card.getByTestId("regularisation-2025")).toContainText("revenus transmis par l'administration fiscale");
  await expect(card.getByTestId("regularisation-2026")).toContainText(/revenu estimé dans votre demande D-\d{4}-\d{6}/);
  await expectAccessible(page);

  await page.getByRole("button", { name: "Nederlands" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "nl");
  await expect(page.getByRole("region", { name: "Regularisatie" }).getByRole("heading", { level: 3, name: "2024 — geregulariseerd" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Français" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
});
