// Each part of the portal sends its client components only the catalogue namespaces listed for it
// (lib/i18n/client-namespaces.ts). This test reads the code as TypeScript: from every file of a part (app/(public),
// app/(affiliate), …) it follows the imports, and in each client module ("use client") it reads what
// useTranslations is given — a namespace, a choice between namespaces, or a form's `ns` — then checks that the part
// sends exactly what its client components use: a missing namespace would show keys instead of sentences, an unused
// one would weigh on every page for nothing.
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { CLIENT_NAMESPACES, clientMessages, partsOf, type PortalPart } from "@/lib/i18n/client-namespaces";
import { loadMessages } from "@/lib/i18n/messages";

const ROOT = process.cwd();
/** Each part's folder and the layout that gives its namespaces. */
const PARTS = Object.fromEntries(
  (Object.keys(CLIENT_NAMESPACES) as PortalPart[]).filter((p) => p !== "root").map((part) => {
    const [top, area] = part.split("/");
    const folder = area ? `app/(${top})/${top}/${area}` : `app/(${top})`;
    const layout = area ? `${folder}/layout.tsx` : top === "public" ? `${folder}/layout.tsx` : `${folder}/${{ affiliate: "me", staff: "staff", accountant: "portfolio" }[top]}/layout.tsx`;
    return [part, { folder, layout }];
  }),
) as Record<Exclude<PortalPart, "root">, { folder: string; layout: string }>;
const ROOT_FILES = ["app/layout.tsx", "app/not-found.tsx"];

function filesUnder(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(rel) : /\.tsx?$/.test(e.name) ? [rel] : [];
  });
}

function resolve(from: string, spec: string): string | undefined {
  const base = spec.startsWith("@/") ? spec.slice(2) : spec.startsWith(".") ? path.join(path.dirname(from), spec) : undefined;
  if (base === undefined) return undefined;
  return [`${base}.tsx`, `${base}.ts`, `${base}/index.ts`, `${base}/index.tsx`].find((f) => fs.existsSync(path.join(ROOT, f)));
}

type Module = { imports: string[]; client: boolean; namespaces: string[]; dynamic: string[]; nsProps: string[] };
const modules = new Map<string, Module>();

/** Reads one module: its imports, whether it is a client module, what its useTranslations calls name, its `ns` props. */
function read(file: string): Module {
  const known = modules.get(file);
  if (known) return known;
  const source = ts.createSourceFile(file, fs.readFileSync(path.join(ROOT, file), "utf8"), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const first = source.statements[0];
  const m: Module = {
    imports: [], namespaces: [], dynamic: [], nsProps: [],
    client: !!first && ts.isExpressionStatement(first) && ts.isStringLiteral(first.expression) && first.expression.text === "use client",
  };
  // what a useTranslations argument can be: a namespace, a choice of two, or the `ns` a form is given by its page
  const namespacesOf = (e: ts.Expression): string[] | undefined => {
    if (ts.isStringLiteralLike(e)) return [e.text];
    if (ts.isParenthesizedExpression(e)) return namespacesOf(e.expression);
    if (ts.isConditionalExpression(e)) {
      const a = namespacesOf(e.whenTrue);
      const b = namespacesOf(e.whenFalse);
      return a && b ? [...a, ...b] : undefined;
    }
    if (ts.isIdentifier(e) && e.text === "ns") return [];
    return undefined;
  };
  const visit = (node: ts.Node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const target = resolve(file, node.moduleSpecifier.text);
      if (target) m.imports.push(target);
    }
    if (ts.isCallExpression(node)) {
      if (node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) {
        const target = resolve(file, node.arguments[0].text);
        if (target) m.imports.push(target);
      }
      if (ts.isIdentifier(node.expression) && node.expression.text === "useTranslations") {
        const arg = node.arguments[0];
        const names = arg ? namespacesOf(arg) : undefined;
        if (names) m.namespaces.push(...names.map((n) => n.split(".")[0]));
        else m.dynamic.push(arg ? arg.getText(source) : "useTranslations()");
      }
    }
    if (ts.isJsxAttribute(node) && node.name.getText(source) === "ns" && node.initializer && ts.isStringLiteral(node.initializer)) m.nsProps.push(node.initializer.text);
    if (ts.isPropertyAssignment(node) && node.name.getText(source) === "ns" && ts.isStringLiteralLike(node.initializer)) m.nsProps.push(node.initializer.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  modules.set(file, m);
  return m;
}

/** The namespaces the client side of these entry files uses, and the client calls this test cannot read. */
function used(entries: string[]): { namespaces: Set<string>; unreadable: string[] } {
  const seen = new Set<string>();
  const stack = [...entries];
  const namespaces = new Set<string>();
  const unreadable: string[] = [];
  while (stack.length > 0) {
    const file = stack.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const m = read(file);
    // a page's or a component's `ns` reaches a client form (components/me/me-form.tsx) whichever side names it
    for (const ns of m.nsProps) namespaces.add(ns.split(".")[0]);
    if (m.client) {
      for (const ns of m.namespaces) namespaces.add(ns);
      unreadable.push(...m.dynamic.map((d) => `${file}: useTranslations(${d})`));
    }
    stack.push(...m.imports);
  }
  return { namespaces, unreadable };
}

/** A part's own files: its folder's, without those of the parts inside it. */
function ownFiles(part: Exclude<PortalPart, "root">): string[] {
  const inner = Object.entries(PARTS).filter(([p]) => p !== part && p.startsWith(`${part}/`)).map(([, v]) => `${v.folder}/`);
  return filesUnder(PARTS[part].folder).filter((f) => !inner.some((dir) => f.startsWith(dir)));
}

describe("the catalogue namespaces sent to the browser", async () => {
  const catalogue = await loadMessages("fr");

  it("root: the root layout's client side uses exactly what it sends", () => {
    const { namespaces, unreadable } = used(ROOT_FILES);
    expect(unreadable).toEqual([]);
    expect([...namespaces].sort()).toEqual([...CLIENT_NAMESPACES.root].sort());
  });

  it.each(Object.keys(PARTS))("%s: its layout sends its namespaces, and its client components use no other", (key) => {
    const part = key as Exclude<PortalPart, "root">;
    expect(fs.readFileSync(path.join(ROOT, PARTS[part].layout), "utf8")).toContain(`<ClientMessages part="${part}">`);
    const entries = ownFiles(part);
    expect(entries.length).toBeGreaterThan(0);
    const { namespaces, unreadable } = used(entries);
    expect(unreadable, "a useTranslations argument this test cannot read: name the namespace, or a choice of namespaces").toEqual([]);
    const sent = new Set<string>(partsOf(part).flatMap((p) => CLIENT_NAMESPACES[p]));
    expect([...namespaces].filter((n) => !sent.has(n)).sort(), "used by a client component, not sent").toEqual([]);
  });

  it.each(Object.keys(PARTS))("%s: every namespace it lists is used in it (or in a part inside it), and listed once", (key) => {
    const part = key as Exclude<PortalPart, "root">;
    const { namespaces } = used(filesUnder(PARTS[part].folder));
    const own: readonly string[] = CLIENT_NAMESPACES[part];
    expect(own.filter((n) => !namespaces.has(n)), "sent, used by no client component").toEqual([]);
    const above = new Set<string>(partsOf(part).filter((p) => p !== part).flatMap((p) => CLIENT_NAMESPACES[p]));
    expect(own.filter((n) => above.has(n)), "already sent by a part above").toEqual([]);
  });

  it("every namespace listed exists in the catalogue", () => {
    for (const ns of Object.values(CLIENT_NAMESPACES).flat()) expect(catalogue, ns).toHaveProperty([ns]);
  });

  it("a part's messages are its namespaces and those of the parts above it, each with the catalogue's own text", () => {
    const picked = clientMessages(catalogue as Record<string, unknown>, "staff/jobs");
    expect(Object.keys(picked).sort()).toEqual([...CLIENT_NAMESPACES.staff, ...CLIENT_NAMESPACES["staff/jobs"]].sort());
    expect(picked.nav).toBe((catalogue as Record<string, unknown>).nav);
    expect(partsOf("accountant")).toEqual(["root", "accountant"]);
  });
});
