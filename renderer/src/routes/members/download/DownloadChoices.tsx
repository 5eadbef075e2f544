import { useEffect, useRef, useState } from 'react';
import { Dialog } from 'radix-ui';
import { FormProvider, useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { rosterExportColumns, rosterExportFormats } from '@shared/contract/methods/rosters';
import type { Plan } from '@shared/contract/schemas/group';
import type { MethodOutput } from '@shared/contract';
import { useApi } from '../../../api/ApiProvider';
import { useQuery } from '../../../api/use-query';
import { useCoreFiles } from '../../../api/files';
import type { Job } from '../../../api/use-job';
import { useAnnouncer } from '../../../state/announcer';
import { useRosterView } from '../../../state/roster-view-store';
import { CheckboxField, DateField, RadioGroupField } from '../../../components/form';
import { ErrorState } from '../../../components/ErrorState';
import { SkeletonBlock } from '../../../components/Skeleton';
import { JobProgress } from '../../../components/JobProgress';
import { FormErrorSummary, todayIso } from '../../../wizards/common';
import { ColumnPicker } from './ColumnPicker';
import { downloadSchema } from './download-form';
import type { DownloadValues } from './download-form';
import { formatWords, scopeInWords, scopeOfView } from './download-words';

interface Props {
  groupNumber: string;
  plans: readonly Plan[];
  job: Job;
  saving: boolean;
  onSaving: (saving: boolean) => void;
  onSaved: () => void;
}

/** The last download's columns and format (or the defaults) come first, so a monthly download is one click. */
export function DownloadChoices(props: Props) {
  const choices = useQuery('roster.exportChoices', { groupNumber: props.groupNumber });
  if (choices.status === 'error' && !choices.data) return <ErrorState title="Your download choices could not be loaded" error={choices.error} onRetry={choices.reload} />;
  if (!choices.data) return <SkeletonBlock label="Loading your download choices…" lines={5} />;
  return <DownloadForm {...props} choices={choices.data} />;
}

function DownloadForm({ groupNumber, plans, job, saving, onSaving, onSaved, choices }: Props & { choices: MethodOutput<'roster.exportChoices'> }) {
  const api = useApi();
  const announce = useAnnouncer((s) => s.announce);
  // The view when the dialog opened: the roster behind it cannot change while it is open.
  const [view] = useState(() => ({ query: useRosterView.getState().query, filters: useRosterView.getState().filters }));
  const form = useForm<DownloadValues>({
    mode: 'onTouched',
    shouldFocusError: false,
    defaultValues: { scope: 'filtered', asOf: todayIso(), columns: choices.columns, format: choices.format, excelFriendly: true },
    resolver: zodResolver(downloadSchema),
  });
  const format = useWatch({ control: form.control, name: 'format' });
  const [problem, setProblem] = useState<string | null>(null);
  const { saveCoreFile } = useCoreFiles();
  const [note, setNote] = useState<string | null>(null);
  const submitRef = useRef<HTMLButtonElement>(null);
  // The Download button gives way to the progress bar and comes back: give it focus back too.
  const [refocus, setRefocus] = useState(0);
  useEffect(() => {
    if (refocus > 0) submitRef.current?.focus();
  }, [refocus]);

  const tell = (message: string, kind: 'problem' | 'note') => {
    (kind === 'problem' ? setProblem : setNote)(message);
    announce(message);
    setRefocus((n) => n + 1);
  };

  const download = async (v: DownloadValues) => {
    setProblem(null);
    setNote(null);
    const outcome = await job.run((jobId) =>
      api.call('roster.export', {
        groupNumber,
        jobId,
        scope: v.scope === 'all' ? { kind: 'all' } : scopeOfView(view.query, view.filters),
        asOf: v.asOf,
        // The file follows the picker's order, whatever order the boxes were ticked in; an 834 with none ticked sends them all.
        columns: v.columns.length > 0 ? rosterExportColumns.filter((c) => v.columns.includes(c)) : [...rosterExportColumns],
        format: v.format,
        ...(v.format === 'csv' ? { excelFriendly: v.excelFriendly } : {}),
      }),
    );
    if (outcome.kind === 'cancelled') return tell('Download cancelled. Nothing was saved.', 'note');
    if (outcome.kind === 'failed') return tell(outcome.error.message, 'problem');
    onSaving(true);
    try {
      const saved = await saveCoreFile(outcome.value);
      if (saved === 'saved') {
        announce(`${outcome.value.fileName} saved.`);
        onSaved();
      } else tell(`${outcome.value.fileName} was not saved. Download again to save it.`, 'note');
    } catch (e) {
      tell(e instanceof Error ? e.message : String(e), 'problem');
    } finally {
      onSaving(false);
    }
  };

  return (
    <FormProvider {...form}>
      <form noValidate className="download-form" aria-label="Download choices" data-tour="roster-download-form" onSubmit={form.handleSubmit((values) => void download(values))}>
        <FormErrorSummary />
        <RadioGroupField
          name="scope"
          label="Members"
          options={[
            { value: 'filtered', label: 'The members the roster shows now', detail: scopeInWords(view.query, view.filters, plans) },
            { value: 'all', label: 'Everyone in the group', detail: 'Every member, whatever the search and filters.' },
          ]}
        />
        <DateField name="asOf" label="As of" hint="The roster shows the coverage in force on that day: members who join later are not in it, and members who leave later still are." />
        <RadioGroupField name="format" label="Format" options={rosterExportFormats.map((f) => ({ value: f, label: formatWords[f].label, detail: formatWords[f].detail }))} />
        {format === 'csv' && <CheckboxField name="excelFriendly" label="Excel-friendly" hint="Lets Excel open the file with a double click, accents and all. Leave it off for systems that want plain text." />}
        <ColumnPicker ignored={format === 'x12-834'} />
        {problem && (
          <p className="form-error" role="alert">
            {problem}
          </p>
        )}
        {note && <p className="download-note">{note}</p>}
        {job.progress ? (
          <JobProgress label="Writing the roster" unit="members" progress={job.progress} cancelLabel="Cancel the download" cancelling={job.cancelling} focusCancel onCancel={() => void job.cancel()} />
        ) : (
          <div className="dialog-actions">
            <Dialog.Close asChild>
              <button type="button" className="button" disabled={saving}>
                Close
              </button>
            </Dialog.Close>
            <button type="submit" className="button button-primary" ref={submitRef} disabled={saving}>
              {saving ? 'Saving…' : 'Download'}
            </button>
          </div>
        )}
      </form>
    </FormProvider>
  );
}
