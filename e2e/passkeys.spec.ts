// Passkeys as the staff second factor (issue #15 part 3): a new staff member registers a passkey at the first
// sign-in instead of an authenticator app, signs out, then signs in with password + passkey; their security page
// lists it and refuses to remove the last factor. Chromium's virtual authenticator (CDP WebAuthn domain) plays the
// device. axe on each page. Browsers refuse WebAuthn on an IP address: run with E2E_HOST=localhost.
import { connect, disconnect, type BackOfficeData } from "./back-office-data";
import { expectAccessible, signOut, expect, test, PASSWORD } from "./support";

let data: BackOfficeData;
test.beforeAll(async () => {
  data = await connect();
});
test.afterAll(async () => {
  await disconnect(data);
});

test("a new staff member registers a passkey, then signs in with password + passkey", async ({ page, baseURL }) => {
  test.skip(/^https?:\/\/[\d.]+(:\d+)?$/.test(baseURL ?? ""), "WebAuthn needs a domain name, not an IP address: E2E_HOST=localhost");
  test.setTimeout(120_000);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: { protocol: "ctap2", transport: "internal", hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
  });

  const email = `e2e-passkey-${Date.now()}@demo.caisse.be`;
  await data.client.query(
    `insert into "User" (id, email, "passwordHash", role, name, locale) select $1, $2, "passwordHash", 'ADVISOR', 'E2E Conseiller Passkey', 'fr' from "User" where email = 'advisor@demo.caisse.be'`,
    [`e2e-passkey-${Date.now()}`, email],
  );
  const fillLogin = async () => {
    await page.goto("/login");
    await page.getByLabel("Adresse e-mail").fill(email);
    await page.getByLabel("Mot de passe").fill(PASSWORD);
    await page.getByRole("button", { name: "Se connecter", exact: true }).click();
  };

  // first sign-in: the enrolment page offers a passkey instead of the app
  await fillLogin();
  await page.waitForURL("**/second-factor");
  await expect(page.getByRole("heading", { name: "Ou utilisez une clé d'accès" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Nom de la clé d'accès").fill("Portable du bureau");
  await page.getByRole("button", { name: "Utiliser une clé d'accès à la place" }).click();
  await expect(page.getByRole("heading", { name: "Clé d'accès enregistrée." })).toBeVisible();
  expect((await cdp.send("WebAuthn.getCredentials", { authenticatorId })).credentials).toHaveLength(1);
  await expectAccessible(page);
  await page.getByRole("link", { name: "Continuer vers l'espace collaborateurs" }).click();
  await page.waitForURL("**/staff");
  await signOut(page);

  // next sign-in: after the password, the passkey
  await fillLogin();
  await expect(page.getByRole("button", { name: "Utiliser une clé d'accès" })).toBeVisible();
  await expectAccessible(page);
  // the password alone opens nothing
  expect((await page.request.get("/staff/queues", { maxRedirects: 0 })).status()).toBe(307);
  await page.getByRole("button", { name: "Utiliser une clé d'accès" }).click();
  await page.waitForURL("**/staff");

  // my security page: the passkey, used once; the last factor cannot be removed
  await page.getByRole("link", { name: "Ma sécurité" }).click();
  await page.waitForURL("**/staff/security");
  const row = page.getByRole("row", { name: /Portable du bureau/ });
  await expect(row).toBeVisible();
  await expect(row).not.toContainText("Jamais");
  await expectAccessible(page);
  await row.getByRole("button", { name: /Supprimer/ }).click();
  await expect(page.getByRole("alert").filter({ hasText: "dernière double authentification" })).toBeVisible();
  // a second passkey (another device: the first one is excluded) can be added from here
  await cdp.send("WebAuthn.removeVirtualAuthenticator", { authenticatorId });
  await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: { protocol: "ctap2", transport: "internal", hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
  });
  await page.getByLabel("Nom de la clé d'accès").fill("Clé de secours");
  await page.getByRole("button", { name: "Ajouter une clé d'accès" }).click();
  await expect(page.getByRole("row", { name: /Clé de secours/ })).toBeVisible();
  await expectAccessible(page);
});
