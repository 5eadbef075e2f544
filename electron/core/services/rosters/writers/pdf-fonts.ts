import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * Noto Sans (regular and bold, Latin) from the installed @fontsource package, embedded in every
 * roster PDF so accented names print the same on any reader. Resolved from this file when bundled
 * (the core is CommonJS there) and from the project folder when run from source.
 */
export function notoSansFiles(): { regular: string; bold: string } {
  const resolveFrom = createRequire(typeof __filename === 'string' ? __filename : path.join(process.cwd(), 'package.json'));
  return {
    regular: resolveFrom.resolve('@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff'),
    bold: resolveFrom.resolve('@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff'),
  };
}
