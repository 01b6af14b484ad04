/**
 * The participant register as a file: import a CSV (chosen or dropped) and export one. The CSV is
 * read as UTF-8, or as Windows-1252 when it is not valid UTF-8 (Excel on Windows saves that way).
 */
import { useCallback, useState } from 'react';
import type { CsvImportResult } from '../../../shared/domain/project';
import { useApi } from '../api/ApiProvider';
import { describeError } from '../api/errors';

export interface RegisterImport extends CsvImportResult {
  fileName: string;
}

async function readCsvText(file: File): Promise<string> {
  const bytes = await file.arrayBuffer();
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
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
      if (!/\.csv$/i.test(file.name)) {
        setError(`${file.name} is not a .csv file. Save the register from your spreadsheet as CSV and import that.`);
        return;
      }
      setBusy(true);
      try {
        const csv = await readCsvText(file);
        setResult({ fileName: file.name, ...(await api['participants-import-csv']({ fileName: file.name, csv })) });
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
