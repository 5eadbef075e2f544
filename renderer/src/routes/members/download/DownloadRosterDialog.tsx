import { useState } from 'react';
import { Dialog } from 'radix-ui';
import type { Plan } from '@shared/contract/schemas/group';
import { useJob } from '../../../api/use-job';
import { useTourDialog } from '../../../help/tour/use-tour-dialog';
import { DownloadChoices } from './DownloadChoices';
import './download.css';

interface Props {
  groupNumber: string;
  plans: readonly Plan[];
}

/**
 * "Download…" on the roster toolbar and the dialog it opens. The dialog stays open while the core
 * writes the file (only Cancel stops it), and closes once the file is saved. A group switch starts
 * its choices again, from the new group's roster view.
 */
export function DownloadRosterDialog({ groupNumber, plans }: Props) {
  const [open, setOpen] = useState(false);
  const job = useJob();
  const [saving, setSaving] = useState(false);
  const busy = job.running || saving;
  const tour = useTourDialog();
  return (
    <Dialog.Root open={open} onOpenChange={(next) => !busy && setOpen(next)} modal={tour.modal}>
      <Dialog.Trigger asChild>
        <button type="button" className="button" data-tour="roster-download">
          Download…
        </button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog download-dialog" aria-describedby={undefined} onInteractOutside={tour.onInteractOutside}>
          <div className="download-head">
            <Dialog.Title className="dialog-title">Download the roster</Dialog.Title>
          </div>
          <div className="download-body">
            <DownloadChoices key={groupNumber} groupNumber={groupNumber} plans={plans} job={job} saving={saving} onSaving={setSaving} onSaved={() => setOpen(false)} />
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
