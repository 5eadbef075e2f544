import { z } from 'zod';
import { method } from '../define';
import { groupNumber, localMemberId } from '../schemas/primitives';
import { draft, draftData, draftSecrets, draftSummary, wizardName } from '../schemas/transaction';

const id = z.number().int().positive();

/** Wizard drafts: saved as the user types, so a crash or a quit resumes where they were. */
export const draftsMethods = {
  'drafts.save': method({
    summary: 'Create or update a wizard draft (full SSNs go in `secrets`, encrypted at rest).',
    permission: 'members.write',
    input: z
      .object({
        groupNumber,
        id: id.optional(),
        wizard: wizardName,
        memberId: localMemberId.nullable().default(null),
        step: z.string().min(1).max(40),
        data: draftData,
        secrets: draftSecrets.default({}),
      })
      .strict(),
    output: draft.omit({ data: true, secrets: true }),
  }),
  'drafts.get': method({
    summary: 'One draft with its values, to resume or correct a wizard.',
    permission: 'members.write',
    input: z.object({ groupNumber, id }).strict(),
    output: draft,
  }),
  'drafts.list': method({
    summary: 'Unfinished wizards of a group, newest first (not those already submitted).',
    permission: 'members.read',
    input: z.object({ groupNumber, wizard: wizardName.optional() }).strict(),
    output: z.array(draftSummary),
  }),
  'drafts.discard': method({
    summary: 'Delete a draft the user gave up on.',
    permission: 'members.write',
    input: z.object({ groupNumber, id }).strict(),
    output: z.object({ discarded: z.boolean() }),
  }),
} as const;
