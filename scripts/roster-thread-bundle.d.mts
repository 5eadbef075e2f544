/** Builds `<dir>/roster-thread.cjs` and answers its path; see roster-thread-bundle.mjs. `dir` must be inside the project, so the bundle finds node_modules. */
export function buildRosterThread(options: { root: string; dir: string; logLevel?: 'info' | 'warning' | 'silent' }): Promise<string>;
