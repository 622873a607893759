import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

export const PASSWORD = "demo-caisse-2026";

/** WCAG 2.1 AA check of the page as it is now: no violation allowed. */
export async function expectAccessible(page: Page) {
  // Next streams a page's <title> after its body: wait for it as a reader would, then a missing one still fails
  await expect(page, `no document title on ${page.url()}`).toHaveTitle(/\S/);
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

/** Signs in an affiliate and makes sure the session is in French (a language switched by an earlier failed test is
 *  remembered for the user). */
export async function signInFr(page: Page, email: string) {
  await signIn(page, email);
  await page.waitForURL("**/me");
  if ((await page.locator("html").getAttribute("lang")) === "nl") {
    await page.getByRole("button", { name: "Français" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  }
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: /Se déconnecter|Afmelden/ }).click();
  await page.waitForURL(/\/login/);
}
