import AxeBuilder from "@axe-core/playwright";
import { expect, test as base, type Page, type Response } from "@playwright/test";
import { Secret, TOTP } from "otpauth";
import { DEMO_TOTP_SECRETS } from "../prisma/demo-second-factor";

export { expect };

/** What every page answers, whatever the page: the browser-side protections (next.config.js, proxy.ts). */
export function securityHeaderProblems(response: Response): string[] {
  const h = response.headers();
  const csp = h["content-security-policy"] ?? "";
  const scriptSrc = /script-src ([^;]*)/.exec(csp)?.[1] ?? "";
  const problems: string[] = [];
  if (!/'nonce-[A-Za-z0-9+/=]{16,}'/.test(scriptSrc)) problems.push("script-src without a per-request nonce");
  if (scriptSrc.includes("'unsafe-inline'")) problems.push("script-src allows 'unsafe-inline'");
  if (!csp.includes("frame-ancestors 'none'")) problems.push("no frame-ancestors 'none'");
  if (h["referrer-policy"] !== "no-referrer") problems.push(`Referrer-Policy ${h["referrer-policy"]}`);
  if (h["x-content-type-options"] !== "nosniff") problems.push("no nosniff");
  if (!/max-age=\d{7,}/.test(h["strict-transport-security"] ?? "")) problems.push("no HSTS");
  if (!h["permissions-policy"]?.includes("camera=()")) problems.push("no Permissions-Policy");
  return problems.map((p) => `${response.url()}: ${p}`);
}

/**
 * Every test of the suite: each HTML page the browser loads must carry the security headers, and Chromium must
 * report no Content-Security-Policy violation in its console (a blocked script or style fails the test).
 */
export const test = base.extend<{ browserSecurity: void }>({
  browserSecurity: [
    async ({ page }, use) => {
      const problems: string[] = [];
      page.on("console", (m) => {
        if (/Content.Security.Policy/i.test(m.text())) problems.push(`${page.url()}: ${m.text()}`);
      });
      page.on("response", (r) => {
        const type = r.headers()["content-type"] ?? "";
        if (r.request().resourceType() === "document" && r.status() === 200 && type.startsWith("text/html")) problems.push(...securityHeaderProblems(r));
      });
      await use();
      expect(problems, "browser-side security: headers and CSP violations").toEqual([]);
    },
    { auto: true },
  ],
});

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
  await page.getByRole("button", { name: /^(Se connecter|Aanmelden)$/ }).click();
  const secret = DEMO_TOTP_SECRETS[email];
  if (secret) {
    // staff: the second factor, as an authenticator app would compute it
    await page.getByLabel(/Code de vérification|Verificatiecode/).fill(await freshCode(secret));
    await page.getByRole("button", { name: /^(Se connecter|Aanmelden)$/ }).click();
  }
}

const lastStep = new Map<string, number>();
/** A TOTP code never used before by this test process (a code is accepted once): the current step's, else the next
 *  step's (accepted too), else wait for a new step. */
export async function freshCode(secret: string): Promise<string> {
  const totp = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: "SHA1" });
  for (;;) {
    const now = Math.floor(Date.now() / 30_000);
    const last = lastStep.get(secret) ?? -1;
    const step = last < now ? now : last === now ? now + 1 : null;
    if (step !== null) {
      lastStep.set(secret, step);
      return totp.generate({ timestamp: step * 30_000 + 1 });
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
}

/** Signs in an affiliate and makes sure the session is in French (a language switched by an earlier failed test is
 *  remembered for the user). */
export async function signInFr(page: Page, email: string) {
  await signIn(page, email);
  await page.waitForURL("**/me");
  if ((await page.locator("html").getAttribute("lang")) !== "fr") {
    await page.getByRole("button", { name: "Français" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  }
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: /Se déconnecter|Afmelden/ }).click();
  await page.waitForURL(/\/login/);
}
