// Public simulator: no sign-in, same domain computation and explanation as the affiliate pages (FR and NL).

import { quarterlyContribution } from "../lib/domain";
import { expectAccessible, expect, test } from "./support";

const FEE_BP = 305; // the demo fund's management fee (prisma/seed.ts)

function cents(text: string): number {
  return Math.round(Number(text.replace(/[^\d,]/g, "").replace(",", ".")) * 100);
}

test("an anonymous visitor simulates the quarterly contribution with its explanation, in French and Dutch", async ({ page }) => {
  test.setTimeout(120_000);
  const response = await page.goto("/simulator");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Simulateur de cotisations");
  await expectAccessible(page);
  // bad input: error summary linked to the field
  await page.getByLabel("Revenu professionnel annuel (€)").fill("beaucoup");
  await page.getByRole("button", { name: "Calculer" }).click();
  await expect(page.getByRole("alert").getByRole("link", { name: /Indiquez un montant en euros/ })).toHaveAttribute("href", "#sim-income");
  await expect(page.getByLabel("Revenu professionnel annuel (€)")).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);
  await page.getByLabel("Année", { exact: true }).selectOption("2026");
  await page.getByLabel("Catégorie", { exact: true }).selectOption("COMPLEMENTARY");
  await page.getByLabel("Revenu professionnel annuel (€)").fill("25 000");
  await page.getByRole("button", { name: "Calculer" }).click();
  const expected = quarterlyContribution({ year: 2026, category: "complementary", annualIncomeCents: 2_500_000, managementFeeBp: FEE_BP });
  await expect(page.getByTestId("sim-quarterly")).toBeVisible();
  expect(cents(await page.getByTestId("sim-quarterly").innerText())).toBe(expected.totalCents);
  await expect(page.getByText("Frais de gestion de la caisse (3,05 %)")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Nederlands" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bijdragesimulator");
  expect(cents(await page.getByTestId("sim-quarterly").innerText())).toBe(expected.totalCents);
  await expectAccessible(page);
  await page.getByRole("button", { name: "Français" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Simulateur de cotisations");
});

test("the eight life-event guides are public, in French and Dutch, and link to the matching forms", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto("/guides");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Guides : votre statut au fil de votre carrière");
  await expect(page.getByRole("heading", { level: 2 })).toHaveCount(8);
  await expectAccessible(page);
  await page.getByRole("link", { name: "J'ai du mal à payer mes cotisations" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("J'ai du mal à payer mes cotisations");
  await expect(page.getByRole("link", { name: "Demander un plan d'apurement" })).toHaveAttribute("href", "/me/requests/payment-plan");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Nederlands" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ik kan mijn bijdragen moeilijk betalen");
  await expect(page.getByRole("link", { name: "Een afbetalingsplan aanvragen" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Français" }).click();
  expect((await page.goto("/guides/no-such-guide"))?.status()).toBe(404);
});
