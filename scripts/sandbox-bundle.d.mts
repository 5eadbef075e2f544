/** Builds out/sandbox/ (worker.mjs and PGlite's files) under `outDir`; see sandbox-bundle.mjs. */
export function buildSandboxWorker(options: { root: string; outDir: string; logLevel?: 'info' | 'warning' | 'silent' }): Promise<void>;
