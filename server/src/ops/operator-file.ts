import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

/**
 * How `ops` reaches the service that holds a data folder: the service writes its operator
 * endpoint's address and a random token here when it starts, readable by its owner only (0600),
 * and removes it when it stops. Whoever can read it could open the folder anyway.
 */
export const OPERATOR_FILE = 'operator.json';

const operatorFile = z.object({
  url: z.url(),
  token: z.string().regex(/^[0-9a-f]{64}$/),
  pid: z.number().int().positive(),
});
export type OperatorAccess = z.infer<typeof operatorFile>;

export const operatorFilePath = (dataDir: string): string => path.join(dataDir, OPERATOR_FILE);

export async function writeOperatorFile(dataDir: string, access: OperatorAccess): Promise<void> {
  const file = operatorFilePath(dataDir);
  // One left by a service that crashed is replaced, not rewritten: a new file gets its mode at creation.
  await rm(file, { force: true });
  await writeFile(file, JSON.stringify(access), { flag: 'wx', mode: 0o600 });
}

/** The running service's endpoint, or undefined when the file is missing or not ours. */
export async function readOperatorFile(dataDir: string): Promise<OperatorAccess | undefined> {
  try {
    const parsed = operatorFile.safeParse(JSON.parse(await readFile(operatorFilePath(dataDir), 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export async function removeOperatorFile(dataDir: string): Promise<void> {
  await rm(operatorFilePath(dataDir), { force: true });
}
