import type { ESLint, Rule } from 'eslint';

/** The renderer's file-naming rule; see file-names.mjs. */
export const fileNames: Rule.RuleModule;
export const groupdeskPlugin: ESLint.Plugin;
