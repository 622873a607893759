
import { expectAccessible, signIn, signOut, expect, test } from "./support";

test("the public home and the sign-in page are accessible", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("caisse");
  await expectAccessible(page);
  await page.goto("/login");
  await expectAccessible(page);
});

test("a wrong password gets a clear message and the form keeps the e-mail", async ({ page }) => {
  await signIn(page, "affiliate@demo.caisse.be", "not-the-password");
  await expect(page.getByRole("alert").filter({ hasText: "Adresse e-mail ou mot de passe incorrect" })).toBeVisible();
  await expect(page.getByLabel("Adresse e-mail")).toHaveValue("affiliate@demo.caisse.be");
  await expect(page).toHaveURL(/\/login/);
  await expectAccessible(page);
});

test("an empty form shows per-field errors", async ({ page }) => {
  await page.goto("/login");
  await page.getByRole("button", { name: "Se connecter", exact: true }).click();
  await expect(page.getByText("Entrez votre adresse e-mail.")).toBeVisible();
  await expect(page.getByText("Entrez votre mot de passe.")).toBeVisible();
});

test("the affiliate lands on their account with their dues and the explanation of a call", async ({ page }) => {
  await signIn(page, "affiliate@demo.caisse.be");
  await page.waitForURL("**/me");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bonjour Julie Dubois");
  await expect(page.getByText("Indépendant à titre principal")).toBeVisible();
  await expect(page.getByText("Sophie Lambert")).toBeVisible();
  // open dues: Q3 2026 unpaid (overdue), Q4 2026 due on 31/12/2026; the next due date is that call's, or a plan
  // instalment's when an earlier journey put a plan in force
  await expect(page.getByRole("row", { name: /4e trimestre 2026/ })).toContainText("31/12/2026");
  await expect(page.getByRole("main").locator("dl > div").filter({ has: page.locator("dt", { hasText: "Prochaine échéance" }) })).toContainText(/le \d{2}\/\d{2}\/\d{4}/);
  await expectAccessible(page);
  await page.getByRole("link", { name: "4e trimestre 2026" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Cotisation provisoire — 4e trimestre 2026");
  await expect(page.getByRole("region", { name: "Comment ce montant est calculé" })).toContainText("20,5");
  await expectAccessible(page);
  await signOut(page);
});

test("the helping spouse and the company see their own dossier", async ({ page }) => {
  await signIn(page, "spouse@demo.caisse.be");
  await page.waitForURL("**/me");
  await expect(page.getByText("Conjoint aidant (maxi-statut)")).toBeVisible();
  await expectAccessible(page);
  await signOut(page);
  await signIn(page, "company@demo.caisse.be");
  await page.waitForURL("**/me");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bonjour Dubois Consulting SRL");
  await expect(page.getByText("Cotisation des sociétés").first()).toBeVisible();
  // the joint liability with its directors, and who they are
  await expect(page.getByRole("region", { name: "Solidarité entre la société et ses mandataires" })).toContainText("Julie Dubois");
  await expectAccessible(page);
});

test("the advisor searches a dossier and opens it", async ({ page }) => {
  await signIn(page, "advisor@demo.caisse.be");
  await page.waitForURL("**/staff");
  await expectAccessible(page);
  await page.getByLabel(/Nom, numéro national/).fill("Dubois");
  await page.getByRole("button", { name: "Rechercher" }).click();
  await page.getByRole("row").filter({ hasText: "85.07.30-034.27" }).getByRole("link", { name: "Dubois, Julie" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Julie Dubois");
  await expect(page.getByText("85.07.30-034.27")).toBeVisible();
  await expect(page.getByRole("region", { name: "Compte courant" })).toContainText("Paiement");
  await expectAccessible(page);
  // by national register number, as printed on an eID card
  await page.goto("/staff?q=85.07.30-034.27");
  await expect(page.getByRole("row").filter({ hasText: "85.07.30-034.27" })).toBeVisible();
  await page.goto("/staff?q=Zzyzx");
  await expect(page.getByText("Aucun dossier ne correspond.")).toBeVisible();
});

test("the manager sees the fund's counts", async ({ page }) => {
  await signIn(page, "manager@demo.caisse.be");
  await page.waitForURL("**/staff");
  await expect(page.getByRole("region", { name: "Le fonds aujourd'hui" })).toContainText("Indépendant à titre principal");
  await expect(page.getByText("Demandes ouvertes par type")).toBeVisible();
  await expectAccessible(page);
});

test("the admin proposes a correction of a derived legal figure with a reason; a manager approves it", async ({ page }) => {
  await signIn(page, "admin@demo.caisse.be");
  await page.waitForURL("**/staff");
  await page.getByRole("link", { name: "Paramètres légaux" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Paramètres légaux");
  await expectAccessible(page);
  // the figures in the fund's language: grouped by subject, euros and percentages, never cents or basis points
  const small = page.getByRole("row", { name: /Cotisation des sociétés \(bilan sous le seuil\)/ });
  await expect(small).toContainText(/\d+,\d\d\s€/);
  await expect(page.getByRole("table", { name: /^Majorations/ })).toContainText("3 %");
  await page.getByRole("link", { name: "Corriger — Cotisation des sociétés (bilan sous le seuil)" }).click();
  await expect(page.getByTestId("parameter-current")).toContainText(/Valeur actuelle : \d+,\d\d\s€/);
  // bad input: cents are not euros' notation — refused in words, nothing proposed
  await page.getByLabel(/Nouvelle valeur/).fill("41000 centimes");
  await page.getByLabel("Statut").selectOption("confirmed");
  await page.getByLabel("Motif de la correction").fill("Grille INASTI 2026 publiée");
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Entrez un montant en euros" })).toBeVisible();
  await expect(page.getByLabel("Motif de la correction")).toHaveValue("Grille INASTI 2026 publiée");
  await page.getByLabel(/Nouvelle valeur/).fill("410,00");
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByRole("status")).toContainText("Correction proposée");
  // four eyes: the admin cannot approve their own proposal; a manager does, and the figure changes
  await page.goto("/staff/parameters");
  await expect(page.getByText(/Cotisation des sociétés \(bilan sous le seuil\) : [\d\s]+,\d\d\s€ → 410,00\s€/)).toBeVisible();
  await expect(page.getByRole("button", { name: /Approuver/ })).toHaveCount(0);
  await expectAccessible(page);
  await signOut(page);
  await signIn(page, "manager@demo.caisse.be");
  await page.waitForURL("**/staff");
  await page.goto("/staff/parameters");
  await page.getByRole("button", { name: "Approuver Cotisation des sociétés (bilan sous le seuil)" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Correction approuvée et appliquée." }).first()).toBeVisible();
  await page.reload();
  await expect(page.getByRole("row", { name: /Cotisation des sociétés \(bilan sous le seuil\)/ })).toContainText(/410,00\s€/);
  await expectAccessible(page);
});
