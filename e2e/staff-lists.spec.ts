// Staff lists for a real caseload (issue #14 part 2, #19): the work queue shows 25 lines a page with its filters in
// the address, five lines are assigned in one action with a confirmation in words, the filtered queue is exported
// to CSV with labels (not codes); every staff list is paged, passes axe, and no staff page weighs over 500 KB.
import { readFileSync } from "node:fs";
import { type Page } from "@playwright/test";
import { connect, disconnect, type BackOfficeData } from "./back-office-data";
import { expectAccessible, signIn, signOut, expect, test } from "./support";

let data: BackOfficeData;
test.beforeAll(async () => {
  data = await connect();
});
test.afterAll(async () => {
  await disconnect(data);
});

async function signInAs(page: Page, email: string) {
  await signIn(page, email);
  await page.waitForURL("**/staff");
}

const lines = (page: Page) => page.getByRole("table").locator("tbody tr");

test("the work queue: 25 lines a page, filters in the address, five assigned in one action with a confirmation", async ({ page }) => {
  test.setTimeout(120_000);
  await signInAs(page, "advisor3@demo.caisse.be");
  await page.goto("/staff/queues");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Files de travail");
  await expect(lines(page)).toHaveCount(25);
  await expect(page.getByText(/\d+ lignes en attente : \d+ en retard/)).toBeVisible();
  await expectAccessible(page);

  // a filter with more than one page of lines, kept on the next page
  const pagerText = async () => (await page.getByRole("navigation", { name: "Pages de la liste" }).textContent()) ?? "";
  let filter = "";
  for (const f of ["state=late", "advisor=none", "state=at-risk", "type=REDUCTION", "type=MESSAGE", "state=paused"]) {
    await page.goto(`/staff/queues?${f}`);
    if (/sur (\d+)/.exec(await pagerText()) && Number(/sur (\d+)/.exec(await pagerText())![1]) > 25) {
      filter = f;
      break;
    }
  }
  expect(filter, "a filter of the demo queue with more than 25 lines").not.toBe("");
  const [name, value] = filter.split("=");
  const pager = page.getByRole("navigation", { name: "Pages de la liste" });
  await expect(pager).toContainText(/Lignes 1 à 25 sur \d+/);
  const firstOnPage1 = await lines(page).first().textContent();
  await pager.getByRole("link", { name: "Page suivante" }).click();
  await page.waitForURL((url) => url.searchParams.get("page") === "2" && url.searchParams.get(name) === value);
  await expect(pager).toContainText(/Lignes 26 à \d+ sur \d+/);
  expect(await lines(page).first().textContent()).not.toBe(firstOnPage1);
  await expectAccessible(page);
  await pager.getByRole("link", { name: "Première page" }).click();
  await page.waitForURL((url) => !url.searchParams.has("page") && url.searchParams.get(name) === value);

  // a paused deadline says why, never "N days late" on its own
  await page.goto("/staff/queues?state=paused");
  const paused = lines(page).first();
  await expect(paused).toContainText("Délai suspendu");
  await expect(paused).toContainText(/en attente des informations demandées/);
  await page.goto("/staff/queues");

  // five lines ticked, one advisor, one button
  const boxes = page.getByRole("table").getByRole("checkbox", { name: /^Sélectionner / });
  await expect(boxes).toHaveCount(25);
  const picked: string[] = [];
  for (let i = 0; i < 5; i++) {
    await boxes.nth(i).check();
    picked.push((await boxes.nth(i).getAttribute("value"))!);
  }
  await page.getByLabel("Attribuer à", { exact: true }).selectOption({ label: "Moi" });
  await page.getByRole("button", { name: "Attribuer la sélection" }).click();
  await expect(page.getByRole("status").filter({ hasText: "5 lignes attribuées à Nadia Benali." })).toBeVisible();
  await expectAccessible(page);
  const requestIds = picked.filter((v) => v.startsWith("request:")).map((v) => v.slice("request:".length));
  const threadIds = picked.filter((v) => v.startsWith("thread:")).map((v) => v.slice("thread:".length));
  const { rows } = await data.client.query(`select u.email from "Request" r join "User" u on u.id = r."assigneeId" where r.id = any($1)`, [requestIds]);
  expect(rows.map((r) => r.email)).toEqual(requestIds.map(() => "advisor3@demo.caisse.be"));
  const { rows: dossiers } = await data.client.query(`select u.email from "MessageThread" t join "Affiliate" a on a.id = t."affiliateId" join "User" u on u.id = a."advisorId" where t.id = any($1)`, [threadIds]);
  expect(dossiers.map((r) => r.email)).toEqual(threadIds.map(() => "advisor3@demo.caisse.be"));
  // nothing ticked: said in words
  await page.reload();
  await page.getByRole("button", { name: "Attribuer la sélection" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Cochez au moins une ligne de la file à attribuer." })).toBeVisible();
});

test("the filtered queue exports to CSV with labels in the reader's language", async ({ page }) => {
  await signInAs(page, "advisor@demo.caisse.be");
  await page.goto("/staff/queues?type=REDUCTION&state=late");
  const summary = (await page.getByText(/lignes? en attente/).textContent()) ?? "";
  const total = Number(summary.match(/^(\d+)/)?.[1]);
  expect(total).toBeGreaterThan(0);
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Exporter la file filtrée (CSV)" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^file-de-travail-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync((await download.path())!, "utf8");
  const records = csv.replace(/^\ufeff/, "").trim().split(/\r?\n/);
  expect(records[0]).toBe("Référence;Type de demande;Dossier;Numéro d'affilié;Introduit le;Délai légal;Nature du délai;Délai;Situation;État;Attribué à");
  expect(records).toHaveLength(1 + total);
  for (const r of records.slice(1)) expect(r).toContain("Réduction des cotisations provisoires;");
  for (const r of records.slice(1)) expect(r).toContain(";En retard;");
  expect(csv).not.toMatch(/REDUCTION|IN_REVIEW|SUBMITTED|\b\d{4}-\d{2}-\d{2}\b/);
  await signOut(page);

  // a Dutch-speaking advisor gets the Dutch words
  await signInAs(page, "advisor2@demo.caisse.be");
  const res = await page.request.get("/api/staff/queues/export?type=REDUCTION&format=csv");
  expect(res.status()).toBe(200);
  expect(await res.text()).toContain("Referentie;Soort aanvraag;Dossier;Aansluitingsnummer");
});

test("every staff list is paged and accessible; no staff page over 500 KB of HTML", async ({ page }) => {
  test.setTimeout(180_000);
  await signInAs(page, "advisor@demo.caisse.be");
  for (const url of ["/staff/recovery", "/staff/benefits", "/staff/payments", "/staff/jobs"]) {
    await page.goto(url);
    await expect(page.getByRole("navigation", { name: "Pages de la liste" })).toContainText(/Lignes \d+ à \d+ sur \d+/);
    await expectAccessible(page);
    expect(await lines(page).count(), url).toBeLessThanOrEqual(25);
    const next = page.getByRole("navigation", { name: "Pages de la liste" }).getByRole("link", { name: "Page suivante" });
    if (await next.count()) {
      await next.click();
      await page.waitForURL(/page=2/);
      await expectAccessible(page);
    }
  }
  const staffPages = ["/staff", "/staff/queues", "/staff/queues?page=3", "/staff/recovery", "/staff/benefits", "/staff/payments", "/staff/jobs", "/staff/direct-debits", "/staff/bulletins", "/staff/security"];
  const { rows } = await data.client.query(`select (select id from "Affiliate" a where exists (select 1 from "LedgerEntry" l where l."affiliateId" = a.id) order by (select count(*) from "LedgerEntry" l where l."affiliateId" = a.id) desc limit 1) as dossier, (select id from "Request" order by id limit 1) as request, (select id from "RecoveryCase" order by id limit 1) as recovery`);
  staffPages.push(`/staff/dossiers/${rows[0].dossier}?reason=consultation`, `/staff/requests/${rows[0].request}`, `/staff/recovery/${rows[0].recovery}`);
  for (const url of staffPages) {
    const res = await page.request.get(url);
    if (res.status() === 404) continue; // a page this role may not open
    expect(res.status(), url).toBe(200);
    const bytes = (await res.body()).byteLength;
    expect(bytes, `${url}: ${bytes} bytes of HTML`).toBeLessThan(500_000);
  }
  await signOut(page);
  await signInAs(page, "manager@demo.caisse.be");
  for (const url of ["/staff", "/staff/dashboards", "/staff/parameters"]) {
    const res = await page.request.get(url);
    if (res.status() === 404) continue;
    expect((await res.body()).byteLength, url).toBeLessThan(500_000);
  }
});
