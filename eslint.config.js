import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

/** Client code never imports server code: the one-way arrows of ARCHITECTURE.md. */
const serverOnly = {
  patterns: [
    {
      group: ["@/lib/db", "@/lib/db/*", "@/lib/http", "@/lib/http/*", "@/server", "@/server/*", "@/test/*"],
      message: "Client code must not import server code (ARCHITECTURE.md).",
    },
    {
      group: ["**/lib/db/**", "**/lib/http/**", "**/server/**", "**/test/**"],
      message: "Client code must not import server code (ARCHITECTURE.md).",
    },
  ],
};

export default tseslint.config(
  {
    ignores: [
      "node_modules/",
      ".next*/",
      "lib/db/generated/",
      "playwright-report/",
      "test-results/",
      "next-env.d.ts",
      "data/",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node, ...globals.browser },
    },
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
    },
  },
  {
    // Everything in lib/ but lib/db (the database operations) and lib/http (the server's HTTP helpers) is domain code
    // the browser may load; app/ pages and route handlers may import both.
    files: ["components/**", "lib/**"],
    ignores: ["lib/db/**", "lib/http/**", "**/*.test.ts", "**/*.test.tsx"],
    rules: { "no-restricted-imports": ["error", serverOnly] },
  },
  {
    files: ["**/*.js"],
    ...tseslint.configs.disableTypeChecked,
  },
);
