// Flat config: typescript-eslint (with the type-aware promise rules), React hooks and
// jsx-a11y for the client, kebab-case file names, and the import boundaries of
// STYLE.md: client never imports server, server never imports client, the client
// imports contract/ for types only.
import js from '@eslint/js';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import unicorn from 'eslint-plugin-unicorn';
import globals from 'globals';
import { readdirSync } from 'node:fs';
import tseslint from 'typescript-eslint';

const serverNeverImportsClient = {
  // The top-level client/ folder (server/pages/client is the server's own page).
  regex: '^(\\.\\./)+client(/|$)',
  message: 'The server never imports the client.',
};

/** A server folder that must not import the server folders `above` it (flat config replaces, so the client rule is repeated). */
function serverLayer(files, name, above, ...extra) {
  return {
    files,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            serverNeverImportsClient,
            {
              regex: `^(\\.\\./)+(${above.join('|')})(/|$)`,
              message: `Imports run down only: ${name} never imports ${above.join(', ')}.`,
            },
            ...extra,
          ],
        },
      ],
    },
  };
}

// The server folders above features/, and features/ with them: what the lower layers never import.
const aboveFeatures = ['plugins', 'pages', 'seed'];
const featuresAndAbove = ['features', ...aboveFeatures];
const aboveUsers = [...featuresAndAbove, 'posts', 'auth'];

// Client fences: a feature folder (client/src/features/<name>) imports only itself,
// components/ and lib/; components/ and lib/ never import a feature. Relative paths are
// matched as written, so a file N folders deep in its feature climbs N times to reach
// the other features: one block per depth (feature folders are at most three deep).
const clientFeatures = readdirSync(new URL('client/src/features', import.meta.url), {
  withFileTypes: true,
})
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const featureMessage =
  'A feature never imports another feature: move what both need to components/ or lib/.';
const featureFences = clientFeatures.flatMap((feature) =>
  [1, 2, 3].map((depth) => ({
    files: [`client/src/features/${feature}/${'*/'.repeat(depth - 1)}*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              // Climbs exactly to features/ and names another folder, or names
              // features/<other> on the way.
              regex: `^(\\.\\./){${depth}}(?!\\.\\./)(?!${feature}(/|$))|(^|/)features/(?!${feature}(/|$))`,
              message: featureMessage,
            },
          ],
        },
      ],
    },
  })),
);

export default tseslint.config(
  // hash-worker.mjs is plain JavaScript on purpose (the production build loads it as is).
  {
    ignores: [
      'node_modules',
      'dist',
      'data',
      'e2e/screenshots',
      'test-results',
      'server/auth/hash-worker.mjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    plugins: { unicorn },
    rules: {
      '@typescript-eslint/no-floating-promises': ['error', { ignoreVoid: true }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      'unicorn/filename-case': ['error', { case: 'kebabCase' }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['server/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [serverNeverImportsClient] }] },
  },
  // Server layers (STYLE.md, server/features/README.md): imports only run down.
  // features -> posts, users, auth, db; pages -> auth, plugins, db; plugins -> auth, db;
  // auth -> users, db; users -> db; db and images import nothing above them; seed sits on top.
  serverLayer(['server/features/**/*.ts'], 'features', aboveFeatures, {
    // From server/features/<x>/, "../<y>" is another feature's folder.
    regex: '^\\.\\./[^./]',
    message:
      'A feature never imports another feature: move shared logic down (users/, posts/, db/).',
  }),
  serverLayer(['server/pages/**/*.ts'], 'pages/', ['features', 'seed'], {
    // From server/pages/<x>/, "../<y>" is another page's folder; client-build.ts and
    // page-assets.ts are shared.
    regex: '^\\.\\./(?!client-build$|page-assets$)[^./]',
    message:
      "A page never imports another page's folder: what pages share lives in pages/client-build.ts, pages/page-assets.ts or below.",
  }),
  serverLayer(['server/posts/**/*.ts'], 'posts/', [...featuresAndAbove, 'auth']),
  serverLayer(['server/plugins/**/*.ts'], 'plugins/', ['features', 'pages', 'seed', 'posts']),
  serverLayer(['server/auth/**/*.ts'], 'auth/', [...featuresAndAbove, 'posts']),
  serverLayer(['server/users/**/*.ts'], 'users/', aboveUsers),
  serverLayer(['server/db/**/*.ts'], 'db/', [...aboveUsers, 'users', 'images', 'app', 'main']),
  serverLayer(['server/images/**/*.ts'], 'images/', [...aboveUsers, 'users', 'db']),
  serverLayer(['server/seed/**/*.ts'], 'seed/', ['features', 'plugins', 'pages']),
  {
    files: ['client/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.recommended.rules,
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/server/**', '**/server'],
              message: 'The client never imports the server.',
            },
            {
              // limits.ts and client-routes.ts are plain values with no imports.
              regex: '(^|/)contract(/(?!(limits|client-routes)(\\.ts)?$).*)?$',
              allowTypeImports: true,
              message:
                'The client imports contract/ with `import type` only (values: contract/limits.ts, contract/client-routes.ts).',
            },
          ],
        },
      ],
    },
  },
  ...featureFences,
  {
    files: ['client/src/components/**/*.{ts,tsx}', 'client/src/lib/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)features(/|$)',
              message: 'components/ and lib/ are shared: they never import a feature.',
            },
          ],
        },
      ],
    },
  },
  {
    // The contract's value modules reach the browser bundle: they import nothing.
    files: ['contract/limits.ts', 'contract/client-routes.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '.', message: 'A contract value module imports nothing.' }] },
      ],
    },
  },
  {
    // node:test's describe/it return promises that the runner itself awaits.
    files: ['**/*.test.ts', '**/*.spec.ts'],
    rules: { '@typescript-eslint/no-floating-promises': 'off' },
  },
  {
    // Plain JavaScript (no tsconfig project): this file and npm start's launcher.
    files: ['eslint.config.js', 'scripts/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);
