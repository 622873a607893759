// Sessions that end (issue #15 part 4): a cookie copied before logout opens nothing afterwards — not a page, not a
// renewed session from /api/auth/session — and the sign-in page says the session ended, keeping where the user was
// going. axe on the pages visited.
import { expectAccessible, signInFr, signOut, expect, test } from "./support";

test("after logout, a cookie taken before it opens nothing and is never renewed", async ({ page, browser }) => {
  await signInFr(page, "spouse@demo.caisse.be");
  const stolen = await page.context().cookies();
  expect(stolen.some((c) => c.name.endsWith("next-auth.session-token"))).toBe(true);
  await signOut(page);

  const thief = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  await thief.addCookies(stolen);
  const other = await thief.newPage();
  // the session endpoint hands back nothing and no fresh cookie
  const session = await other.request.get("/api/auth/session");
  expect(await session.json()).toEqual({});
  expect(session.headers()["set-cookie"] ?? "").not.toMatch(/next-auth\.session-token=[^;]{20,}/);
  // a private page sends to the sign-in page, which says why and keeps the destination
  await other.goto("/me/documents");
  await expect(other).toHaveURL(/\/login\?ended=1&callbackUrl=%2Fme%2Fdocuments/);
  await expect(other.getByRole("status")).toContainText("Votre session a pris fin");
  await expectAccessible(other);
  await thief.close();
});
