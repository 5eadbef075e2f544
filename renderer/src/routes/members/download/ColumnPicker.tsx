import { useFormContext, useWatch } from 'react-hook-form';
import { rosterExportColumns } from '@shared/contract/methods/rosters';
import { FieldsetFrame } from '../../../components/form';
import { formatCount } from '../../../components/format';
import type { DownloadValues } from './download-form';
import { columnLabels } from './download-words';

/** The columns as checkboxes in the file's order, with Select all / Select none. The 834 ignores them, but they stay ticked for the next format. */
export function ColumnPicker({ ignored }: { ignored: boolean }) {
  const { register, setValue, control } = useFormContext<DownloadValues>();
  const columns = useWatch({ control, name: 'columns' });
  const setAll = (picked: DownloadValues['columns']) => setValue('columns', picked, { shouldValidate: true, shouldDirty: true });
  const hint = ignored ? 'An 834 file carries every field the standard needs, so the columns below are not used for it.' : `${formatCount(columns.length)} of ${formatCount(rosterExportColumns.length)} chosen, in this order.`;
  return (
    <FieldsetFrame name="columns" label="Columns" hint={hint}>
      <div className="download-column-tools">
        <button type="button" className="link-button" onClick={() => setAll([...rosterExportColumns])}>
          Select all
        </button>
        <button type="button" className="link-button" onClick={() => setAll([])}>
          Select none
        </button>
      </div>
      <div className="download-columns">
        {rosterExportColumns.map((column) => (
          <label key={column} className="wz-radio">
            <input {...register('columns')} type="checkbox" value={column} />
            <span>{columnLabels[column]}</span>
          </label>
        ))}
      </div>
    </FieldsetFrame>
  );
}
