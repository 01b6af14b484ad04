/**
 * The participant register as a file: import a CSV (chosen or dropped) and export one. The file's
 * bytes go to the core, which decodes them as it decodes transcripts (UTF-16 "Unicode Text",
 * UTF-8, Windows-1252 as Excel on Windows saves, and files mixing the two, with a warning).
 */
import { useCallback, useState } from 'react';
import type { CsvImportResult } from '../../../shared/domain/project';
import { useApi } from '../api/ApiProvider';
import { describeError } from '../api/errors';
import { readBase64 } from '../import/files';

export interface RegisterImport extends CsvImportResult {
  fileName: string;
}

function download(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

export function useRegister() {
  const api = useApi();
  const [result, setResult] = useState<RegisterImport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const importCsv = useCallback(
    async (file: File) => {
      setError(null);
      setResult(null);
      if (!/\.(csv|tsv|txt)$/i.test(file.name)) {
        setError(`${file.name} is not a .csv file. Save the register from your spreadsheet as CSV (or Unicode Text) and import that.`);
        return;
      }
      setBusy(true);
      try {
        const dataBase64 = await readBase64(file);
        setResult({ fileName: file.name, ...(await api['participants-import-csv']({ fileName: file.name, dataBase64 })) });
      } catch (e) {
        setError(describeError(e));
      } finally {
        setBusy(false);
      }
    },
    [api],
  );

  const exportCsv = useCallback(async () => {
    setError(null);
    try {
      const { csv, fileName } = await api['participants-export-csv']({});
      download(csv, fileName);
    } catch (e) {
      setError(describeError(e));
    }
  }, [api]);

  return { result, error, busy, importCsv, exportCsv, dismiss: () => (setResult(null), setError(null)) };
}
