/**
 * Team ▸ Agreement: choose two or more coders and the unit, read the table (coloured by kappa
 * band, sortable), open a cell to see both coders' coding of that code in that transcript and
 * settle the differences. Saving coder copies and merging them back start here too.
 */
import { useEffect, useState } from 'react';
import type { AgreementRow } from '../../../shared/api/calls-team';
import { EmptyState } from '../components/EmptyState';
import { ErrorMessage } from '../components/ErrorMessage';
import { PaneHeader } from '../components/PaneHeader';
import { AgreementCell } from './AgreementCell';
import { AgreementTable } from './AgreementTable';
import { TeamListEditor } from './TeamListEditor';
import { useAgreement, useTeamInfo } from './useTeam';
import './team.css';

interface Props {
  id: string;
  onClose: () => void;
  onSaveCopy: () => void;
  onMerge: () => void;
  notify: (message: string) => void;
}

export function TeamView({ id, onClose, onSaveCopy, onMerge, notify }: Props) {
  const team = useTeamInfo();
  const candidates = (team.data?.knownCoders ?? []).filter((c) => c !== 'consensus');
  const [coders, setCoders] = useState<string[]>([]);
  const [unit, setUnit] = useState<'character' | 'turn'>('character');
  const [cell, setCell] = useState<AgreementRow | null>(null);
  // First time the names are known: the first two coders, so the table shows at once.
  useEffect(() => {
    if (!coders.length && candidates.length >= 2) setCoders(candidates.slice(0, 2));
  }, [candidates.join('\u0000')]); // eslint-disable-line react-hooks/exhaustive-deps
  const agreement = useAgreement(coders, unit);
  const toggle = (c: string) => setCoders((cur) => (cur.includes(c) ? cur.filter((x) => x !== c) : [...cur, c]));

  return (
    <section id={id} className="pane pane-main team-view" aria-labelledby="team-heading">
      <PaneHeader id="team-heading" title="Team: agreement">
        <button type="button" className="button button-small" onClick={onSaveCopy}>
          Save a copy for a coder…
        </button>
        <button type="button" className="button button-small" onClick={onMerge}>
          Merge coder copies…
        </button>
        <button type="button" className="button button-small button-ghost" onClick={onClose}>
          Close
        </button>
      </PaneHeader>
      <div className="pane-scroll team-body">
        <ErrorMessage message={team.error ?? agreement.error} />
        {cell && cell.codeId !== null && cell.sourceId !== null ? (
          <AgreementCell codeId={cell.codeId} sourceId={cell.sourceId} coders={cell.coders} onBack={() => setCell(null)} notify={notify} />
        ) : (
          <>
            {candidates.length < 2 && <EmptyState>Agreement needs codings by two coders. Save a copy for each coder (above), let them code, then merge their copies back.</EmptyState>}
            {candidates.length >= 2 && (
            <fieldset className="team-coders">
              <legend className="field-label">Coders to compare</legend>
              {candidates.map((c) => (
                <label key={c} className="checkbox">
                  <input type="checkbox" checked={coders.includes(c)} onChange={() => toggle(c)} /> {c}
                </label>
              ))}
              <label className="field-label" htmlFor="team-unit">
                Units
              </label>
              <select id="team-unit" className="input input-small" value={unit} onChange={(e) => setUnit(e.target.value as 'character' | 'turn')}>
                <option value="character">Characters</option>
                <option value="turn">Turns</option>
              </select>
            </fieldset>
            )}
            {agreement.data && (
              <>
                <p className="field-help team-note">
                  {agreement.data.note} Kappa (Cohen’s, two coders) and alpha (Krippendorff’s, nominal) correct for chance; colours follow kappa bands (alpha with three or more coders).
                </p>
                {agreement.data.rows.length ? <AgreementTable report={agreement.data} onOpen={setCell} /> : <EmptyState>These coders have not coded anything yet.</EmptyState>}
              </>
            )}
            {coders.length === 1 && <EmptyState>Choose at least two coders.</EmptyState>}
            <TeamListEditor team={team.data} />
          </>
        )}
      </div>
    </section>
  );
}
