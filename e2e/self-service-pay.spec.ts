// Pay page: every open call's EPC QR code, decoded from the rendered image, carries the fund's IBAN, the amount
// shown and the call's structured communication; the direct-debit mandate request validates the IBAN.
import { type Locator, type Page } from "@playwright/test";
import jsQR from "jsqr";
import { PNG } from "pngjs";
import { expectAccessible, signInFr, expect, test } from "./support";

const FUND_IBAN = "BE30001424242411"; // the demo fund's account (prisma/seed.ts: makeIban("001", 4_242_424))

test.use({ deviceScaleFactor: 2 });

async function decodeQr(qr: Locator): Promise<string> {
  const png = PNG.sync.read(await qr.screenshot());
  const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  expect(code, "the QR image decodes").not.toBeNull();
  return code!.data;
}

/** "1 234,56 €" (fr-BE) or "€ 1.234,56" (nl-BE) → cents */
function cents(text: string): number {
  const digits = text.replace(/[^\d,]/g, "").replace(",", ".");
  return Math.round(Number(digits) * 100);
}

async function checkQrCodes(page: Page) {
  const cards = page.locator("[data-testid^='transfer-']");
  const count = await cards.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) {
    const id = (await cards.nth(i).getAttribute("data-testid"))!.replace("transfer-", "");
    const shownIban = (await cards.nth(i).locator("[data-field=iban]").innerText()).replace(/\s/g, "");
    const shownAmount = cents(await cards.nth(i).locator("[data-field=amount]").innerText());
    const shownReference = (await cards.nth(i).locator("[data-field=communication]").innerText()).replace(/\D/g, "");
    const qr = page.getByTestId(`qr-${id}`);
    const decoded = await decodeQr(qr);
    expect(decoded).toBe(await qr.getAttribute("data-epc-payload"));
    const lines = decoded.split("\n");
    expect(lines.slice(0, 4)).toEqual(["BCD", "002", "1", "SCT"]);
    expect(shownIban).toBe(FUND_IBAN);
    expect(lines[6]).toBe(FUND_IBAN);
    expect(lines[7]).toBe(`EUR${(shownAmount / 100).toFixed(2)}`);
    expect(shownAmount).toBeGreaterThan(0);
    expect(lines[9]).toBe(shownReference);
    expect(shownReference).toMatch(/^\d{12}$/);
  }
  return count;
}

test("the pay page's QR codes decode to the fund's IBAN, the amount due and the call's reference (FR and NL)", async ({ page }) => {
  test.setTimeout(150_000);
  await signInFr(page, "affiliate@demo.caisse.be");
  // the amount each QR asks for is what the account page shows as outstanding
  await page.getByRole("link", { name: "Payer mes cotisations" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Payer mes cotisations");
  const n = await checkQrCodes(page);
  expect(n).toBeGreaterThanOrEqual(2); // Q3 2026 unpaid and Q4 2026 open
  await expectAccessible(page);
  await page.getByRole("button", { name: "Nederlands" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mijn bijdragen betalen");
  await checkQrCodes(page);
  await expectAccessible(page);
  await page.getByRole("button", { name: "Français" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Payer mes cotisations");
});

test("a call explains its payments, their allocation and its surcharges", async ({ page }) => {
  test.setTimeout(150_000);
  await signInFr(page, "affiliate@demo.caisse.be");
  await page.goto("/me/calls/call-100001-2026-3");
  await expect(page.getByRole("heading", { name: "Majorations" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Paiements reçus et leur imputation" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Régularisation" })).toBeVisible();
  await expectAccessible(page);
  const paid = await page.goto("/me/calls/call-100001-2025-1");
  expect(paid?.status()).toBe(200);
  await expect(page.getByText(/Paiement reçu : .*, date valeur \d{2}\/\d{2}\/\d{4}/).first()).toBeVisible();
  await expect(page.getByRole("table", { name: /Imputation du paiement/ }).first()).toBeVisible();
  await expectAccessible(page);
});

test("a direct-debit mandate request refuses a bad IBAN and records a pending mandate with its reference", async ({ page }) => {
  test.setTimeout(150_000);
  await signInFr(page, "spouse@demo.caisse.be");
  await page.goto("/me/pay");
  const iban = page.getByLabel("IBAN du compte à débiter");
  await iban.fill("BE35 3101 2345 6738");
  await page.getByRole("button", { name: "Demander la domiciliation" }).click();
  const summary = page.getByRole("alert").filter({ hasText: "Il y a un problème" });
  await expect(summary).toBeVisible();
  await expect(summary.getByRole("link", { name: /Cet IBAN belge n'est pas valable/ })).toHaveAttribute("href", "#mandate-iban");
  await expect(summary.getByRole("link", { name: /Cochez l'autorisation/ })).toBeVisible();
  await expect(iban).toHaveAttribute("aria-invalid", "true");
  await expect(iban).toHaveValue("BE35 3101 2345 6738"); // what the user typed is kept
  await expectAccessible(page);
  await iban.fill("BE35 3101 2345 6737");
  await page.getByLabel(/J'autorise la caisse/).check();
  await page.getByRole("button", { name: "Demander la domiciliation" }).click();
  await expect(page.getByText(/Mandat MDT-\d+-\d{3} sur BE35 3101 2345 6737 — en attente de confirmation/)).toBeVisible();
  await expect(page.getByText("Vous avez déjà un mandat actif ou en attente.")).toBeVisible();
  await expectAccessible(page);
});
