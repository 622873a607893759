import { defineConfig } from "vitest/config";
import path from "node:path";

// "server-only" throws outside React Server Components: tests import server modules directly.
const alias = { "@": path.resolve(import.meta.dirname), "server-only": path.resolve(import.meta.dirname, "tests/support/server-only.ts") };

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts"],
          environment: "node",
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          // one PostgreSQL database for the whole run: files run one after another
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
    coverage: {
      provider: "v8",
      include: ["lib/domain/**/*.ts"],
      reporter: ["text-summary", "json-summary"],
      // the domain core is fully covered: a new branch without a test fails the run
      thresholds: { statements: 100, branches: 100, functions: 100, lines: 100 },
    },
  },
});
