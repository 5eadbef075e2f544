import { useState } from 'react';
import type { ContractError } from '@shared/contract';
import type { BillingPreferences } from '@shared/plan-api/billing-preferences';
import { useApi } from '../../api/ApiProvider';
import { useAnnouncer } from '../../state/announcer';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { formatInstant } from '../../components/format';
import type { QueryState } from '../../api/use-query';

interface Props {
  groupNumber: string;
  /** The plan's preferences (a plan call: it fails offline). */
  preferences: QueryState<BillingPreferences> & { reload: () => void };
  /** Paper or paperless as last read, for when the plan cannot be asked. */
  lastKnown: boolean | null;
  canChange: boolean;
}

const deliveryWords = (paperless: boolean) => (paperless ? 'Paperless: an e-mail when each invoice is issued' : 'Paper: invoices are printed and mailed');

/** What switching does, said before it is done: the plan acts on it from the next invoice. */
const consequence = (paperless: boolean) =>
  paperless
    ? 'Paper invoices will stop; you’ll get an e-mail when each invoice is issued. The group’s primary administrators are e-mailed about this change.'
    : 'Invoices will be printed and mailed again, starting with the next one issued. The group’s primary administrators are e-mailed about this change.';

/** Offline, the plan cannot take the change: say why, and that the invoices stay readable. */
function problemWords(error: ContractError): string {
  return error.code === 'OFFLINE' ? `The plan service could not be reached, so invoice delivery was not changed. Try again when you are online. (${error.message})` : error.message;
}

/**
 * Paper or paperless invoices. A role with billing.write chooses with a radio pair, confirmed first
 * (the plan stops mailing paper and tells the primary administrators); other roles read it.
 */
export function PaperlessSetting({ groupNumber, preferences, lastKnown, canChange }: Props) {
  const api = useApi();
  const announce = useAnnouncer((s) => s.announce);
  const [asking, setAsking] = useState<boolean | null>(null);
  const [saved, setSaved] = useState<{ over: BillingPreferences | null; value: BillingPreferences } | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  // A change answers with the plan's preferences; they are shown until the next read replaces the one they changed.
  const current = saved !== null && saved.over === preferences.data ? saved.value : preferences.data;
  const paperless = current?.paperless ?? lastKnown;

  const apply = async (next: boolean) => {
    setBusy(true);
    const result = await api.call('billing.setPreferences', { groupNumber, paperless: next, noticeRecipients: current?.noticeRecipients ?? null });
    setBusy(false);
    if (!result.ok) {
      setProblem(problemWords(result.error));
      return;
    }
    setProblem(null);
    setSaved({ over: preferences.data, value: result.value });
    announce(next ? 'Invoices are now paperless.' : 'Invoices will be printed and mailed.');
    preferences.reload();
  };

  return (
    <section className="card billing-delivery" aria-labelledby="delivery-title" data-tour="billing-delivery">
      <h2 id="delivery-title" className="card-title">
        Invoice delivery
      </h2>
      {canChange && current ? (
        <fieldset className="wz-fieldset" disabled={busy}>
          <legend className="visually-hidden">How invoices are delivered</legend>
          <div className="wz-radios">
            {[false, true].map((choice) => (
              <label key={String(choice)} className="wz-radio">
                <input type="radio" name="invoice-delivery" checked={current.paperless === choice} onChange={() => setAsking(choice)} />
                <span>{choice ? 'Paperless' : 'Paper'}</span>
              </label>
            ))}
          </div>
        </fieldset>
      ) : (
        <p>{paperless === null ? 'Not known yet: it is read from the plan when this computer is online.' : deliveryWords(paperless)}</p>
      )}
      {current?.updatedBy && current.updatedAt && (
        <p className="muted billing-changed-by">
          Last changed by {current.updatedBy}, {formatInstant(current.updatedAt)}
        </p>
      )}
      {preferences.status === 'error' && !preferences.data && (
        <p className="muted" role="status">
          {preferences.error.code === 'OFFLINE'
            ? `Shown as last read: the plan service cannot be reached${canChange ? ', so delivery cannot be changed now' : ''}.`
            : `The plan’s delivery setting could not be read: ${preferences.error.message}`}
        </p>
      )}
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
      <ConfirmDialog
        open={asking !== null}
        onOpenChange={(open) => !open && setAsking(null)}
        title={asking ? 'Switch to paperless invoices?' : 'Switch to paper invoices?'}
        description={consequence(asking === true)}
        cancelLabel="Keep as it is"
        confirmLabel={asking ? 'Go paperless' : 'Mail paper invoices'}
        onConfirm={() => asking !== null && void apply(asking)}
      />
    </section>
  );
}
