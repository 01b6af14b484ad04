/**
 * Matrix coding: the table with heat shading (real names on screen), a cell's segments beside it,
 * CSV/XLSX export (counts only; the core labels people by pseudonym unless real names are asked
 * for and everyone named consented to it).
 */
import { useEffect, useState } from 'react';
import type { MatrixInput, MatrixResult, QuerySegment } from '../../../shared/domain/analysis';
import { useApi } from '../api/ApiProvider';
import { describeError } from '../api/errors';
import { EmptyState } from '../components/EmptyState';
import { ErrorMessage } from '../components/ErrorMessage';
import { SegmentList } from '../queries/SegmentList';
import type { FilterChoices } from '../search/useFilterChoices';
import { MatrixControls } from './MatrixControls';
import { MatrixTable } from './MatrixTable';

interface Props {
  spec: MatrixInput;
  onSpec: (s: MatrixInput) => void;
  matrix: MatrixResult | null;
  error: string | null;
  choices: FilterChoices | null;
  onOpen: (sourceId: number, range: { start: number; end: number }) => void;
}

export function MatrixPanel({ spec, onSpec, matrix, error, choices, onOpen }: Props) {
  const api = useApi();
  const [heat, setHeat] = useState(true);
  const [realNames, setRealNames] = useState(false);
  const [cell, setCell] = useState<{ codeId: number; colKey: string } | null>(null);
  const [segments, setSegments] = useState<{ segments: QuerySegment[]; total: number } | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);

  useEffect(() => {
    setCell(null);
    setSegments(null);
  }, [spec]);

  const openCell = async (codeId: number, colKey: string) => {
    setCell({ codeId, colKey });
    setSegments(null);
    try {
      setSegments(await api['matrix-cell']({ ...spec, codeId, colKey }));
    } catch (e) {
      setActionError(describeError(e));
    }
  };

  const exportAs = async (format: 'csv' | 'xlsx') => {
    setNote(null);
    setActionError(null);
    try {
      const r = await api['matrix-export']({ ...spec, format, ...(realNames ? { realNames } : {}) });
      setNote(r ? `Saved the matrix (counts only; people ${realNames ? 'by consented real names' : 'by pseudonym'}) to ${r.path}` : null);
    } catch (e) {
      setActionError(describeError(e));
    }
  };

  const rowName = cell && matrix?.rows.find((r) => r.codeId === cell.codeId)?.name;
  const colName = cell && matrix?.cols.find((c) => c.key === cell.colKey)?.label;

  return (
    <div className="analysis-panel">
      <div className="analysis-controls">
        <MatrixControls value={spec} choices={choices} onChange={onSpec} />
        <div className="analysis-actions">
          <label className="search-filter">
            <input type="checkbox" checked={heat} onChange={(e) => setHeat(e.target.checked)} /> Heat map
          </label>
          <label className="search-filter" title="Only if everyone named in the file consented to be named; otherwise the export is refused">
            <input type="checkbox" checked={realNames} onChange={(e) => setRealNames(e.target.checked)} /> Real names in file
          </label>
          <button type="button" className="button button-small" disabled={!matrix?.rows.length} onClick={() => void exportAs('csv')}>
            Export CSV
          </button>
          <button type="button" className="button button-small" disabled={!matrix?.rows.length} onClick={() => void exportAs('xlsx')}>
            Export XLSX
          </button>
        </div>
      </div>
      <ErrorMessage message={error ?? actionError} />
      {note && <p className="search-note">{note}</p>}
      {matrix?.warnings.map((w) => (
        <p key={w} className="analysis-warning" role="note">
          {w}
        </p>
      ))}
      {matrix && !matrix.rows.length && <EmptyState>No codes yet. Create codes and code some transcripts, then compare them here.</EmptyState>}
      {matrix && matrix.rows.length > 0 && !matrix.cols.length && <EmptyState>Nothing coded falls in these columns yet (link speakers to participants to compare people, roles or groups).</EmptyState>}
      {matrix && matrix.rows.length > 0 && matrix.cols.length > 0 && <MatrixTable m={matrix} heat={heat} selected={cell} onCell={(c, k) => void openCell(c, k)} />}
      {cell && (
        <section className="cell-segments" aria-label="Segments in the chosen cell">
          <h3 className="analysis-subtitle">
            {rowName} · {colName}
            {segments && ` — ${segments.total.toLocaleString('en-NZ')} segment${segments.total === 1 ? '' : 's'}${segments.total > segments.segments.length ? ` (first ${segments.segments.length} shown)` : ''}`}
          </h3>
          {segments ? <SegmentList segments={segments.segments} onOpen={onOpen} label={`${rowName}, ${colName}`} /> : <p className="search-summary">Loading…</p>}
        </section>
      )}
    </div>
  );
}
