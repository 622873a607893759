import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [".next/**", ".next-*/**", "node_modules/**", "lib/generated/**", ".data/**", "coverage/**", "test-results/**", "playwright-report/**", "next-env.d.ts"],
  },
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["**/*.cjs"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // the layers of docs/architecture.json: components get plain data from pages, formats read and write bytes
    files: ["components/**/*.{ts,tsx}", "lib/formats/**/*.ts", "lib/dto/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [
        { group: ["@/lib/dal", "@/lib/dal/**", "**/lib/dal/**"], message: "Components, formats and DTOs get plain data: the page asks the DAL." },
        { group: ["@/lib/db/*", "!@/lib/db/enums", "@/lib/generated/prisma/client"], message: "Components, formats and DTOs never query." },
      ] }],
    },
  },
  {
    // pages, actions, route handlers and jobs use the guarded use cases; the private plumbing is the DAL's and the jobs'
    files: ["app/**/*.{ts,tsx}", "lib/actions/**/*.ts", "proxy.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [
        { group: ["@/lib/dal/internal", "@/lib/dal/internal/**", "**/dal/internal/**"], message: "lib/dal/internal is private to the DAL and the jobs: call a use case of lib/dal/<subject>/." },
        { group: ["@/lib/db/*", "@/lib/generated/prisma/client"], message: "Pages and actions ask the DAL, never Prisma (the lists forms need are in lib/dto)." },
      ] }],
    },
  },
  {
    files: ["lib/auth/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [
        { group: ["@/lib/dal/internal", "@/lib/dal/internal/**", "**/dal/internal/**"], message: "lib/dal/internal is private to the DAL and the jobs." },
      ] }],
    },
  },
  {
    // the domain core stays pure: no I/O, no framework, no clock
    files: ["lib/domain/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: ["@prisma/*", "next", "next/*", "react", "node:*", "fs", "path", "@/lib/generated/*", "@/lib/db/*"] }],
      "no-restricted-syntax": ["error", { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: "The domain never reads the clock: take `today` as an argument." }, { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: "The domain never reads the clock." }],
      "no-restricted-globals": ["error", "process"],
    },
  },
];
export default config;
