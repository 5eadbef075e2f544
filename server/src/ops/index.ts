// Every operator command (`npm run server -- ops <command>`). Append one line per command file.
import type { OpsCommand } from './command';
import { createGroupCommand } from './create-group';
import { requestsCommand } from './requests';
import { approveCommand } from './approve';
import { rejectCommand } from './reject';
import { seedSandboxCommand } from './seed-sandbox';
import { issueInvoiceCommand } from './issue-invoice';
import { paperInvoicesCommand } from './paper-invoices';
import { disputesCommand } from './disputes';
import { resolveDisputeCommand } from './resolve-dispute';
import { achFileCommand } from './ach-file';
import { achReturnsCommand } from './ach-returns';
import { remittance820Command } from './remittance-820';
import { exceptionsCommand } from './exceptions';

export const opsCommands: readonly OpsCommand[] = [createGroupCommand, requestsCommand, approveCommand, rejectCommand, seedSandboxCommand, issueInvoiceCommand, paperInvoicesCommand, disputesCommand, resolveDisputeCommand, achFileCommand, achReturnsCommand, remittance820Command, exceptionsCommand];
