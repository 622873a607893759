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
  // a private page sends to the sign-in page, which says why and keeps the destination
  await other.goto("/me/documents");
  await expect(other).toHaveURL(/\/login\?ended=1&callbackUrl=%2Fme%2Fdocuments$/);
  await expect(other.getByRole("status").filter({ hasText: "Votre session a pris fin" })).toBeVisible();
  await expectAccessible(other);
  // the session endpoint hands back nothing, and clears the cookie instead of renewing it
  const session = await other.request.get("/api/auth/session");
  expect(await session.json()).toEqual({});
  expect(session.headers()["set-cookie"] ?? "").not.toMatch(/next-auth\.session-token=[^;]{20,}/);
  expect((await thief.cookies()).some((c) => c.name.endsWith("next-auth.session-token") && c.value.length > 20)).toBe(false);
  await thief.close();
});
