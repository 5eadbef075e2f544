import { useState } from 'react';
import type { KeyboardEvent } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { relationshipLabels } from '@shared/domain/relationships';
import { isProvisionalMemberId } from '@shared/contract/schemas/primitives';
import { useQuery } from '../../api/use-query';
import { useDebounced } from '../../components/use-debounced';
import { StatusBadge } from '../../components/StatusBadge';
import { Skeleton } from '../../components/Skeleton';
import { formatCount, fullName } from '../../components/format';
import { fieldId, useFieldError } from '../../components/form';
import type { IdCardValues } from './id-cards-form';
import type { Known, MemberSummary } from './use-member-summaries';

interface Props {
  groupNumber: string;
  known: ReadonlyMap<string, Known>;
  remember: (member: MemberSummary) => void;
}

/** Who gets a card: the members the wizard was opened with, and any found by name, ID or SSN last 4. */
export function MembersStep({ groupNumber, known, remember }: Props) {
  const { setValue, formState } = useFormContext<IdCardValues>();
  const memberIds = useWatch<IdCardValues, 'memberIds'>({ name: 'memberIds' });
  const error = useFieldError('memberIds');
  const [text, setText] = useState('');
  /** The result Enter adds: the first until the arrows move it. */
  const [highlight, setHighlight] = useState(0);
  const query = useDebounced(text.trim(), 150);
  const results = useQuery('members.search', query ? { groupNumber, query, limit: 8 } : null);
  const id = fieldId('memberIds');

  const update = (next: string[]) => setValue('memberIds', next, { shouldDirty: true, shouldValidate: formState.isSubmitted || error !== undefined });
  const found = (query && results.data ? results.data : []).filter((r) => !memberIds.includes(r.memberId) && !isProvisionalMemberId(r.memberId));
  const highlighted = found[Math.min(highlight, found.length - 1)];

  const add = (member: MemberSummary) => {
    remember(member);
    update([...memberIds, member.memberId]);
  };
  // Enter adds the highlighted member rather than sending the wizard on with the search half done.
  const onSearchKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (found.length === 0) return;
    const at = Math.min(highlight, found.length - 1);
    if (e.key === 'ArrowDown') setHighlight(Math.min(at + 1, found.length - 1));
    else if (e.key === 'ArrowUp') setHighlight(Math.max(at - 1, 0));
    else if (e.key === 'Enter' && highlighted) add(highlighted);
    else return;
    e.preventDefault();
  };

  return (
    // The error summary's link lands here and focuses the search box, the way to fix an empty list.
    <div id={id} className="idc-step">
      <section aria-labelledby="idc-chosen-title" className="wz-review-section">
        <h3 id="idc-chosen-title">
          {memberIds.length === 1 ? 'This member gets a new card' : `These ${formatCount(memberIds.length)} members get a new card`}
        </h3>
        {memberIds.length === 0 ? (
          <p className="muted">No one yet: find members below.</p>
        ) : (
          <ul className="idc-members" aria-labelledby="idc-chosen-title">
            {memberIds.map((memberId) => {
              const m = known.get(memberId);
              const name = m === undefined ? null : m === 'missing' ? `${memberId} (not in this group)` : fullName(m);
              return (
                <li key={memberId} className="idc-member">
                  <span>
                    {name ?? <Skeleton width={140} />} <span className="mono muted">{memberId}</span>
                    {m && m !== 'missing' && <span className="muted"> · {relationshipLabels[m.relationship]}</span>}
                  </span>
                  {m && m !== 'missing' && <StatusBadge status={m.status} />}
                  <button type="button" className="button button-ghost" aria-label={`Remove ${name ?? memberId}`} onClick={() => update(memberIds.filter((x) => x !== memberId))}>
                    Remove
                  </button>
                </li>
              );
            })}
          </ul>
        )}
      </section>
      {error && (
        <p id={`${id}-error`} className="wz-error">
          {error}
        </p>
      )}
      <div className="idc-search">
        <label htmlFor="idc-search" className="wz-label">
          Add a member
        </label>
        <p id="idc-search-hint" className="wz-hint">
          Name, member ID or the last 4 digits of the SSN.
        </p>
        <input
          id="idc-search"
          type="search"
          role="combobox"
          aria-expanded={found.length > 0}
          aria-controls="idc-results"
          aria-autocomplete="list"
          aria-activedescendant={highlighted ? `idc-result-${highlighted.memberId}` : undefined}
          className="wz-input wz-input-long"
          autoComplete="off"
          spellCheck={false}
          aria-describedby="idc-search-hint idc-search-status"
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setHighlight(0);
          }}
          onKeyDown={onSearchKeyDown}
        />
        <p id="idc-search-status" className="visually-hidden" aria-live="polite">
          {query && results.data ? `${formatCount(found.length)} ${found.length === 1 ? 'member' : 'members'} found${found.length > 0 ? ': arrows to choose, Enter to add' : ''}` : ''}
        </p>
        {found.length > 0 && (
          <ul id="idc-results" role="listbox" className="idc-results" aria-label="Members found">
            {found.map((r) => (
              // The search box keeps focus and its keys choose (arrows, Enter); a click adds too.
              // eslint-disable-next-line jsx-a11y/click-events-have-key-events
              <li
                key={r.memberId}
                id={`idc-result-${r.memberId}`}
                role="option"
                tabIndex={-1}
                aria-selected={r === highlighted}
                className={`idc-result${r === highlighted ? ' is-highlighted' : ''}`}
                onClick={() => add(r)}
              >
                Add {fullName(r)} <span className="mono">{r.memberId}</span> · {relationshipLabels[r.relationship]}
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
