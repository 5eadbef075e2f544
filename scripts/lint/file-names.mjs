// The renderer's file-naming rule, as a local ESLint rule (eslint.config.js) so a new file is held to
// it in the editor and in CI: a file named after the React component it exports is PascalCase
// (`RosterPage.tsx` exports `RosterPage`); every other file is kebab-case (`use-query.ts`,
// `group-store.ts`, `person-form.ts`), as in shared/, electron/ and server/. A test takes the name of
// what it tests. Only the part before the first dot counts (`vite.config.ts`, `Shell.test.tsx`).

const kebab = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const pascal = /^[A-Z][A-Za-z0-9]*$/;

/** Names a module exports: `export function X`, `export const X`, `export class X`, `export { X }`. */
function exportedNames(program) {
  const names = new Set();
  for (const statement of program.body) {
    if (statement.type === 'ExportNamedDeclaration') {
      const declaration = statement.declaration;
      if (declaration?.id) names.add(declaration.id.name);
      for (const declarator of declaration?.declarations ?? []) if (declarator.id.type === 'Identifier') names.add(declarator.id.name);
      for (const specifier of statement.specifiers) names.add(specifier.exported.name);
    }
    if (statement.type === 'ExportDefaultDeclaration' && statement.declaration.id) names.add(statement.declaration.id.name);
  }
  return names;
}

/** @type {import('eslint').Rule.RuleModule} */
export const fileNames = {
  meta: {
    type: 'suggestion',
    docs: { description: 'PascalCase for a file named after the React component it exports, kebab-case for every other file' },
    schema: [],
    messages: {
      notKebab: "'{{file}}': name files kebab-case ('{{suggestion}}'), or PascalCase after the React component the file exports.",
      noComponent: "'{{file}}' is PascalCase but exports no '{{name}}': name it after the component it exports, or kebab-case ('{{suggestion}}').",
    },
  },
  create(context) {
    const file = context.filename.split(/[\\/]/).pop() ?? '';
    const name = file.split('.')[0] ?? '';
    const isTest = /\.test\.[cm]?[jt]sx?$/.test(file);
    const suggestion = file.replace(name, name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase());
    return {
      Program(program) {
        if (kebab.test(name)) return;
        if (pascal.test(name) && (isTest || exportedNames(program).has(name))) return;
        const messageId = pascal.test(name) ? 'noComponent' : 'notKebab';
        context.report({ node: program, loc: { line: 1, column: 0 }, messageId, data: { file, name, suggestion } });
      },
    };
  },
};

/** The local plugin eslint.config.js registers as `groupdesk`. */
export const groupdeskPlugin = { rules: { 'file-names': fileNames } };
