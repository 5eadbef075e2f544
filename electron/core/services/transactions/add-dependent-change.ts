import type { z } from 'zod';
import { deriveCoverageTier } from '@shared/domain/coverage-tier';
import { validateDependentAge } from '@shared/domain/dependent-age';
import { validateFamilyComposition } from '@shared/domain/family-composition';
import { qualifyingEvent, validateQualifyingEvent } from '@shared/domain/qualifying-events';
import { relationshipLabels } from '@shared/domain/relationships';
import { validateRetroDate } from '@shared/domain/retro-window';
import { personFields, type addDependentRequest } from '@shared/plan-api/eligibility';
import { maxDate } from '@shared/util/dates';
import { enforce, fullName, provisionalDependentId, refuse, retierCovered, type ChangeEnv, type PlannedChange } from './change-plan';
import { assertNoPendingChange, coveredOn, replicaFamily, requireReplicaMember } from './local-replica';

type AddDependentInput = Omit<z.output<typeof addDependentRequest>, 'expectedVersion'>;

/**
 * Adds a dependent to a covered subscriber for a qualifying event (HIPAA special enrollment): the
 * event gives the effective date, never before the subscriber's own coverage began.
 */
export function planAddDependent(env: ChangeEnv, request: AddDependentInput): PlannedChange {
  const { db, rules, today } = env;
  const subscriber = requireReplicaMember(db, rules.groupNumber, request.subscriberId, 'subscriberId');
  if (subscriber.relationship !== 'subscriber') {
    refuse('subscriberId', `${subscriber.memberId} is a dependent: add the new dependent to employee ${subscriber.subscriberId}.`);
  }
  const { dependent, event } = request;
  const kind = qualifyingEvent(event.kind);
  if (kind.action !== 'add') refuse('event.kind', `${kind.label} removes a dependent: terminate the dependent instead.`);
  const eventEffective = enforce(
    validateQualifyingEvent({ event: event.kind, eventDate: event.date, requestDate: today, relationship: dependent.relationship, dateOfBirth: dependent.dateOfBirth }, rules.policy),
    { eventDate: 'event.date', relationship: 'dependent.relationship' },
  );
  const effectiveDate = maxDate(eventEffective, subscriber.effectiveDate);
  if (subscriber.terminationDate !== null && subscriber.terminationDate < effectiveDate) {
    refuse('subscriberId', `Employee ${subscriber.memberId} has no coverage on ${effectiveDate}: reinstate the employee before adding dependents.`);
  }
  enforce(validateRetroDate(effectiveDate, rules.policy, today, 'event.date', 'Coverage start'));
  enforce(validateDependentAge(dependent, effectiveDate, rules.policy), { dateOfBirth: 'dependent.dateOfBirth' });
  const family = replicaFamily(db, subscriber.memberId);
  const coveredThen = family.filter((m) => m.terminationDate === null || m.terminationDate >= effectiveDate);
  enforce(validateFamilyComposition([...coveredThen.map((m) => m.relationship), dependent.relationship]), { relationship: 'dependent.relationship' });
  // The family's tier changes with the newcomer: every covered member's row is part of the change.
  for (const m of coveredThen) assertNoPendingChange(db, m, 'subscriberId');

  const coveredOnStart = family.filter((m) => coveredOn(m, effectiveDate));
  const startTier = deriveCoverageTier([...coveredOnStart.map((m) => m.relationship), dependent.relationship]);
  return {
    kind: 'add_dependent',
    body: { ...request, expectedVersion: subscriber.version },
    summary: `Add ${fullName(dependent)} (${relationshipLabels[dependent.relationship].toLowerCase()}) to ${subscriber.memberId} ${fullName(subscriber)}`,
    memberId: subscriber.memberId,
    memberIds: coveredThen.map((m) => m.memberId),
    apply(writer, outboxId) {
      writer.insertProvisional(
        {
          memberId: provisionalDependentId(outboxId, 1),
          subscriberId: subscriber.memberId,
          relationship: dependent.relationship,
          ...personFields(dependent),
          ssn: dependent.ssn ?? null,
          address: dependent.address ?? subscriber.address,
          phone: null,
          email: null,
          hireDate: null,
          employmentStatus: null,
          coverage: [{ planCode: subscriber.planCode, tier: startTier, startDate: effectiveDate, endDate: subscriber.terminationDate, reason: kind.label }],
        },
        // Entered without an address: "Same as the employee", a link the plan keeps too.
        { disabled: dependent.disabled, sameAddressAsSubscriber: dependent.address === undefined },
      );
      retierCovered(writer, coveredThen, [dependent.relationship]);
    },
  };
}
