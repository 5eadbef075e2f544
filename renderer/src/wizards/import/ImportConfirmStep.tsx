import type { ImportCheck } from '@shared/contract/methods/roster-import';
import { formatCount, plural } from '../../components/format';

/** The last look before queuing: how many changes go out as one batch, and who is left out. */
export function ImportConfirmStep({ check }: { check: ImportCheck }) {
  return (
    <>
      <p>
        {plural(check.queue, 'change', 'changes')} from <span className="strong">{check.fileName}</span> will be queued as one batch. GroupDesk sends them to the plan as soon
        as it can reach it; until each is sent, the whole batch can be cancelled in one step.
      </p>
      {check.skip + check.refuse > 0 && (
        <p>
          Left out: {formatCount(check.skip)} skipped and {formatCount(check.refuse)} refused. They are in the report of the previous step.
        </p>
      )}
    </>
  );
}
