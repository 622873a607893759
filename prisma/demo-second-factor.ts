// The demo staff and accountant accounts' second factor (TOTP secrets, base32). Demo data only, never in production: the seed
// refuses NODE_ENV=production. Add a secret to any authenticator app to sign in to the demo by hand (README, "Demo
// logins"); the e2e suite computes the codes from them.
export const DEMO_TOTP_SECRETS: Record<string, string> = {
  "advisor@demo.caisse.be": "KNXWG2DJMVGGC3LCMVZHIYLEOZUXG33S",
  "advisor2@demo.caisse.be": "KBUWK5DFOJBWYYLFOMQGCZDWNFZW64RS",
  "advisor3@demo.caisse.be": "JZQWI2LBIJSW4YLMNFQWI5TJONXXEMZT",
  "manager@demo.caisse.be": "IFXG4ZJAKBSWKZLSOMQG2YLOMFTWK4TB",
  "admin@demo.caisse.be": "JVQXEYZAIFSG22LOEBQWI3LJNZUXG5DS",
  "accountant@demo.caisse.be": "IFRWG33VNZ2GC3TUEBSGK3LP",
};
