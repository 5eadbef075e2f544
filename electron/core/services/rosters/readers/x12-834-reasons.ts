import type { Relationship } from '@shared/contract/schemas/member';
import { qualifyingEvents } from '@shared/domain/qualifying-events';
import { terminationReasons } from '@shared/domain/termination-reasons';

/**
 * The wizard's reason for an INS04 maintenance reason code: a termination reason for a
 * termination, a qualifying event for an addition. Null when the code names none of them, or more
 * than one (`28` initial enrollment fits several events): the check then asks for it like a wizard.
 */
export function reasonFromIns04(action: 'add' | 'terminate' | 'change' | 'reinstate', ins04: string, relationship: Relationship): string | null {
  const subscriber = relationship === 'subscriber';
  const matches =
    action === 'terminate'
      ? terminationReasons.filter((r) => r.ins04 === ins04 && (r.appliesTo === 'any' || (r.appliesTo === 'subscriber') === subscriber)).map((r) => r.id)
      : action === 'add'
        ? qualifyingEvents.filter((e) => e.action === 'add' && e.ins04 === ins04 && e.relationships.includes(relationship)).map((e) => e.id)
        : [];
  return matches.length === 1 ? (matches[0] ?? null) : null;
}
