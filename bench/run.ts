// `npm run bench` (tsx scripts/with-db.ts --db bench -- tsx bench/run.ts): runs every benchmark on the "bench"
// database, one after the other. bench/money.ts always; bench/search.ts and bench/dashboards.ts only when they
// exist AND export a `run()` (they are checked as text first, so that a script that runs itself on import is
// not started by accident). A failing benchmark is reported and the others still run; exit code 1 if any failed.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const here = import.meta.dirname;
const OPTIONAL = ["search.ts", "dashboards.ts"];
const EXPORTS_RUN = /export\s+(async\s+)?function\s+run\s*\(|export\s+const\s+run\s*=|export\s*\{[^}]*\brun\b[^}]*\}/;

async function main(): Promise<number> {
  const benches: { name: string; file: string }[] = [{ name: "money", file: path.join(here, "money.ts") }];
  for (const f of OPTIONAL) {
    const file = path.join(here, f);
    if (!existsSync(file)) console.log(`bench: ${f} absent, skipped`);
    else if (!EXPORTS_RUN.test(readFileSync(file, "utf8"))) console.log(`bench: ${f} does not export run(), skipped`);
    else benches.push({ name: f.replace(/\.ts$/, ""), file });
  }
  let failed = 0;
  for (const b of benches) {
    console.log(`\nbench: ── ${b.name} ──`);
    const started = Date.now();
    try {
      const mod = (await import(pathToFileURL(b.file).href)) as { run?: () => Promise<unknown> };
      if (typeof mod.run !== "function") throw new Error(`${b.name} has no run()`);
      await mod.run();
      console.log(`bench: ${b.name} done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    } catch (error) {
      failed++;
      console.error(`bench: ${b.name} failed`, error);
    }
  }
  return failed > 0 ? 1 : 0;
}

main().then((code) => process.exit(code));
