import { useRef, useState } from 'react';
import type { ContractError } from '@shared/contract';
import type { DraftSummary } from '@shared/contract/schemas/transaction';
import { useApi } from '../../api/ApiProvider';
import { useAnnouncer } from '../../state/announcer';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { formatInstant } from '../../components/format';
import { wizardLabels } from './labels';
import { useOpenWizard } from './open-wizard';

interface Props {
  groupNumber: string;
  drafts: DraftSummary[];
  canWrite: boolean;
  onChanged: () => void;
}

/** Forms started and not submitted (saved as the user typed): resume where they were, or throw away. */
export function UnfinishedDrafts({ groupNumber, drafts, canWrite, onChanged }: Props) {
  const api = useApi();
  const announce = useAnnouncer((s) => s.announce);
  const openWizard = useOpenWizard();
  const [discarding, setDiscarding] = useState<DraftSummary | null>(null);
  const [error, setError] = useState<ContractError | null>(null);
  // The confirm has no trigger of its own: focus goes back to the Discard button, or to the list once that draft is gone.
  const askedFor = useRef<number | null>(null);

  const discard = async (d: DraftSummary) => {
    const result = await api.call('drafts.discard', { groupNumber, id: d.id });
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setError(null);
    announce(`Discarded: ${d.summary}.`);
    onChanged();
  };

  return (
    <section className="card unfinished" aria-labelledby="unfinished-title">
      <h2 id="unfinished-title" className="card-title" tabIndex={-1}>
        Unfinished ({drafts.length})
      </h2>
      {error && (
        <p className="form-error" role="alert">
          {error.message}
        </p>
      )}
      <ul className="draft-list">
        {drafts.map((d) => (
          <li key={d.id} className="draft-item">
            <span className="draft-text">
              <span className="strong">{d.summary}</span>
              <span className="muted">
                {wizardLabels[d.wizard]} · saved {formatInstant(d.updatedAt)}
              </span>
            </span>
            {canWrite && (
              <span className="draft-actions">
                {(d.memberId !== null || d.wizard === 'enroll' || d.wizard === 'id_cards') && (
                  <button type="button" className="button" aria-label={`Resume ${d.summary}`} onClick={() => openWizard(d.wizard, d.memberId, { draft: d.id })}>
                    Resume
                  </button>
                )}
                <button
                  type="button"
                  className="button button-ghost"
                  aria-label={`Discard ${d.summary}`}
                  data-discard-id={d.id}
                  onClick={() => {
                    askedFor.current = d.id;
                    setDiscarding(d);
                  }}
                >
                  Discard
                </button>
              </span>
            )}
          </li>
        ))}
      </ul>
      <ConfirmDialog
        open={discarding !== null}
        onOpenChange={(open) => !open && setDiscarding(null)}
        onCloseAutoFocus={(e) => {
          e.preventDefault();
          const button = document.querySelector<HTMLElement>(`[data-discard-id="${askedFor.current}"]`);
          (button ?? document.getElementById('unfinished-title'))?.focus();
        }}
        title="Discard this unfinished form?"
        description={<>“{discarding?.summary}” and everything typed into it is deleted. Nothing was sent to the plan.</>}
        cancelLabel="Keep it"
        confirmLabel="Discard"
        tone="danger"
        onConfirm={() => discarding && void discard(discarding)}
      />
    </section>
  );
}
