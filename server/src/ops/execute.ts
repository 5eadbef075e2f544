import { ContractFailure } from '@shared/contract/errors';
import { UsageError, type OpsCommand, type OpsContext } from './command';

/**
 * Runs one command and turns its outcome into the exit code: 0 done, 1 refused by a rule (the
 * message says why), 2 wrong invocation (the message and the command's usage). The CLI on its own
 * and the running service's operator endpoint both come through here, so both print the same.
 * Anything else is a fault and is thrown.
 */
export async function executeOpsCommand(command: OpsCommand, args: string[], context: OpsContext, err: (line: string) => void): Promise<0 | 1 | 2> {
  try {
    await command.run(args, context);
    return 0;
  } catch (error) {
    if (error instanceof UsageError || (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
      err(`${error.message}\n\n${command.usage}`);
      return 2;
    }
    if (error instanceof ContractFailure) {
      err(error.message);
      return 1;
    }
    throw error;
  }
}
