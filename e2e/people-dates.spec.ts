// Issue #13 part 8: no screen shows a date, a month or a quarter as a code. Walks the pages an affiliate, an advisor
// and a manager reach by following the portal's own links (one page per kind of address) and reads every text
// in the main region, hidden parts included (closed details, screen-reader text): never '2027-01-01', '2026-11',
// '2026-Q1', nor '1e trimestre' (French says '1er trimestre').
import { type Page } from "@playwright/test";
import { expect, signIn, signInFr, test } from "./support";

const CODES: [string, RegExp][] = [
  ["ISO date", /(?<![\d-])\d{4}-\d{2}-\d{2}(?![\d-])/],
  ["ISO month", /(?<![\d/-])(?:19|20)\d{2}-(?:0[1-9]|1[0-2])(?![\d-])/],
  ["quarter code", /(?<![\d-])\d{4}-Q[1-4]\b/],
  ["French ordinal", /(?<!\d)1e trimestre/],
];

/** One address per kind: ids, references and numbers become ':id' (a dossier page stands for every dossier). */
const kindOf = (path: string) => path.split("?")[0].replace(/\/(?=[^/]*\d)[^/]+/g, "/:id");

async function walk(page: Page, start: string, within: RegExp, limit: number): Promise<string[]> {
  const seen = new Set<string>();
  const queue = [start];
  const problems: string[] = [];
  let visited = 0;
  while (queue.length > 0 && visited < limit) {
    const path = queue.shift()!;
    const response = await page.goto(path);
    if (!response || response.status() !== 200 || !(response.headers()["content-type"] ?? "").startsWith("text/html")) continue;
    visited++;
    // every text node on its own (hidden ones too): textContent would run a date into the amount next to it
    const text = await page.locator("main").first().evaluate((main) => {
      const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
      const parts: string[] = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) parts.push(n.textContent ?? "");
      return parts.join("\n");
    });
    for (const [what, pattern] of CODES) {
      const m = pattern.exec(text);
      if (m) problems.push(`${path}: ${what} «${text.slice(Math.max(0, m.index - 40), m.index + m[0].length + 20).replace(/\s+/g, " ")}»`);
    }
    const links = await page.locator("a[href^='/']").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
    for (const href of links) {
      if (!within.test(href) || href.startsWith("/api/") || seen.has(kindOf(href))) continue;
      seen.add(kindOf(href));
      queue.push(href);
    }
  }
  expect(visited, `pages read from ${start}`).toBeGreaterThan(3);
  return problems;
}

test("an affiliate's pages show dates in words or as 02/12/2026, never as codes", async ({ page }) => {
  test.setTimeout(180_000);
  await signInFr(page, "affiliate@demo.caisse.be");
  expect(await walk(page, "/me", /^\/me(\/|$)/, 40)).toEqual([]);
});

test("an advisor's and a manager's pages show dates in words or as 02/12/2026, never as codes", async ({ page }) => {
  test.setTimeout(240_000);
  await signIn(page, "advisor3@demo.caisse.be");
  await page.waitForURL("**/staff");
  const advisor = await walk(page, "/staff", /^\/staff(\/|$)/, 45);
  await page.context().clearCookies();
  await signIn(page, "manager@demo.caisse.be");
  await page.waitForURL("**/staff");
  const manager = await walk(page, "/staff/dashboards", /^\/staff(\/|$)/, 20);
  expect([...advisor, ...manager]).toEqual([]);
});
