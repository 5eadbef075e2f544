// Lint enforces the process boundaries of DESIGN.md (folder map): each side may import only what
// runs where it runs.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import globals from 'globals';
import { groupdeskPlugin } from './scripts/lint/file-names.mjs';

const nodeBuiltins = { group: ['node:*'], message: 'Node built-ins do not run here.' };
const electronModule = { group: ['electron', 'electron/*', 'electron-store'], message: 'Only electron/main and electron/preload may import Electron.' };
const ours = (...dirs) => dirs.map((d) => ({ group: [`**/${d}/**`, `**/${d}`], message: `This side must not import ${d}/.` }));
/**
 * electron/sandbox, reached from a sibling folder as `../…/sandbox`; shared/sandbox (the sandbox data
 * set, open to every side) and server/src/services/sandbox are not matched.
 */
const embeddedSandbox = { regex: '^(\\.\\./)+sandbox(/|$)', message: 'The core starts electron/sandbox by file path (out/sandbox/worker.mjs), never by import.' };

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', 'release/', 'test-results/', 'playwright-report/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [nodeBuiltins, electronModule, ...ours('electron', 'renderer', 'server')] }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y, groupdesk: groupdeskPlugin },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.recommended.rules,
      'groupdesk/file-names': 'error',
      'no-restricted-imports': ['error', { patterns: [nodeBuiltins, electronModule, ...ours('electron', 'server')] }],
    },
  },
  // The plan service (server/) runs in the desktop only as the embedded sandbox, in its own worker
  // thread: electron/sandbox is the one desktop folder that imports it. The core reaches it over HTTP
  // like any remote plan service, and starts it by file path (out/sandbox/worker.mjs), never by import.
  {
    files: ['electron/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [electronModule, embeddedSandbox, ...ours('renderer', 'main', 'preload', 'web', 'server')] }],
    },
  },
  // Core tests run against the real plan service (server/test-support), as the brief's tests require.
  {
    files: ['electron/core/**/*.test.ts', 'electron/core/test-support/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [electronModule, embeddedSandbox, ...ours('renderer', 'main', 'preload', 'web')] }],
    },
  },
  {
    files: ['electron/sandbox/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [electronModule, ...ours('renderer', 'main', 'preload', 'web', 'core')] }],
    },
  },
  {
    files: ['electron/web/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [electronModule, embeddedSandbox, ...ours('renderer', 'main', 'preload', 'server')] }],
    },
  },
  {
    files: ['electron/main/**/*.ts', 'electron/preload/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [embeddedSandbox, ...ours('renderer', 'web', 'server')] }] },
  },
  {
    files: ['server/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [electronModule, ...ours('electron', 'renderer')] }] },
  },
);
