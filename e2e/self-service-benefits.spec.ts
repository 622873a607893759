// Exemption, surcharge waiver, bridging right and caregiver allowance requests with evidence: a forged file (text
// named .pdf) is refused by its content with a translated message naming it and the form keeps what was typed; a
// real PDF is stored with the request and listed (and downloadable) on its status page — in French and in Dutch,
// axe on every page.

import pg from "pg";
import { connect, disconnect, type BackOfficeData } from "./back-office-data";
import { expectAccessible, signInFr, expect, test } from "./support";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

let data: BackOfficeData | undefined;
let client: pg.Client;
test.beforeAll(async () => {
  data = await connect();
  client = data.client;
});
test.afterAll(() => disconnect(data));

test("an exemption with a PDF: a forged file is refused first, the form keeps its values; status page lists the evidence (FR, NL)", async ({ page }) => {
  test.setTimeout(180_000);
  await signInFr(page, "affiliate@demo.caisse.be");
  await page.goto("/me/requests");
  await page.getByRole("link", { name: "Demander une dispense de cotisations" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Demander une dispense de cotisations");
  await expect(page.getByText(/La caisse transmet votre demande à l'INASTI, qui décide/)).toBeVisible();
  await expectAccessible(page);

  const motivation = `Mon secteur est en crise depuis l'été (e2e ${Date.now()}).`;
  const firstCall = page.locator('input[name="callIds"]').first();
  await firstCall.check();
  await page.locator("#exemption-reason").selectOption("SECTOR_CRISIS");
  await page.locator("#exemption-motivation").fill(motivation);
  await page.locator("#exemption-evidence").setInputFiles({ name: "faux.pdf", mimeType: "application/pdf", buffer: Buffer.from("Ceci est un simple fichier texte.\n") });
  await page.getByRole("button", { name: "Continuer" }).click();
  await expect(page.getByRole("heading", { name: "Vérifiez vos réponses" })).toBeVisible();
  await expect(page.getByText("faux.pdf")).toBeVisible();
  await page.getByRole("button", { name: "Envoyer ma demande" }).click();
  const message = "Le fichier « faux.pdf » n'est pas un PDF, un JPEG ou un PNG : son contenu ne correspond pas. Joignez un autre fichier.";
  const summaryLink = page.getByRole("alert").getByRole("link", { name: new RegExp("faux\\.pdf") });
  await expect(summaryLink).toHaveAttribute("href", "#exemption-evidence");
  await expect(summaryLink).toContainText(message);
  await summaryLink.click();
  // what the user typed is still there
  await expect(firstCall).toBeChecked();
  await expect(page.locator("#exemption-reason")).toHaveValue("SECTOR_CRISIS");
  await expect(page.locator("#exemption-motivation")).toHaveValue(motivation);
  await expect(page.locator("#exemption-evidence")).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);
  const none = await client.query(`select count(*)::int as n from "Request" where payload->>'motivation' = $1`, [motivation]);
  expect(none.rows[0].n).toBe(0);

  // a real PDF
  await page.locator("#exemption-evidence").setInputFiles({ name: "attestation secteur.pdf", mimeType: "application/pdf", buffer: PDF });
  await page.getByRole("button", { name: "Continuer" }).click();
  await page.getByRole("button", { name: "Envoyer ma demande" }).click();
  await page.waitForURL(/\/me\/requests\/D-2026-\d{6}\?filed=1/);
  const reference = await page.getByTestId("request-reference").innerText();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Dispense de cotisations — ${reference}`);
  await expect(page.getByTestId("request-status")).toHaveText("Introduite");
  await expect(page.getByText(/La caisse transmet votre demande à l'INASTI .* au plus tard le 28\/03\/2027/)).toBeVisible();
  const evidence = page.getByTestId("evidence-list").getByRole("link", { name: "attestation secteur.pdf" });
  await expect(evidence).toBeVisible();
  await expectAccessible(page);
  const download = await page.request.get((await evidence.getAttribute("href"))!);
  expect(download.status()).toBe(200);
  expect(download.headers()["content-disposition"]).toBe('attachment; filename="attestation_secteur.pdf"');
  expect(download.headers()["x-content-type-options"]).toBe("nosniff");
  expect(Buffer.from(await download.body()).equals(PDF)).toBe(true);

  const { rows } = await client.query(
    `select r.type, r.status, r.payload, r."decisionDueOn"::text as due, (r."assigneeId" = a."advisorId") as advisor,
            d.kind, d."mimeType", d."sizeBytes", d."fileName"
     from "Request" r join "Affiliate" a on a.id = r."affiliateId" join "Document" d on d."requestId" = r.id where r.reference = $1`,
    [reference],
  );
  expect(rows).toEqual([
    {
      type: "EXEMPTION",
      status: "SUBMITTED",
      payload: { callIds: [expect.any(String)], reason: "SECTOR_CRISIS", motivation },
      due: "2027-03-28",
      advisor: true,
      kind: "EVIDENCE",
      mimeType: "application/pdf",
      sizeBytes: PDF.length,
      fileName: "attestation secteur.pdf",
    },
  ]);

  await page.getByRole("button", { name: "Nederlands" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Vrijstelling van bijdragen — ${reference}`);
  await expect(page.getByRole("heading", { name: "Bewijsstukken" })).toBeVisible();
  await expect(page.getByText(/Het fonds bezorgt uw aanvraag aan het RSVZ/)).toBeVisible();
  await expectAccessible(page);
  await page.goto("/me/requests/exemption");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Vrijstelling van bijdragen aanvragen");
  await expect(page.getByText("Al aangevraagd").first()).toBeVisible(); // the call just asked for
  await expectAccessible(page);
  await page.getByRole("button", { name: "Français" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Demander une dispense de cotisations");
});

test("a bridging-right claim: errors first, then Request + BenefitClaim with the judgment (FR, NL)", async ({ page }) => {
  test.setTimeout(150_000);
  await signInFr(page, "affiliate@demo.caisse.be");
  await page.goto("/guides/bankruptcy");
  await page.getByRole("link", { name: "Demander le droit passerelle" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Demander le droit passerelle");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Continuer" }).click();
  const alert = page.getByRole("alert");
  await expect(alert.getByRole("link")).toHaveCount(4); // case, date, motivation, evidence
  await expect(alert.getByRole("link", { name: /Joignez au moins une pièce justificative/ })).toHaveAttribute("href", "#bridging-evidence");
  await expectAccessible(page);
  await page.locator("#bridging-case").selectOption("BANKRUPTCY");
  await page.locator("#bridging-eventOn").fill("2026-10-15");
  await page.locator("#bridging-familyCharge").check();
  const motivation = `Faillite prononcée par le tribunal de l'entreprise (e2e ${Date.now()}).`;
  await page.locator("#bridging-motivation").fill(motivation);
  await page.locator("#bridging-evidence").setInputFiles({ name: "jugement.pdf", mimeType: "application/pdf", buffer: PDF });
  await page.getByRole("button", { name: "Continuer" }).click();
  await expect(page.getByRole("heading", { name: "Vérifiez vos réponses" })).toBeVisible();
  await expect(page.locator("dd", { hasText: /^Faillite$/ })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Envoyer ma demande" }).click();
  await page.waitForURL(/\/me\/requests\/D-2026-\d{6}\?filed=1/);
  const reference = await page.getByTestId("request-reference").innerText();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Droit passerelle — ${reference}`);
  await expect(page.getByTestId("evidence-list")).toContainText("jugement.pdf");
  await expect(page.getByText(/une prestation accordée est payée dans les 4 mois/)).toBeVisible();
  await expectAccessible(page);
  const { rows } = await client.query(
    `select r.type, r.status, r.payload, c.type as claim, c.status as "claimStatus", c."filedOn"::text as "filedOn",
            (select count(*)::int from "Document" d where d."requestId" = r.id and d.kind = 'EVIDENCE') as docs
     from "Request" r join "BenefitClaim" c on c."requestId" = r.id where r.reference = $1`,
    [reference],
  );
  expect(rows).toEqual([
    { type: "BRIDGING_RIGHT", status: "SUBMITTED", payload: { case: "BANKRUPTCY", eventOn: "2026-10-15", familyCharge: true, motivation }, claim: "BRIDGING_RIGHT", claimStatus: "CLAIMED", filedOn: "2026-11-28", docs: 1 },
  ]);
  await page.getByRole("button", { name: "Nederlands" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Overbruggingsrecht — ${reference}`);
  await expect(page.getByTestId("request-status")).toHaveText("Ingediend");
  await expectAccessible(page);
  await page.goto("/me/requests/bridging-right");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Overbruggingsrecht aanvragen");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Français" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Demander le droit passerelle");
});

test("caregiver allowance and surcharge waiver pages: late warning, eligibility table, axe (FR, NL)", async ({ page }) => {
  test.setTimeout(150_000);
  await signInFr(page, "affiliate@demo.caisse.be");
  await page.goto("/me/requests/caregiver");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Demander l'allocation d'aidant proche");
  await expectAccessible(page);
  await page.locator("#caregiver-startOn").fill("2026-09-01");
  await expect(page.getByTestId("caregiver-late")).toBeVisible();
  await page.locator("#caregiver-startOn").fill("2026-11-20");
  await expect(page.getByTestId("caregiver-late")).toHaveCount(0);
  await page.goto("/me/requests/surcharge-waiver");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Demander la renonciation aux majorations");
  await expect(page.getByRole("table", { name: "Vos cotisations avec majorations" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Nederlands" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kwijtschelding van verhogingen aanvragen");
  await expectAccessible(page);
  await page.goto("/me/requests/caregiver");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mantelzorguitkering aanvragen");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Français" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Demander l'allocation d'aidant proche");
});
