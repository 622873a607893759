import { defineConfig } from "@playwright/test";

// End-to-end tests in Debian's Chromium (never a downloaded browser), against a production build served on its
// own embedded database ("e2e", recreated and seeded with a smaller demo fund on every run).
const PORT = Number(process.env.E2E_PORT ?? 3100);
// localhost, not 127.0.0.1: browsers refuse WebAuthn (passkeys) on an IP address; E2E_HOST changes it (scripts/with-db.ts follows)
const BASE_URL = `http://${process.env.E2E_HOST ?? "localhost"}:${PORT}`;

export default defineConfig({
  testDir: "e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"], ["json", { outputFile: ".reports/e2e.json" }]],
  use: {
    baseURL: BASE_URL,
    locale: "fr-BE",
    timezoneId: "Europe/Brussels",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
  webServer: {
    // tsx directly (not npm): npm does not forward SIGTERM, which would orphan next and PostgreSQL
    command: `node_modules/.bin/tsx scripts/with-db.ts --db ${process.env.E2E_DB ?? "e2e"} --e2e --fresh --seed -- next start -p ${PORT}`,
    url: `${BASE_URL}/login`,
    env: { PORT: String(PORT), SEED_AFFILIATES: "300", PORTAL_TODAY: "2026-11-28" },
    reuseExistingServer: false,
    timeout: 180_000,
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    stdout: "ignore",
    stderr: "pipe",
  },
});
