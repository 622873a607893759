// Every channel in one place (issue #18 parts 4 and 5), in French and Dutch, axe on every page visited: the footer
// of every page leads to the contact page, the privacy notice and the accessibility statement; every public page
// announces the bulletin's Atom feed; staff publish a bulletin and the subscribed affiliate's e-mail arrives with a
// working one-click unsubscribe link; an advisor logs a phone call and reads it in the dossier's timeline.
import { caughtMail, connect, dossierWithLogin, disconnect, type BackOfficeData } from "./back-office-data";
import { expectAccessible, signIn, signInFr, signOut, expect, test } from "./support";

let data: BackOfficeData;
test.beforeAll(async () => {
  data = await connect();
});
test.afterAll(async () => {
  await disconnect(data);
});

test("the footer of every page leads to the contact page, the privacy notice and the accessibility statement, in French and Dutch", async ({ page, request }) => {
  await page.goto("/");
  if ((await page.locator("html").getAttribute("lang")) === "nl") await page.getByRole("button", { name: "Français" }).click();
  await expect(page.locator('head link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute("href", /\/bulletin\/feed\.xml\?lang=fr$/);
  const footer = page.getByRole("contentinfo");
  await footer.getByRole("link", { name: "Nous contacter" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Nous contacter" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Bruxelles / Brussel" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Heures d'appel" })).toContainText("lundi");
  await expectAccessible(page);
  await page.getByRole("contentinfo").getByRole("link", { name: "Protection de la vie privée" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Protection de la vie privée" })).toBeVisible();
  await expect(page.getByRole("link", { name: "dpo@demo.caisse.be" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("contentinfo").getByRole("link", { name: "Accessibilité" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Déclaration d'accessibilité" })).toBeVisible();
  await expect(page.getByText(/Dernier contrôle de l'accessibilité .* : \d{1,2}(er)? \p{L}+ 20\d\d\./u)).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("contentinfo").getByRole("link", { name: "Bulletin d'information" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Bulletin d'information" })).toBeVisible();
  await expectAccessible(page);
  const feed = await request.get("/bulletin/feed.xml?lang=fr");
  expect(feed.headers()["content-type"]).toContain("application/atom+xml");
  const xml = await feed.text();
  expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr">');
  expect(xml).toContain("<entry>");

  // the same in Dutch
  await page.getByRole("button", { name: "Nederlands" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "nl");
  await page.getByRole("contentinfo").getByRole("link", { name: "Contact" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Contact" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Telefonisch bereikbaar" })).toContainText("maandag");
  await expectAccessible(page);
  await page.getByRole("contentinfo").getByRole("link", { name: "Privacy" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Privacy" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("contentinfo").getByRole("link", { name: "Toegankelijkheid" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Toegankelijkheidsverklaring" })).toBeVisible();
  await expect(page.locator('head link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute("href", /\/bulletin\/feed\.xml\?lang=nl$/);
  await expectAccessible(page);
  await page.getByRole("button", { name: "Français" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
});

test("staff publish a bulletin; the subscribed affiliate's e-mail arrives and its unsubscribe link works", async ({ page }) => {
  test.setTimeout(150_000);
  const me = await dossierWithLogin(data.client, "bulletin");
  // the affiliate subscribes to one topic on the profile page
  await signInFr(page, me.login);
  await page.goto("/me/profile");
  await page.getByRole("checkbox", { name: "Vie de la caisse" }).check();
  await page.getByRole("button", { name: "Enregistrer mes abonnements", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Vos abonnements au bulletin sont enregistrés." })).toBeVisible();
  await expectAccessible(page);
  await signOut(page);

  // a manager writes, previews and publishes an issue on that topic
  await signIn(page, "manager@demo.caisse.be");
  await page.waitForURL("**/staff");
  await page.goto("/staff/bulletins");
  await expectAccessible(page);
  const title = `Horaires d'hiver ${Date.now()}`;
  await page.getByLabel("Thème").selectOption("FUND_NEWS");
  await page.getByLabel("Titre en français").fill(title);
  await page.getByLabel("Texte en français").fill("Nos bureaux ferment à 15 heures du 1er au 31 janvier.\n\nLa ligne téléphonique ne change pas.");
  await page.getByRole("button", { name: "Enregistrer le brouillon", exact: true }).click();
  await page.waitForURL(/\/staff\/bulletins\/[^/?]+\?saved=1/);
  await expect(page.getByRole("region", { name: "Aperçu en français" }).getByRole("heading", { name: title })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Publier ce numéro", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Le numéro est publié : 1 e-mail envoyé ou en file d'attente." })).toBeVisible();
  await expectAccessible(page);
  await signOut(page);

  // the e-mail arrives, plain text, with the issue and its one-click unsubscribe link
  const mail = await caughtMail(me.mailTo);
  expect(mail.subject).toBe(`Bulletin d'information : ${title}`);
  expect(mail.text).toContain("Nos bureaux ferment à 15 heures");
  const link = mail.text.match(/https?:\/\/\S+\/bulletin\/unsubscribe\?a=\S+/)?.[0];
  expect(link).toBeTruthy();
  // the issue is on the public archive
  await page.goto("/bulletin");
  await page.getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expectAccessible(page);
  // the link, without signing in: one click
  await page.goto(new URL(link!).pathname + new URL(link!).search);
  await expect(page.getByText("Vous ne recevrez plus le bulletin d'information sur le thème « Vie de la caisse »")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Me désabonner", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "C'est fait : vous ne recevrez plus le bulletin sur le thème « Vie de la caisse »." })).toBeVisible();
  await expectAccessible(page);
  const { rows } = await data.client.query(`select count(*)::int as n from "BulletinSubscription" where "affiliateId" = $1`, [me.affiliateId]);
  expect(rows[0].n).toBe(0);
});

test("an advisor logs a phone call and reads it in the dossier's timeline", async ({ page }) => {
  const me = await dossierWithLogin(data.client, "contact-log");
  await signIn(page, "advisor3@demo.caisse.be");
  await page.waitForURL("**/staff");
  await page.goto(`/staff/dossiers/${me.affiliateId}`);
  // the affiliate's language in words, never its code
  await expect(page.locator("dt", { hasText: /^Langue$/ }).locator("xpath=following-sibling::dd[1]")).toHaveText(/^(français|néerlandais|allemand)$/);
  const summary = `Appel du ${Date.now()} : question sur la date limite du T4, expliqué le plan d'apurement.`;
  await page.getByLabel("Canal").selectOption("PHONE");
  await page.getByLabel("Résumé").fill(summary);
  await page.getByRole("button", { name: "Enregistrer le contact", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Le contact est enregistré dans l'historique du dossier." })).toBeVisible();
  const timeline = page.getByRole("table", { name: "Tout ce qui s'est passé dans le dossier, le plus récent d'abord" });
  await expect(timeline.getByRole("cell", { name: `Téléphone : ${summary} (Nadia Benali)` })).toBeVisible();
  await expectAccessible(page);
});
