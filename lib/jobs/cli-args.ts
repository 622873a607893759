// Parses `<job> [positional…] [--key value] [--flag]` (the CLI and tests share it).
export interface ParsedArgs {
  job: string | undefined;
  positional: string[];
  options: Record<string, string | boolean>;
}

const FLAGS = new Set(["dry-run"]);

export function parseArgs(argv: string[]): ParsedArgs {
  const positional: string[] = [];
  const options: Record<string, string | boolean> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--") continue;
    if (a.startsWith("--")) {
      const [key, inline] = a.slice(2).split("=", 2);
      if (inline !== undefined) options[key] = inline;
      else if (FLAGS.has(key) || i + 1 >= argv.length || argv[i + 1].startsWith("--")) options[key] = true;
      else options[key] = argv[++i];
    } else positional.push(a);
  }
  return { job: positional.shift(), positional, options };
}
