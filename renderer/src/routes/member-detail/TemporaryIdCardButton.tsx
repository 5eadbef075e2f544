import { useState } from 'react';
import type { MemberDetail } from '@shared/contract/schemas/member';
import { isProvisionalMemberId } from '@shared/contract/schemas/primitives';
import { useApi } from '../../api/ApiProvider';
import { useAnnouncer } from '../../state/announcer';
import { openDocument } from '../activity/open-document';

/**
 * "Temporary ID card": a PDF the member can use until the plan's card arrives, made on this computer
 * (so offline too) and opened to print. Offered to whoever can read members, for covered members
 * with a plan ID only: the core refuses the rest, and the button is not offered to them.
 */
export function TemporaryIdCardButton({ groupNumber, member }: { groupNumber: string; member: MemberDetail }) {
  const api = useApi();
  const announce = useAnnouncer((s) => s.announce);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  if (member.status === 'terminated' || isProvisionalMemberId(member.memberId)) return null;

  const print = async () => {
    setBusy(true);
    const result = await api.call('members.temporaryIdCard', { groupNumber, memberId: member.memberId });
    setBusy(false);
    if (!result.ok) {
      setProblem(`The card could not be made: ${result.error.message}`);
      return;
    }
    setProblem(null);
    const outcome = openDocument(result.value);
    announce(outcome === 'opened' ? `${result.value.fileName} opened in a new window to print.` : `${result.value.fileName} downloaded: open it to print.`);
  };

  return (
    <div className="member-card-print">
      <button type="button" className="button" disabled={busy} aria-busy={busy || undefined} aria-describedby="temporary-card-hint" onClick={() => void print()}>
        {busy ? 'Preparing the card…' : 'Temporary ID card'}
      </button>
      <span id="temporary-card-hint" className="muted">
        A printable card, valid until the plan’s card arrives.
      </span>
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
