// ESLint: JavaScript and typescript-eslint's recommended rules for .ts/.mjs, eslint-plugin-astro's for
// .astro (frontmatter and <script> blocks). Formatting is Prettier's job (`npm run lint` runs both).
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  // Build output at any depth (the benchmark builds a bare Starlight site under tests/bench/bare/).
  globalIgnores(['**/dist/', 'dist-base/', '**/.astro/', 'test-results/', 'playwright-report/']),
  js.configs.recommended,
  tseslint.configs.recommended,
  astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      // Prettier wraps code at 160; this catches what it cannot wrap (long strings, comments). Data lives in content/.
      'max-len': ['error', { code: 160, ignoreUrls: true, ignoreStrings: true, ignoreTemplateLiterals: true }],
      // `const { dropped, ...rest } = x` and `_unused` parameters are intentional.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
);
