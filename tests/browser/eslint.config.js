// ESLint for the theme's browser scripts, run by .ci/run from the repository root:
// tests/browser/node_modules/.bin/eslint -c tests/browser/eslint.config.js themes/default/static src/commands/serve/live.js
import js from "@eslint/js";
import globals from "globals";

export default [
  js.configs.recommended,
  {
    files: ["themes/default/static/*.js", "src/commands/serve/live.js"],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "script",
      globals: { ...globals.browser, module: "readonly" },
    },
    rules: {
      "no-unused-vars": ["error", { args: "after-used" }],
    },
  },
];
