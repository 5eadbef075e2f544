import { contractErrorSchema } from '@shared/contract/errors';
import type { DataFolderInUseError } from '../store/folder-lock';
import { readOperatorFile } from './operator-file';
import { OPERATOR_ROUTE, operatorResponse, type OperatorRequest } from './operator-protocol';

/**
 * Sends an operator command to the plan service that holds the data folder, and prints what the
 * command printed there. When the holder takes no commands (another `ops` still running, a service
 * still starting) or does not answer, says so in one line: exit code 1.
 */
export async function runThroughService(inUse: DataFolderInUseError, request: OperatorRequest, out: (line: string) => void, err: (line: string) => void): Promise<number> {
  const access = await readOperatorFile(inUse.folder);
  if (!access || access.pid !== inUse.holder.pid) {
    err(`${inUse.message} It takes no operator commands (it may still be starting); run the command again once it has started, or when it has finished.`);
    return 1;
  }
  let response: Response;
  try {
    response = await fetch(new URL(OPERATOR_ROUTE, access.url), {
      method: 'POST',
      headers: { authorization: `Bearer ${access.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(request),
    });
  } catch (error) {
    const reason = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
    err(`${inUse.message} Its operator endpoint ${access.url} did not answer (${reason}); check that it is running, or stop it and run the command again.`);
    return 1;
  }
  const body: unknown = await response.json().catch(() => undefined);
  const answer = operatorResponse.safeParse(body);
  if (!response.ok || !answer.success) {
    const refusal = contractErrorSchema.safeParse(body);
    err(`The plan service (process ${access.pid}) refused the operator command: ${refusal.success ? refusal.data.message : `HTTP ${response.status}`}`);
    return 1;
  }
  for (const line of answer.data.lines) (line.stream === 'out' ? out : err)(line.text);
  return answer.data.exitCode;
}
