import { parseArgs } from 'node:util';
import { z } from 'zod';

export const USAGE = `Usage: npm run web -- [--port N] [--data-dir DIR] [--no-open] [--demo]

  --port N        listen on 127.0.0.1:N (default: a free port)
  --data-dir DIR  keep GroupDesk's data in DIR (default: a web folder inside the desktop app's)
  --no-open       print the address without opening a browser
  --demo          skip Welcome and open the demo data (the embedded sandbox plan service)`;

const options = z.object({
  port: z.coerce.number().int().min(1).max(65535).optional(),
  dataDir: z.string().min(1).optional(),
  open: z.boolean(),
  demo: z.boolean(),
  help: z.boolean(),
});
export type WebOptions = z.infer<typeof options>;

export type ParsedWebArgs = { ok: true; options: WebOptions } | { ok: false; message: string };

export function parseWebArgs(argv: string[]): ParsedWebArgs {
  let values: { port?: string; 'data-dir'?: string; 'no-open'?: boolean; demo?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { port: { type: 'string' }, 'data-dir': { type: 'string' }, 'no-open': { type: 'boolean' }, demo: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  const parsed = options.safeParse({ port: values.port, dataDir: values['data-dir'], open: !values['no-open'], demo: values.demo ?? false, help: values.help ?? false });
  if (!parsed.success) return { ok: false, message: `--port must be a whole number from 1 to 65535 (got "${values.port}").` };
  return { ok: true, options: parsed.data };
}
