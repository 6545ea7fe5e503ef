// ESLint (flat config): typescript-eslint's recommended rules, React's rules of hooks and
// Next.js's recommended + Core Web Vitals rules; formatting is Prettier's job (eslint-config-prettier
// switches off every rule that would argue with it). Run with `npm run lint`.
import { defineConfig } from "eslint/config";
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import nextPlugin from "@next/eslint-plugin-next";
import prettier from "eslint-config-prettier";
import globals from "globals";

export default defineConfig(
  {
    ignores: [
      ".next/",
      "node_modules/",
      "src/generated/",
      "next-env.d.ts",
      "test-results/",
      "playwright-report/",
      "screenshots/",
      "reports/",
      ".stryker-tmp/",
      "bench/.work/",
      "data/",
      ".data-*/",
      "data-synth-*/",
      "data-shot/",
      "backups/",
      "tests/e2e/.auth/",
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  // The rules of hooks everywhere in the app; the React Compiler's checks (the costly part of the
  // recommended set) only where components and hooks live: .tsx files.
  { files: ["src/**/*.ts", "src/**/*.tsx"], plugins: { "react-hooks": reactHooks }, rules: { "react-hooks/rules-of-hooks": "error", "react-hooks/exhaustive-deps": "warn" } },
  { ...reactHooks.configs.flat.recommended, files: ["**/*.tsx"] },
  nextPlugin.configs["core-web-vitals"],
  {
    // plain JavaScript modules run on Node (the production entry point, a test double)
    files: ["**/*.mjs", "**/*.js", "**/*.cjs"],
    languageOptions: { globals: globals.node },
  },
  {
    settings: { next: { rootDir: "." } },
    rules: {
      // 全角空格 (U+3000) is typography in Chinese text (the blanks of a printed date, 年\u3000\u3000月); strings are skipped by default, so is JSX text.
      "no-irregular-whitespace": ["error", { skipJSXText: true }],
      // `_`-prefixed names say "deliberately unused" (a destructured field left out, a required parameter).
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_", ignoreRestSiblings: true }],
    },
  },
  prettier,
);
