import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, it } from 'vitest';
import { fileNames } from './file-names.mjs';

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const tester = new RuleTester({ languageOptions: { parser: tseslint.parser, parserOptions: { ecmaFeatures: { jsx: true } } } });
const component = 'export function RosterPage() { return <main />; }';

tester.run('file-names', fileNames, {
  valid: [
    { filename: 'renderer/src/routes/members/RosterPage.tsx', code: component },
    { filename: 'renderer/src/components/form/index.ts', code: "export { TextField } from './fields';" },
    { filename: 'renderer/src/api/use-query.ts', code: 'export function useQuery() {}' },
    { filename: 'renderer/src/state/group-store.ts', code: 'export const useGroupStore = 1;' },
    { filename: 'renderer/vite.config.ts', code: 'export default {};' },
    { filename: 'renderer/src/app/Shell.test.tsx', code: "it('x', () => {});" },
    { filename: 'renderer/src/routes/members/RoleShaping.test.tsx', code: "it('x', () => {});" },
    { filename: 'renderer/src/components/ErrorState.tsx', code: 'function ErrorState() { return null; }\nexport { ErrorState };' },
  ],
  invalid: [
    { filename: 'renderer/src/api/useQuery.ts', code: 'export function useQuery() {}', errors: [{ messageId: 'notKebab', data: { file: 'useQuery.ts', name: 'useQuery', suggestion: 'use-query.ts' } }] },
    { filename: 'renderer/src/state/statusStore.test.ts', code: "it('x', () => {});", errors: [{ messageId: 'notKebab' }] },
    { filename: 'renderer/src/components/nav_icons.tsx', code: 'export const x = 1;', errors: [{ messageId: 'notKebab' }] },
    { filename: 'renderer/src/wizards/common/DraftOpening.tsx', code: 'export function draftOpening() {}', errors: [{ messageId: 'noComponent', data: { file: 'DraftOpening.tsx', name: 'DraftOpening', suggestion: 'draft-opening.tsx' } }] },
  ],
});
