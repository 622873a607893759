// Money operations in the browser: an advisor dry-runs then runs a job from /staff/jobs and sees it in the
// history; imports a CODA statement through the same page — a second advisor runs the import for real (four eyes) —
// (the unmatched credit it carries lands in the queue)
// and matches that payment by hand on /staff/payments. axe on each page; an affiliate gets 404 on both.

import { expectAccessible, signIn, signOut, expect, test } from "./support";
import { buildCoda } from "../tests/fixtures/coda/builder";
import { makeIban } from "../prisma/factories";

const PAYER = `E2E PAYEUR ${Date.now() % 100000}`;
// a job run and a page refresh per step: more than the default minute on a loaded machine
test.describe.configure({ timeout: 120_000 });

test("an affiliate gets 404 on the jobs and payments pages", async ({ page }) => {
  await signIn(page, "affiliate@demo.caisse.be");
  await page.waitForURL("**/me");
  for (const url of ["/staff/jobs", "/staff/payments", "/staff/payments/anything"]) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(404);
  }
});

test("an advisor dry-runs then runs the surcharges job and sees it in the history", async ({ page }) => {
  await signIn(page, "advisor@demo.caisse.be");
  await page.waitForURL("**/staff");
  await page.goto("/staff/jobs");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Traitements de masse");
  await expectAccessible(page);
  await page.getByLabel("Traitement", { exact: true }).selectOption("surcharges");
  await page.getByRole("button", { name: "Simuler" }).click();
  await expect(page.getByRole("heading", { name: /Résultat de la simulation/ })).toBeVisible();
  await expect(page.getByRole("table", { name: "Comptes de la simulation" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Exécuter pour de vrai" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Le traitement est lancé" })).toBeVisible();
  const history = page.getByRole("table", { name: /derniers traitements/ });
  const realRow = history.getByRole("row").filter({ hasText: "Majorations de retard" }).filter({ hasText: "Réel" }).first();
  await expect(realRow).toContainText("Terminé", { timeout: 30_000 });
  await expect(realRow.getByRole("progressbar")).toHaveAttribute("value", "1000");
  await expect(history.getByRole("row").filter({ hasText: "Majorations de retard" }).filter({ hasText: "Simulation" }).first()).toBeVisible();
  await expectAccessible(page);
});

test("an advisor imports a CODA statement and matches its unmatched payment by hand", async ({ page }) => {
  const coda = buildCoda({
    // the demo fund's own account (prisma/seed.ts): a statement of any other account is refused (docs/decisions/0027)
    account: makeIban("001", 4_242_424), sequence: 100 + (Date.now() % 800), on: "2026-11-27", openingCents: 0,
    movements: [{ amountCents: 4_321, valueOn: "2026-11-27", text: "COTISATION JULIE", counterpartyIban: "BE80001000000177", counterpartyName: PAYER }],
  });
  await signIn(page, "advisor@demo.caisse.be");
  await page.waitForURL("**/staff");
  await page.goto("/staff/jobs");
  await page.getByLabel("Traitement", { exact: true }).selectOption("import-coda");
  await page.getByLabel("Fichier", { exact: true }).setInputFiles({ name: "e2e.cod", mimeType: "text/plain", buffer: Buffer.from(coda, "latin1") });
  await page.getByRole("button", { name: "Simuler" }).click();
  await expect(page.getByRole("heading", { name: /Résultat de la simulation/ })).toBeVisible();
  await expect(page.getByRole("table", { name: "Comptes de la simulation" }).getByRole("row", { name: /Crédits/ })).toContainText("1");
  // four eyes: an import is run for real by a second person, from the history
  await expect(page.getByText(/Un import est exécuté pour de vrai par une deuxième personne/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Exécuter pour de vrai" })).toHaveCount(0);
  await expectAccessible(page);
  await signOut(page);
  await signIn(page, "advisor3@demo.caisse.be");
  await page.waitForURL("**/staff");
  await page.goto("/staff/jobs");
  await page.getByRole("button", { name: /^Exécuter pour de vrai : Import d'un extrait CODA/ }).first().click();
  await expect(page.getByRole("status").filter({ hasText: "Le traitement est lancé" })).toBeVisible();
  const history = page.getByRole("table", { name: /derniers traitements/ });
  await expect(history.getByRole("row").filter({ hasText: "Import d'un extrait CODA" }).filter({ hasText: "Réel" }).first()).toContainText("Terminé", { timeout: 30_000 });

  await page.goto("/staff/payments");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Paiements à rapprocher");
  await expectAccessible(page);
  await page.getByLabel(/Nom ou IBAN/).fill(PAYER);
  await page.getByRole("button", { name: "Rechercher" }).click();
  await page.waitForURL(/q=/);
  const row = page.getByRole("row").filter({ hasText: PAYER });
  await expect(row).toHaveCount(1);
  await row.getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("43,21");
  const paymentPage = new URL(page.url()).pathname;
  // a dossier no other spec relies on (the demo logins' balances stay as they are): the first of a few generic
  // seed dossiers that has an open call
  for (const member of ["100250", "100251", "100252", "100253", "100254", "100255"]) {
    await page.getByLabel(/Dossier : numéro/).fill(member);
    await page.getByRole("button", { name: "Chercher le dossier" }).click();
    await page.waitForURL(new RegExp(`dossier=${member}`));
    if ((await page.getByRole("radio").count()) > 0) break;
  }
  await expect(page.getByRole("radio").first()).toBeVisible();
  await expectAccessible(page);
  // nothing chosen: the error summary names the field
  await page.getByRole("button", { name: "Rapprocher de l'appel choisi" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Corrigez" })).toContainText("Choisissez l'appel");
  await page.getByRole("radio").first().check();
  await page.getByRole("button", { name: "Rapprocher de l'appel choisi" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Paiement rapproché" })).toBeVisible();
  // its page, opened again, says it was handled (no forms, not a "not found")
  await page.goto(paymentPage);
  await expect(page.getByRole("status")).toContainText("Ce paiement a été rapproché.");
  await expect(page.getByRole("button", { name: "Rapprocher de l'appel choisi" })).toHaveCount(0);
  await expectAccessible(page);
  // no longer in the queue
  await page.goto(`/staff/payments?q=${encodeURIComponent(PAYER)}`);
  await expect(page.getByText("Aucun paiement à rapprocher.")).toBeVisible();
});
