// Prisma CLI configuration: Prisma 6.19.3 with the JavaScript schema engine, so migrations run offline.
import path from "node:path";
import { defineConfig } from "prisma/config";
import { migrationAdapter } from "./lib/db/pg-adapter";

// Without a DATABASE_URL the Prisma 6 CLI falls back to downloading a query engine (STACK.md).
process.env.DATABASE_URL ??= "postgresql://placeholder:placeholder@127.0.0.1:5432/placeholder";

export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  experimental: { adapter: true },
  engine: "js",
  adapter: async () => migrationAdapter(process.env.DATABASE_URL as string),
});
