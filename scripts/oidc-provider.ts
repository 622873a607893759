// A local OpenID provider standing in for the federal authentication service (FAS) in development, tests and CI:
// the maintained oidc-provider package (authorization code flow, PKCE required, RS256 ID tokens, a published JWKS,
// userinfo), with a tiny page where one picks a test citizen, as the FAS integration environment does. The citizens
// are the people of the portal's database (their national register number becomes the claim egovNRN), plus an
// unknown citizen and a field for any other number.
//
// Started beside the embedded database by scripts/with-db.ts and scripts/start.ts (localFasEnv) unless FAS_ISSUER
// names an issuer: it listens on 127.0.0.1 (FAS_LOCAL_PORT, else a free port) and announces itself to the portal
// through FAS_ISSUER, FAS_CLIENT_ID and FAS_CLIENT_SECRET. Its signing key, cookie keys and client secret are
// generated at first start into .data/oidc/ (git-ignored) and kept. Sessions and codes live in memory.
// Alone: `tsx scripts/oidc-provider.ts [port]` (the portal at NEXTAUTH_URL, default http://localhost:3000).
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Provider, { type Account, type InteractionDetails, type KoaContextWithOIDC } from "oidc-provider";
import pg from "pg";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const LOCAL_FAS_CLIENT_ID = "caisse-portal-local";
/** What the local provider grants: FAS levels for the eID card and for itsme. */
export const LOCAL_FAS_METHODS = [
  { id: "eid", acr: "urn:be:fedict:iam:fas:Level500" },
  { id: "itsme", acr: "urn:be:fedict:iam:fas:Level450" },
] as const;

const log = (message: string) => console.error(`[fas] ${message}`);

// ---------------------------------------------------------------- keys, generated once

type PrivateJwk = crypto.JsonWebKey & { kid: string; alg: string; use: string };

/** The file's value, made once: written aside and linked into place, so that two runs starting at once never read a
 *  half-written file (the second link fails and that run reads the first one's). */
function readOrCreate<T>(file: string, make: () => T): T {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  if (!fs.existsSync(file)) {
    const aside = `${file}.${process.pid}.${crypto.randomBytes(4).toString("hex")}`;
    fs.writeFileSync(aside, JSON.stringify(make()), { mode: 0o600 });
    try {
      fs.linkSync(aside, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    } finally {
      fs.rmSync(aside, { force: true });
    }
  }
  return JSON.parse(fs.readFileSync(file, "utf8")) as T;
}

function newSigningKey(): { keys: PrivateJwk[] } {
  const { privateKey } = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 });
  const jwk = privateKey.export({ format: "jwk" });
  const kid = crypto.createHash("sha256").update(String(jwk.n)).digest("base64url").slice(0, 16);
  return { keys: [{ ...jwk, kid, alg: "RS256", use: "sig" }] };
}

export function localFasSecrets(dir = path.join(ROOT, ".data", "oidc")) {
  return {
    jwks: readOrCreate(path.join(dir, "jwks.json"), newSigningKey),
    cookieKeys: readOrCreate(path.join(dir, "cookie-keys.json"), () => [crypto.randomBytes(32).toString("base64url")]),
    clientSecret: readOrCreate(path.join(dir, "client-secret.json"), () => crypto.randomBytes(32).toString("base64url")),
  };
}

// ---------------------------------------------------------------- citizens

type Citizen = { nrn: string; firstName: string; lastName: string; email: string | null; note: "login" | "director" | "affiliate" | "person" };

/** A valid national register number (mod 97, born in the 1900s). */
export function nationalNumber(yymmdd: string, sequence: number): string {
  const base = `${yymmdd}${String(sequence).padStart(3, "0")}`;
  return `${base}${String(97 - (Number(base) % 97)).padStart(2, "0")}`;
}

function validNationalNumber(value: string): string | null {
  const digits = value.replace(/[\s.-]/g, "");
  if (!/^\d{11}$/.test(digits) || /^0+$/.test(digits)) return null;
  const base = Number(digits.slice(0, 9));
  const check = Number(digits.slice(9));
  return 97 - (base % 97) === check || 97 - ((2_000_000_000 + base) % 97) === check ? digits : null;
}

const formatNrn = (d: string) => `${d.slice(0, 2)}.${d.slice(2, 4)}.${d.slice(4, 6)}-${d.slice(6, 9)}.${d.slice(9)}`;

/** The demo citizens: people with a portal login first, then directors, then a few others. */
async function demoCitizens(databaseUrl: string | undefined, limit = 12): Promise<Citizen[]> {
  if (!databaseUrl) return [];
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ niss: string; firstName: string; lastName: string; email: string | null; login: boolean; director: boolean; affiliate: boolean }>(
      `select p.niss, p."firstName", p."lastName", p.email,
              exists (select 1 from "User" u where u."affiliateId" = a.id) as login,
              exists (select 1 from "CompanyDirector" d where d."personId" = p.id) as director,
              a.id is not null as affiliate
         from "Person" p left join "Affiliate" a on a."personId" = p.id
        order by login desc, (a.id is null and exists (select 1 from "CompanyDirector" d where d."personId" = p.id)) desc,
                 director desc, p."lastName", p."firstName", p.niss
        limit $1`,
      [limit],
    );
    return rows.map((r) => ({ nrn: r.niss, firstName: r.firstName, lastName: r.lastName, email: r.email, note: r.login ? "login" : r.director ? "director" : r.affiliate ? "affiliate" : "person" }));
  } finally {
    await client.end();
  }
}

async function personByNumber(databaseUrl: string | undefined, nrn: string) {
  if (!databaseUrl) return undefined;
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ firstName: string; lastName: string; email: string | null }>(`select "firstName", "lastName", email from "Person" where niss = $1`, [nrn]);
    return rows[0];
  } finally {
    await client.end();
  }
}

/** A valid number nobody in the database bears: the "unknown citizen" of the page. */
async function unknownNumber(databaseUrl: string | undefined): Promise<string> {
  const candidates = Array.from({ length: 20 }, (_, i) => nationalNumber("900101", 990 - i));
  if (!databaseUrl) return candidates[0];
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ niss: string }>(`select niss from "Person" where niss = any($1::text[])`, [candidates]);
    const taken = new Set(rows.map((r) => r.niss));
    return candidates.find((c) => !taken.has(c)) ?? candidates[0];
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------- the citizen page

const TEXT = {
  fr: {
    title: "Service d'authentification fédéral (local) — choisir un citoyen de test",
    heading: "Connexion avec eID ou itsme",
    banner: "Fournisseur d'identité local de développement et de test : aucune carte ni application n'est demandée.",
    who: "Citoyen de test",
    method: "Moyen d'identification",
    eid: "Carte d'identité électronique (eID)",
    itsme: "itsme",
    unknown: "Citoyen inconnu de la caisse",
    other: "Autre numéro de registre national",
    otherHint: "11 chiffres, par exemple 85.07.30-033.28",
    submit: "Se connecter",
    cancel: "Annuler",
    invalid: "Choisissez un citoyen ou entrez un numéro de registre national valable.",
    notes: { login: "a un compte sur le portail", director: "administrateur de société", affiliate: "affilié", person: "personne connue" },
  },
  nl: {
    title: "Federale authenticatiedienst (lokaal) — een testburger kiezen",
    heading: "Aanmelden met eID of itsme",
    banner: "Lokale identiteitsprovider voor ontwikkeling en tests: er is geen kaart of app nodig.",
    who: "Testburger",
    method: "Identificatiemiddel",
    eid: "Elektronische identiteitskaart (eID)",
    itsme: "itsme",
    unknown: "Burger die het fonds niet kent",
    other: "Ander rijksregisternummer",
    otherHint: "11 cijfers, bijvoorbeeld 85.07.30-033.28",
    submit: "Aanmelden",
    cancel: "Annuleren",
    invalid: "Kies een burger of vul een geldig rijksregisternummer in.",
    notes: { login: "heeft een account op het portaal", director: "bestuurder van een vennootschap", affiliate: "aangesloten", person: "gekende persoon" },
  },
} as const;

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

function page(lang: "fr" | "nl", body: string, nonce: string) {
  const t = TEXT[lang];
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(t.title)}</title>
<style nonce="${nonce}">
body{font-family:system-ui,sans-serif;margin:0;background:#f4f5f7;color:#1a1a1a}
header{background:#1f3a5f;color:#fff;padding:1rem 1.5rem}
main{max-width:40rem;margin:1.5rem auto;background:#fff;padding:1.5rem;border-radius:6px}
fieldset{border:1px solid #767676;border-radius:4px;margin:0 0 1rem;padding:.75rem 1rem}
legend{font-weight:600;padding:0 .25rem}
label{display:block;padding:.25rem 0}
input[type=text]{margin-top:.25rem;padding:.4rem;border:1px solid #555;border-radius:4px;width:14rem}
button{background:#1f3a5f;color:#fff;border:0;border-radius:4px;padding:.6rem 1.2rem;font-size:1rem;margin-right:.75rem;cursor:pointer}
button.secondary{background:#fff;color:#1f3a5f;border:1px solid #1f3a5f}
.note{color:#4a4a4a;font-size:.9rem}
.banner{background:#fff4ce;border-left:4px solid #8a6d00;padding:.5rem .75rem;margin:0 0 1rem}
.error{background:#fde7e9;border-left:4px solid #a4262c;padding:.5rem .75rem;margin:0 0 1rem;color:#a4262c}
</style>
</head>
<body>
<header><p>FAS · BOSA (local)</p></header>
<main>
${body}
</main>
</body>
</html>`;
}

function citizenForm(lang: "fr" | "nl", uid: string, citizens: Citizen[], unknown: string, requestedAcr: string | undefined, error: boolean) {
  const t = TEXT[lang];
  const method = LOCAL_FAS_METHODS.find((m) => m.acr === requestedAcr)?.id ?? "eid";
  const radios = citizens
    .map(
      (c, i) =>
        `<label><input type="radio" name="citizen" value="${c.nrn}"${i === 0 ? " checked" : ""}> ${escape(`${c.firstName} ${c.lastName}`)} — ${formatNrn(c.nrn)} <span class="note">(${t.notes[c.note]})</span></label>`,
    )
    .join("\n");
  return `<h1>${escape(t.heading)}</h1>
<p class="banner">${escape(t.banner)}</p>
${error ? `<p class="error" role="alert">${escape(t.invalid)}</p>` : ""}
<form method="post" action="/interaction/${uid}/login">
<fieldset><legend>${escape(t.who)}</legend>
${radios}
<label><input type="radio" name="citizen" value="${unknown}"${citizens.length === 0 ? " checked" : ""}> ${escape(t.unknown)} — ${formatNrn(unknown)}</label>
<label><input type="radio" name="citizen" value="other"> ${escape(t.other)}</label>
<label for="other-nrn" class="note">${escape(t.otherHint)}</label>
<input type="text" id="other-nrn" name="other" inputmode="numeric" autocomplete="off">
</fieldset>
<fieldset><legend>${escape(t.method)}</legend>
${LOCAL_FAS_METHODS.map((m) => `<label><input type="radio" name="method" value="${m.id}"${m.id === method ? " checked" : ""}> ${escape(t[m.id])}</label>`).join("\n")}
</fieldset>
<button type="submit">${escape(t.submit)}</button>
<button type="submit" class="secondary" formaction="/interaction/${uid}/abort">${escape(t.cancel)}</button>
</form>`;
}

/** What a real page of ours would carry (the portal's e2e suite checks every HTML page it visits). */
function securityHeaders(res: http.ServerResponse, nonce: string, formTargets: string[]) {
  res.setHeader(
    "Content-Security-Policy",
    [`default-src 'none'`, `script-src 'nonce-${nonce}'`, `style-src 'nonce-${nonce}'`, `img-src 'self'`, `base-uri 'none'`, `form-action 'self' ${formTargets.join(" ")}`, `frame-ancestors 'none'`].join("; "),
  );
  res.setHeader("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
  res.setHeader("Referrer-Policy", "no-referrer");
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("X-Frame-Options", "DENY");
  res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()");
  res.setHeader("Cache-Control", "no-store");
}

async function readForm(req: http.IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 16 * 1024) throw new Error("form too large");
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}

// ---------------------------------------------------------------- the provider

export type LocalFasOptions = {
  /** the portal's public addresses: each gets its callback registered */
  portalUrls: string[];
  /** the database whose people are the citizens (the application role may read Person) */
  databaseUrl?: string;
  port?: number;
  dir?: string;
};

export type LocalFas = { issuer: string; clientId: string; clientSecret: string; close: () => Promise<void> };

export async function startLocalFas({ portalUrls, databaseUrl, port = 0, dir }: LocalFasOptions): Promise<LocalFas> {
  const { jwks, cookieKeys, clientSecret } = localFasSecrets(dir);
  const origins = [...new Set(portalUrls.map((u) => new URL(u).origin))];
  const redirectUris = origins.map((o) => `${o}/api/auth/callback/fas`);
  // the accounts signed in since start: accountId (an opaque hash of the number) → claims
  const accounts = new Map<string, Record<string, unknown>>();
  const accountIdOf = (nrn: string) => crypto.createHmac("sha256", cookieKeys[0]).update(nrn).digest("base64url").slice(0, 24);

  // the issuer's URL holds the port: listen first, then make the provider
  const route: { handle?: (req: http.IncomingMessage, res: http.ServerResponse) => void } = {};
  const server = http.createServer((req, res) => {
    if (route.handle) route.handle(req, res);
    else res.writeHead(503).end();
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const address = server.address();
  const issuer = `http://127.0.0.1:${typeof address === "object" && address ? address.port : port}`;

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: LOCAL_FAS_CLIENT_ID,
        client_secret: clientSecret,
        redirect_uris: redirectUris,
        post_logout_redirect_uris: origins.map((o) => `${o}/login`),
        response_types: ["code"],
        grant_types: ["authorization_code"],
        token_endpoint_auth_method: "client_secret_basic",
        id_token_signed_response_alg: "RS256",
      },
    ],
    jwks,
    cookies: { keys: cookieKeys },
    // FAS's scopes and claims; the claims go into the ID token too, as the portal reads them there
    claims: { openid: ["sub"], profile: ["givenName", "surname", "prefLanguage", "mail"], egovnrn: ["egovNRN"] },
    conformIdTokenClaims: false,
    acrValues: LOCAL_FAS_METHODS.map((m) => m.acr),
    pkce: { required: () => true },
    features: { devInteractions: { enabled: false }, userinfo: { enabled: true } },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    // a first-party client: the consent is given once the citizen signed in (no consent page)
    async loadExistingGrant(ctx: KoaContextWithOIDC) {
      const { client, session, result } = ctx.oidc;
      if (!client || !session?.accountId) return undefined;
      const grantId = result?.consent?.grantId ?? session.grantIdFor(client.clientId);
      if (grantId) {
        const existing = await ctx.oidc.provider.Grant.find(grantId);
        if (existing) return existing;
      }
      const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope("openid profile egovnrn");
      await grant.save();
      return grant;
    },
    async findAccount(_ctx: unknown, sub: string): Promise<Account | undefined> {
      const claims = accounts.get(sub);
      return claims && { accountId: sub, claims: () => ({ sub, ...claims }) };
    },
    async renderError(ctx: { type: string; body: string; status: number }, out: Record<string, string>) {
      ctx.type = "text/plain; charset=utf-8";
      ctx.body = `FAS (local): ${out.error}${out.error_description ? ` — ${out.error_description}` : ""}\n`;
    },
  });
  provider.on("server_error", (_ctx, error) => log(`server error: ${error instanceof Error ? error.message : String(error)}`));
  const oidc = provider.callback();

  async function interaction(req: http.IncomingMessage, res: http.ServerResponse, action: string | undefined) {
    const details: InteractionDetails = await provider.interactionDetails(req, res);
    const lang = String(details.params.ui_locales ?? "").split(" ")[0] === "nl" ? "nl" : "fr";
    if (action === "abort" && req.method === "POST") {
      return provider.interactionFinished(req, res, { error: "access_denied", error_description: "the citizen cancelled" }, { mergeWithLastSubmission: false });
    }
    let error = false;
    if (action === "login" && req.method === "POST") {
      const form = await readForm(req);
      const chosen = form.get("citizen") === "other" ? (form.get("other") ?? "") : (form.get("citizen") ?? "");
      const nrn = validNationalNumber(chosen);
      const method = LOCAL_FAS_METHODS.find((m) => m.id === form.get("method")) ?? LOCAL_FAS_METHODS[0];
      if (nrn) {
        const known = await personByNumber(databaseUrl, nrn);
        const accountId = accountIdOf(nrn);
        accounts.set(accountId, {
          egovNRN: nrn,
          givenName: known?.firstName ?? "Test",
          surname: known?.lastName ?? "Citizen",
          prefLanguage: lang,
          ...(known?.email ? { mail: known.email } : {}),
        });
        return provider.interactionFinished(req, res, { login: { accountId, acr: method.acr, amr: [method.id] } }, { mergeWithLastSubmission: false });
      }
      error = true;
    }
    const nonce = crypto.randomBytes(16).toString("base64");
    const [citizens, unknown] = await Promise.all([demoCitizens(databaseUrl), unknownNumber(databaseUrl)]);
    securityHeaders(res, nonce, origins);
    res.statusCode = error ? 400 : 200;
    res.setHeader("Content-Type", "text/html; charset=utf-8");
    res.end(page(lang, citizenForm(lang, details.uid, citizens, unknown, details.params.acr_values?.split(" ")[0], error), nonce));
  }

  route.handle = (req, res) => {
    const match = /^\/interaction\/([A-Za-z0-9_-]+)(?:\/(login|abort))?$/.exec((req.url ?? "").split("?")[0]);
    if (!match) return oidc(req, res);
    interaction(req, res, match[2]).catch((error: unknown) => {
      log(`interaction: ${error instanceof Error ? error.message : String(error)}`);
      if (!res.headersSent) res.writeHead(400, { "Content-Type": "text/plain; charset=utf-8" });
      res.end("FAS (local): this sign-in expired or is unknown; start again from the portal.\n");
    });
  };

  return {
    issuer,
    clientId: LOCAL_FAS_CLIENT_ID,
    clientSecret,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** For the wrappers: the local provider unless FAS_ISSUER names one; returns the env to add for the portal. */
export async function localFasEnv(portalUrl: string, databaseUrl: string | undefined): Promise<{ env: Record<string, string>; close: () => Promise<void> }> {
  if (process.env.FAS_ISSUER) return { env: {}, close: async () => {} };
  // the portal's address and its loopback twin: a browser may use either
  const url = new URL(portalUrl);
  const twins = [url.toString()];
  if (url.hostname === "localhost" || url.hostname === "127.0.0.1") {
    for (const host of ["localhost", "127.0.0.1"]) twins.push(`${url.protocol}//${host}:${url.port}`);
  }
  const fas = await startLocalFas({ portalUrls: twins, databaseUrl, port: Number(process.env.FAS_LOCAL_PORT ?? 0) });
  log(`local provider at ${fas.issuer} (demo citizens; FAS_ISSUER unset)`);
  return { env: { FAS_ISSUER: fas.issuer, FAS_CLIENT_ID: fas.clientId, FAS_CLIENT_SECRET: fas.clientSecret }, close: fas.close };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const fas = await startLocalFas({ portalUrls: [process.env.NEXTAUTH_URL ?? "http://localhost:3000"], databaseUrl: process.env.DATABASE_URL, port: Number(process.argv[2] ?? 0) });
  console.log(`FAS_ISSUER=${fas.issuer}\nFAS_CLIENT_ID=${fas.clientId}\nFAS_CLIENT_SECRET=${fas.clientSecret}`);
}
