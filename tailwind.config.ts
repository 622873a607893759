import type { Config } from "tailwindcss";

// Loaded by Tailwind 4 through `@config` in app/globals.css.
// Colours are chosen for WCAG 2.1 AA contrast on white (≥ 4.5:1 for text).
const config: Config = {
  content: ["./app/**/*.{ts,tsx}", "./components/**/*.{ts,tsx}"],
  theme: {
    extend: {
      colors: {
        brand: { 50: "#eef5fb", 100: "#d6e7f5", 600: "#1f5f99", 700: "#174a78", 800: "#123a5e", 900: "#0d2a45" },
        ok: { 50: "#ecf8ef", 700: "#1b6b33" },
        warn: { 50: "#fff7e6", 800: "#7a4b00" },
        bad: { 50: "#fdecec", 700: "#a4161a" },
      },
      fontFamily: { sans: ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Arial", "sans-serif"] },
    },
  },
};
export default config;
