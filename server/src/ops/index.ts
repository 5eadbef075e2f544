// Every operator command (`npm run server -- ops <command>`). Append one line per command file.
import type { OpsCommand } from './command';
import { createGroupCommand } from './create-group';
import { seedSandboxCommand } from './seed-sandbox';

export const opsCommands: readonly OpsCommand[] = [createGroupCommand, seedSandboxCommand];
