/**
 * One code × source from the agreement table: the transcript with each coder's stripe beside every
 * turn, and the text where they differ highlighted. From here a coder's coding can be accepted for
 * the other, or recorded as the `consensus` coder's; each is one undoable step (Ctrl+Z).
 */
import { useCallback, useMemo, useState } from 'react';
import type { AgreementCell as Cell } from '../../../shared/api/calls-team';
import type { SourceDetail } from '../../../shared/domain/project';
import { useApi } from '../api/ApiProvider';
import { describeError } from '../api/errors';
import { ErrorMessage } from '../components/ErrorMessage';
import { useProjectData } from '../workspace/useProjectData';

interface Props {
  codeId: number;
  sourceId: number;
  coders: string[];
  onBack: () => void;
  notify: (message: string) => void;
}

type Seg = { start: number; end: number; count: number };

/** Cuts [start, end) at every range boundary; count = how many coders coded that piece. */
function segments(start: number, end: number, ranges: Array<Array<[number, number]>>): Seg[] {
  const cuts = new Set([start, end]);
  for (const rs of ranges) for (const [s, e] of rs) for (const x of [s, e]) if (x > start && x < end) cuts.add(x);
  const xs = [...cuts].sort((a, b) => a - b);
  const out: Seg[] = [];
  for (let i = 0; i + 1 < xs.length; i++) {
    const a = xs[i]!;
    const b = xs[i + 1]!;
    const count = ranges.filter((rs) => rs.some(([s, e]) => s <= a && e >= b)).length;
    out.push({ start: a, end: b, count });
  }
  return out;
}

const overlaps = (rs: Array<[number, number]>, s: number, e: number) => rs.some(([a, b]) => a < e && b > s);

export function AgreementCell({ codeId, sourceId, coders, onBack, notify }: Props) {
  const api = useApi();
  const key = JSON.stringify({ codeId, sourceId, coders });
  const load = useCallback(async (): Promise<{ cell: Cell; source: SourceDetail }> => {
    const k = JSON.parse(key) as { codeId: number; sourceId: number; coders: string[] };
    const [cell, source] = await Promise.all([api['team-agreement-cell'](k), api['source-get']({ sourceId: k.sourceId })]);
    return { cell, source };
  }, [api, key]);
  const { data, error } = useProjectData(load, ['codings', 'sources']);
  const [actionError, setActionError] = useState<string | null>(null);
  const speakers = useMemo(() => new Map((data?.source.speakers ?? []).map((s) => [s.id, s.label])), [data]);

  const resolve = async (input: { from: string; to?: string; consensus?: boolean }) => {
    setActionError(null);
    try {
      const r = await api['team-resolve']({ codeId, sourceId, ...input });
      notify(r.undoLabel ? `${r.undoLabel}. Undo with Ctrl+Z.` : 'Nothing to change: the codings are already the same.');
    } catch (e) {
      setActionError(describeError(e));
    }
  };

  if (error) return <ErrorMessage message={error} />;
  if (!data) return <p className="field-help">Loading…</p>;
  const { cell, source } = data;
  const blocks = source.blocks.filter((b) => b.end > b.start);
  const [a, b] = coders;
  return (
    <div className="team-cell">
      <div className="team-cell-head">
        <button type="button" className="button button-small button-ghost" onClick={onBack}>
          ← Back to the table
        </button>
        <h3 className="section-title">
          {cell.code} in {source.title}
        </h3>
      </div>
      <p className="field-help">
        Stripes: {coders.map((c, i) => (
          <span key={c} className={`team-key team-key-${i}`}>
            {c}
          </span>
        ))}
        {cell.consensus.length > 0 && <span className="team-key team-key-consensus">consensus</span>}. Highlighted text: the coders differ there ({cell.disagreements.length} {cell.disagreements.length === 1 ? 'passage' : 'passages'}).
      </p>
      {coders.length === 2 && a && b && (
        <div className="team-cell-actions" role="group" aria-label="Settle the disagreements">
          <button type="button" className="button button-small" onClick={() => void resolve({ from: a, to: b })}>
            Accept {a}’s coding for {b}
          </button>
          <button type="button" className="button button-small" onClick={() => void resolve({ from: b, to: a })}>
            Accept {b}’s coding for {a}
          </button>
          <button type="button" className="button button-small" onClick={() => void resolve({ from: a, consensus: true })}>
            Record {a}’s as consensus
          </button>
          <button type="button" className="button button-small" onClick={() => void resolve({ from: b, consensus: true })}>
            Record {b}’s as consensus
          </button>
        </div>
      )}
      <ErrorMessage message={actionError} onDismiss={() => setActionError(null)} />
      <ol className="team-transcript" aria-label={`Transcript of ${source.title} with each coder's coding of ${cell.code}`}>
        {blocks.map((blk) => (
          <li key={blk.id} className="team-turn">
            <span className="team-stripes" aria-hidden="true">
              {cell.ranges.map((rs, i) => (
                <span key={i} className={`team-stripe team-stripe-${i}${overlaps(rs, blk.start, blk.end) ? ' on' : ''}`} />
              ))}
              <span className={`team-stripe team-stripe-consensus${overlaps(cell.consensus, blk.start, blk.end) ? ' on' : ''}`} />
            </span>
            <span className="team-turn-body">
              {blk.speakerId !== null && <span className="team-speaker">{speakers.get(blk.speakerId)}: </span>}
              {segments(blk.start, blk.end, cell.ranges).map((s) => {
                const text = source.text.slice(s.start, s.end);
                if (s.count === 0) return <span key={s.start}>{text}</span>;
                if (s.count === coders.length) return (
                  <span key={s.start} className="team-agree">
                    {text}
                  </span>
                );
                return (
                  <mark key={s.start} className="team-differ" title={`Coded by ${coders.filter((_, i) => overlaps(cell.ranges[i]!, s.start, s.end)).join(', ')} only`}>
                    {text}
                  </mark>
                );
              })}
            </span>
          </li>
        ))}
      </ol>
    </div>
  );
}
