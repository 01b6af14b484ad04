/** Charts: code frequencies, the matrix as a heat map, code co-occurrence. */
import { useCallback, useMemo, useState } from 'react';
import type { MatrixInput, MatrixResult } from '../../../shared/domain/analysis';
import { useApi } from '../api/ApiProvider';
import { ChoiceGroup } from '../components/ChoiceGroup';
import { EmptyState } from '../components/EmptyState';
import { ErrorMessage } from '../components/ErrorMessage';
import { useProjectData } from '../workspace/useProjectData';
import { ChartBox } from './ChartBox';
import { cooccurrenceOption, frequencyOption, matrixOption } from './options';

type Kind = 'frequency' | 'matrix' | 'cooccurrence';

interface Props {
  matrix: MatrixResult | null;
  /** The matrix's spec: its chart file is worked out again by the core from this. */
  matrixSpec: MatrixInput;
  frameId: number | undefined;
  /** One mode (the active frame's by default), or undefined when both were chosen. */
  mode: 'mainstream' | 'tikanga' | undefined;
}

export function ChartsPanel({ matrix, matrixSpec, frameId, mode }: Props) {
  const api = useApi();
  const [kind, setKind] = useState<Kind>('frequency');
  const scope = useMemo(() => ({ ...(frameId === undefined ? {} : { frameId }), ...(mode ? { mode } : {}) }), [frameId, mode]);
  // Segments per code: in one mode, the matrix's row totals (codes-list counts every mode).
  const loadCodes = useCallback(async () => {
    if (!mode) return (await api['codes-list'](frameId === undefined ? {} : { frameId })).map((c) => ({ name: c.name, color: c.color, segments: c.counts.segments }));
    const m = await api['matrix-run']({ ...scope, cols: 'mode' });
    return m.rows.map((r, i) => ({ name: r.name, color: r.color, segments: m.rowTotals[i]?.segments ?? 0 }));
  }, [api, frameId, mode, scope]);
  const codes = useProjectData(loadCodes, ['codes', 'codings']);
  const loadCo = useCallback(() => (kind === 'cooccurrence' ? api['codes-cooccurrence'](scope) : Promise.resolve(null)), [api, kind, scope]);
  const co = useProjectData(loadCo, ['codes', 'codings']);

  const chart = useMemo(() => {
    if (kind === 'frequency' && codes.data?.length) {
      const bars = codes.data;
      // The canvas is a picture: its accessible name carries the figures themselves, most first.
      const figures = [...bars].sort((a, b) => b.segments - a.segments).map((b) => `${b.name} ${b.segments}`).join(', ');
      return { option: frequencyOption(bars), height: Math.max(240, bars.length * 28 + 60), spec: { kind: 'frequency', ...scope } as const, label: `Bar chart of coded segments per code: ${figures}`, caption: 'Coded segments per code, most at the top.' };
    }
    if (kind === 'matrix' && matrix?.rows.length && matrix.cols.length) return { option: matrixOption(matrix), height: Math.max(260, matrix.rows.length * 36 + 120), spec: { kind: 'matrix', matrix: matrixSpec } as const, label: `Heat map of codes by ${matrix.colsLabel.toLowerCase()}`, caption: `Codes by ${matrix.colsLabel.toLowerCase()}: each cell shows coded segments / distinct participants; shading by segments.` };
    if (kind === 'cooccurrence' && co.data?.codes.length) return { option: cooccurrenceOption(co.data), height: Math.max(280, co.data.codes.length * 34 + 140), spec: { kind: 'cooccurrence', ...scope } as const, label: 'Heat map of how often codes overlap', caption: 'Each cell: how many segments of the row’s code overlap a coding of the column’s code.' };
    return null;
  }, [kind, codes.data, matrix, matrixSpec, co.data, scope]);

  return (
    <div className="analysis-panel">
      <ChoiceGroup
        legend="Chart"
        value={kind}
        onChange={setKind}
        options={[
          { value: 'frequency', label: 'Code frequencies' },
          { value: 'matrix', label: 'Matrix heat map' },
          { value: 'cooccurrence', label: 'Co-occurrence' },
        ]}
      />
      <ErrorMessage message={codes.error ?? co.error} />
      {kind === 'cooccurrence' && co.data?.notes.map((n) => (
        <p key={n} className="analysis-warning" role="note">
          {n}
        </p>
      ))}
      {chart ? (
        <ChartBox key={kind} option={chart.option} height={chart.height} spec={chart.spec} label={chart.label} caption={chart.caption} />
      ) : (
        <EmptyState>{kind === 'matrix' ? 'Run a matrix on the Matrix tab first; its heat map appears here.' : 'No codes to chart yet: create codes and code some transcripts.'}</EmptyState>
      )}
    </div>
  );
}
