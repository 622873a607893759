// Every user-visible string exists in French and Dutch, and every message is valid ICU syntax.
import { describe, expect, it } from "vitest";
import { IntlMessageFormat } from "intl-messageformat";
import { loadCatalogParts, loadMessages } from "@/lib/i18n/messages";

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === "string") out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

const catalogs = { fr: flatten((await loadMessages("fr")) as Tree), nl: flatten((await loadMessages("nl")) as Tree) };

describe("message catalogues", () => {
  it.each(["fr", "nl"] as const)("%s: no two files define the same top-level namespace", async (locale) => {
    const seen = new Map<string, string>();
    for (const { file, messages } of await loadCatalogParts(locale)) {
      for (const ns of Object.keys(messages)) {
        expect(seen.get(ns), `${ns} in ${file}`).toBeUndefined();
        seen.set(ns, file);
      }
    }
  });

  it.each(["fr", "nl"] as const)("%s: no file defines a key twice in the same object (JSON keeps the last one silently)", async (locale) => {
    const { readdir, readFile } = await import("node:fs/promises");
    const dir = `${process.cwd()}/lib/i18n/messages/${locale}`;
    for (const file of (await readdir(dir)).filter((f) => f.endsWith(".json"))) {
      // walk the text: a stack of the keys seen in each open object
      const text = await readFile(`${dir}/${file}`, "utf8");
      const stack: Set<string>[] = [];
      const duplicates: string[] = [];
      for (const m of text.matchAll(/"((?:[^"\\]|\\.)*)"\s*:|[{}]|"(?:[^"\\]|\\.)*"/g)) {
        if (m[0] === "{") stack.push(new Set());
        else if (m[0] === "}") stack.pop();
        else if (m[1] !== undefined) {
          const keys = stack[stack.length - 1];
          if (keys.has(m[1])) duplicates.push(m[1]);
          keys.add(m[1]);
        }
      }
      expect(duplicates, file).toEqual([]);
    }
  });

  it("have the same keys in French and Dutch", () => {
    const frKeys = [...catalogs.fr.keys()].sort();
    const nlKeys = [...catalogs.nl.keys()].sort();
    expect(nlKeys.filter((k) => !catalogs.fr.has(k))).toEqual([]);
    expect(frKeys.filter((k) => !catalogs.nl.has(k))).toEqual([]);
    expect(frKeys.length).toBeGreaterThan(150);
  });

  it.each(["fr", "nl"] as const)("%s: every message parses as ICU and is not empty", (locale) => {
    for (const [key, message] of catalogs[locale]) {
      expect(message.trim(), key).not.toBe("");
      expect(() => new IntlMessageFormat(message, locale), key).not.toThrow();
    }
  });

  it("uses the same placeholders in both languages", () => {
    type Node = { type: number; value?: string; options?: Record<string, { value: Node[] }> };
    const names = (nodes: Node[]): string[] =>
      nodes.flatMap((n) => [
        ...(n.type !== 0 && n.value ? [n.value] : []), // 0 = literal text
        ...Object.values(n.options ?? {}).flatMap((o) => names(o.value)),
      ]);
    const placeholders = (m: string) => [...new Set(names(new IntlMessageFormat(m, "fr").getAst() as Node[]))].sort();
    for (const [key, message] of catalogs.fr) expect(placeholders(catalogs.nl.get(key) ?? ""), key).toEqual(placeholders(message));
  });
});
