import { useState } from 'react';
import type { MethodInput } from '@shared/contract';
import { useCoreFiles } from '../../api/files';
import { useApi } from '../../api/ApiProvider';
import { useSaveFile } from '../../api/use-save-file';
import { useAnnouncer } from '../../state/announcer';
import { formatCount } from '../../components/format';

export interface ChosenFile {
  fileId: string;
  fileName: string;
  bytes: number;
}

/** The file types the open dialog offers: an 834 comes under several names, spreadsheets as the template's. */
const acceptedExtensions = ['834', 'x12', 'edi', 'txt', 'csv', 'xlsx'];

const sizeWords = (bytes: number) => (bytes < 1024 ? `${formatCount(bytes)} bytes` : `${formatCount(Math.ceil(bytes / 1024))} KB`);

interface Props {
  groupNumber: string;
  chosen: ChosenFile | null;
  onChosen: (file: ChosenFile) => void;
}

/** What files GroupDesk takes, the template to fill in, and the file itself (copied to the core, not yet read). */
export function ChooseFileStep({ groupNumber, chosen, onChosen }: Props) {
  const api = useApi();
  const announce = useAnnouncer((s) => s.announce);
  const template = useSaveFile();
  const [openProblem, setOpenProblem] = useState<string | null>(null);
  const { chooseFile } = useCoreFiles();
  const saveTemplate = (format: MethodInput<'roster.importTemplate'>['format']) => void template.save(() => api.call('roster.importTemplate', { groupNumber, format }));

  const choose = async () => {
    setOpenProblem(null);
    try {
      const file = await chooseFile({ title: 'Choose a roster file to import', extensions: acceptedExtensions });
      if (!file) return;
      onChosen(file);
      announce(`${file.fileName} chosen.`);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      setOpenProblem(message);
      announce(message);
    }
  };

  return (
    <>
      <p>GroupDesk reads the whole file and shows what it would do with each member before anything is sent. It takes:</p>
      <ul className="import-kinds">
        <li>
          <span className="strong">An X12 834 file</span> (benefit enrollment and maintenance), as payroll and benefits systems write it.
        </li>
        <li>
          <span className="strong">A CSV or Excel file made from the template</span>: one row per member, with the columns the template explains.
        </li>
      </ul>
      <div className="import-buttons" role="group" aria-label="Template">
        <button type="button" className="button" onClick={() => saveTemplate('csv')} disabled={template.busy}>
          Download the CSV template
        </button>
        <button type="button" className="button" onClick={() => saveTemplate('xlsx')} disabled={template.busy}>
          Download the Excel template
        </button>
      </div>
      {template.problem && (
        <p className="form-error" role="alert">
          {template.problem}
        </p>
      )}
      <div className="import-buttons">
        <button type="button" className="button" onClick={() => void choose()}>
          {chosen ? 'Choose another file…' : 'Choose file…'}
        </button>
        {chosen && (
          <p className="import-chosen">
            <span className="strong">{chosen.fileName}</span> <span className="muted">({sizeWords(chosen.bytes)})</span>
          </p>
        )}
      </div>
      {openProblem && (
        <p className="form-error" role="alert">
          {openProblem}
        </p>
      )}
    </>
  );
}
