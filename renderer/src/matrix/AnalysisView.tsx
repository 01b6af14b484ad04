/** Queries & matrix: matrix coding, coding queries and charts, in tabs over the main pane. */
import { useMemo, useState } from 'react';
import { ModeMixNote, ModeSelect, useModeScope } from '../analysis-scope/ModeScope';
import type { MatrixInput } from '../../../shared/domain/analysis';
import { PaneHeader } from '../components/PaneHeader';
import { ChartsPanel } from '../charts/ChartsPanel';
import { QueryPanel } from '../queries/QueryPanel';
import { useFilterChoices } from '../search/useFilterChoices';
import { MatrixPanel } from './MatrixPanel';
import { useMatrix } from './useMatrix';
import '../search/search.css';
import './analysis.css';

type Tab = 'matrix' | 'query' | 'charts';

interface Props {
  id: string;
  onOpen: (sourceId: number, range?: { start: number; end: number }) => void;
  onClose: () => void;
  /** Opens the quote bank (after adding query results to it). */
  onOpenQuotes?: () => void;
}

export function AnalysisView({ id, onOpen, onClose, onOpenQuotes }: Props) {
  const [tab, setTab] = useState<Tab>('matrix');
  const [baseSpec, setSpec] = useState<MatrixInput>({ cols: 'role' });
  // One mode at a time, the active frame's, unless both are chosen (then said under each tab).
  const scope = useModeScope();
  const spec = useMemo<MatrixInput>(() => {
    const { mode: _m, ...rest } = baseSpec;
    return scope.mode ? { ...rest, mode: scope.mode } : rest;
  }, [baseSpec, scope.mode]);
  const choices = useFilterChoices();
  const matrix = useMatrix(spec);
  const tabs: Array<[Tab, string]> = [
    ['matrix', 'Matrix'],
    ['query', 'Coding query'],
    ['charts', 'Charts'],
  ];
  return (
    <section id={id} className="pane pane-main analysis-view" aria-labelledby="analysis-heading">
      <PaneHeader id="analysis-heading" title="Queries & matrix">
        <button type="button" className="button button-small button-ghost" onClick={onClose}>
          Close
        </button>
      </PaneHeader>
      <div className="analysis-tabs" role="tablist" aria-label="Analysis">
        {tabs.map(([t, label]) => (
          <button key={t} type="button" role="tab" id={`analysis-tab-${t}`} aria-selected={tab === t} aria-controls="analysis-tabpanel" className="analysis-tab" onClick={() => setTab(t)}>
            {label}
          </button>
        ))}
      </div>
      <div className="analysis-scope">
        <ModeSelect scope={scope} visibleLabel />
        {/* The matrix says it in its own notes (the core's, also written into its files). */}
        {tab !== 'matrix' && <ModeMixNote scope={scope} />}
      </div>
      <div id="analysis-tabpanel" role="tabpanel" aria-labelledby={`analysis-tab-${tab}`} className="pane-scroll analysis-body">
        {tab === 'matrix' && <MatrixPanel spec={spec} onSpec={setSpec} matrix={matrix.data} error={matrix.error} choices={choices} onOpen={onOpen} />}
        {tab === 'query' && <QueryPanel choices={choices} onOpen={onOpen} onOpenQuotes={onOpenQuotes} mode={scope.mode} />}
        {tab === 'charts' && <ChartsPanel matrix={matrix.data} matrixSpec={spec} frameId={spec.frameId} mode={scope.mode} />}
      </div>
    </section>
  );
}
