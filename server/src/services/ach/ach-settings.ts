import { z } from 'zod';
import { routingProblem } from '@shared/domain/aba-routing';
import { accountTypes } from '@shared/plan-api/payments';

const routing = z.string().refine((value) => routingProblem(value) === null, 'must be a valid 9-digit routing number');
const x12Id = z.string().regex(/^[0-9A-Z]{1,15}$/, 'must be 1 to 15 capital letters or digits');

/**
 * Who the plan is to the banks and to whoever reads its remittances: the origin of the ACH file
 * (its bank, the ODFI; its company name and ACH Company Identification, which employers' debit
 * filters allow) and the payee of the X12 820. One plan runs the service, so these are the same for
 * every group; the operator sets them (server/README.md), and the sandbox's made-up bank is the
 * default.
 */
export const achSettingsSchema = z.object({
  origin: z.object({
    odfiRouting: routing,
    /** The ODFI's name as the file header names its immediate destination. */
    destinationName: z.string().trim().min(1).max(23),
    /** The plan's name as the file header names its origin. */
    originName: z.string().trim().min(1).max(23),
    /** The company name on every batch, what the employer's statement shows. */
    companyName: z.string().trim().min(1).max(16),
    companyId: z.string().regex(/^[0-9A-Z]{10}$/, 'must be 10 letters or digits, conventionally 1 and the EIN'),
  }),
  remittance: z.object({
    senderId: x12Id,
    receiverId: x12Id,
    /** P production, T test: the sandbox's interchanges say they are tests. */
    usage: z.enum(['P', 'T']),
    payee: z.object({
      name: z.string().trim().min(1).max(60),
      taxId: z.string().regex(/^\d{9}$/, 'must be an EIN of 9 digits'),
      bankRouting: routing,
      accountNumber: z.string().regex(/^[0-9A-Za-z-]{1,35}$/, 'must be 1 to 35 letters, digits or dashes'),
      accountType: z.enum(accountTypes),
    }),
  }),
});

export type AchSettings = z.infer<typeof achSettingsSchema>;

/** The sandbox's plan at a made-up bank: files and remittances that check, sent nowhere. */
export const sandboxAchSettings: AchSettings = {
  origin: { odfiRouting: '123456780', destinationName: 'Example ODFI Bank', originName: 'GroupDesk Health Plan', companyName: 'GROUPDESK HLTH', companyId: '1990000002' },
  remittance: {
    senderId: 'GROUPDESKPLAN',
    receiverId: 'PLANFINANCE',
    usage: 'T',
    payee: { name: 'GroupDesk Health Plan', taxId: '990000002', bankRouting: '123456780', accountNumber: '000987654321', accountType: 'checking' },
  },
};
