// Every user-visible string exists in French, Dutch, German and English (one folder per language, the same files in
// each), and every message is valid ICU syntax with the same placeholders as the French source.
import { describe, expect, it } from "vitest";
import { IntlMessageFormat } from "intl-messageformat";
import { loadCatalogParts, loadMessages } from "@/lib/i18n/messages";
import { LOCALES } from "@/lib/i18n/config";

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

const catalogs = Object.fromEntries(await Promise.all(LOCALES.map(async (l) => [l, flatten((await loadMessages(l)) as Tree)] as const))) as Record<(typeof LOCALES)[number], Map<string, string>>;
const OTHERS = LOCALES.filter((l) => l !== "fr");

describe("message catalogues", () => {
  it.each([...LOCALES])("%s: no two files define the same top-level namespace", async (locale) => {
    const seen = new Map<string, string>();
    for (const { file, messages } of await loadCatalogParts(locale)) {
      for (const ns of Object.keys(messages)) {
        expect(seen.get(ns), `${ns} in ${file}`).toBeUndefined();
        seen.set(ns, file);
      }
    }
  });

  it.each([...LOCALES])("%s: no file defines a key twice in the same object (JSON keeps the last one silently)", async (locale) => {
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

  it("has one folder per language with the same files", async () => {
    const { readdir } = await import("node:fs/promises");
    const files = async (l: string) => (await readdir(`${process.cwd()}/lib/i18n/messages/${l}`)).filter((f) => f.endsWith(".json")).sort();
    const french = await files("fr");
    for (const l of OTHERS) expect(await files(l), l).toEqual(french);
  });

  it.each(OTHERS)("%s has the same keys as French", (locale) => {
    const frKeys = [...catalogs.fr.keys()].sort();
    const keys = [...catalogs[locale].keys()].sort();
    expect(keys.filter((k) => !catalogs.fr.has(k))).toEqual([]);
    expect(frKeys.filter((k) => !catalogs[locale].has(k))).toEqual([]);
    expect(frKeys.length).toBeGreaterThan(150);
  });

  it.each(["de", "en"] as const)("%s is a translation, not a copy: no sentence is left in French", (locale) => {
    // the words of a message: its literal text, placeholders and plural/select scaffolding left out
    type Node = { type: number; value?: string; options?: Record<string, { value: Node[] }> };
    const text = (nodes: Node[]): string => nodes.map((n) => (n.type === 0 ? (n.value ?? "") : Object.values(n.options ?? {}).map((o) => text(o.value)).join(" "))).join(" ");
    const words = (m: string) => text(new IntlMessageFormat(m, "fr").getAst() as Node[]).match(/\p{L}{2,}/gu) ?? [];
    const sentences = [...catalogs.fr].filter(([, v]) => words(v).length >= 4);
    const same = sentences.filter(([k, v]) => catalogs[locale].get(k) === v).map(([k]) => k);
    expect(same).toEqual([]);
  });

  it.each([...LOCALES])("%s: every message parses as ICU and is not empty", (locale) => {
    for (const [key, message] of catalogs[locale]) {
      expect(message.trim(), key).not.toBe("");
      expect(() => new IntlMessageFormat(message, locale), key).not.toThrow();
    }
  });

  it.each(OTHERS)("%s uses the same placeholders as French", (locale) => {
    type Node = { type: number; value?: string; options?: Record<string, { value: Node[] }> };
    const names = (nodes: Node[]): string[] =>
      nodes.flatMap((n) => [
        ...(n.type !== 0 && n.value ? [n.value] : []), // 0 = literal text
        ...Object.values(n.options ?? {}).flatMap((o) => names(o.value)),
      ]);
    const placeholders = (m: string) => [...new Set(names(new IntlMessageFormat(m, "fr").getAst() as Node[]))].sort();
    for (const [key, message] of catalogs.fr) expect(placeholders(catalogs[locale].get(key) ?? ""), key).toEqual(placeholders(message));
  });
});
