import type { Group } from '@shared/contract/schemas/group';
import type { MemberDetail } from '@shared/contract/schemas/member';
import { coverageTierLabels, deriveCoverageTier, monthlyPremium } from '@shared/domain/coverage-tier';
import { formatUsd } from '@shared/util/money';
import { useQuery } from '../../api/use-query';
import { formatDate } from '../../components/format';
import { ReviewItem, ReviewSection } from '../common';

/**
 * Ending one dependent leaves the rest of the family covered at the tier of who is left (the plan
 * re-derives it from the next day): the administrator sees the new tier and premium before sending.
 */
export function FamilyAfter({ group, member, coverageEnds }: { group: Group; member: MemberDetail; coverageEnds: string }) {
  const family = useQuery('members.get', { groupNumber: group.groupNumber, memberId: member.subscriberId });
  const subscriber = family.data;
  if (!subscriber) return null;
  const staying = subscriber.dependents.filter((d) => d.memberId !== member.memberId && d.status !== 'terminated' && d.terminationDate === null);
  const tier = deriveCoverageTier(['subscriber', ...staying.map((d) => d.relationship)]);
  const plan = group.plans.find((p) => p.code === subscriber.planCode);
  const changes = tier !== subscriber.tier;
  return (
    <ReviewSection title="The rest of the family">
      <ReviewItem label="Tier">
        {changes ? `${subscriber.tier} → ${tier} · ${coverageTierLabels[tier]}, from the day after ${formatDate(coverageEnds)}` : `${tier} · ${coverageTierLabels[tier]}, unchanged`}
      </ReviewItem>
      {plan && changes && (
        <ReviewItem label="Monthly premium">
          {formatUsd(monthlyPremium(plan, subscriber.tier))} → <strong>{formatUsd(monthlyPremium(plan, tier))}</strong>
        </ReviewItem>
      )}
    </ReviewSection>
  );
}
