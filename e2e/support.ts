import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

export const PASSWORD = "demo-caisse-2026";

/** WCAG 2.1 AA check of the page as it is now: no violation allowed. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

export async function signIn(page: Page, email: string, password = PASSWORD) {
  await page.goto("/login");
  await page.getByLabel(/Adresse e-mail|E-mailadres/).fill(email);
  await page.getByLabel(/Mot de passe|Wachtwoord/).fill(password);
  await page.getByRole("button", { name: /Se connecter|Aanmelden/ }).click();
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: /Se déconnecter|Afmelden/ }).click();
  await page.waitForURL(/\/login/);
}
