/**
 * The hits of a bulk coding preview (auto-code, code all results), grouped by session, each with a
 * checkbox ticked by default: what is left ticked is what gets coded (applied as `skip` = the
 * unticked ones the person saw). Also the scope in words: which sessions the coding covers.
 */
import type { ReactNode } from 'react';
import type { CodingScope, HitRef } from '../../../shared/domain/coding';
import { plural } from '../format/numbers';
import './hit-checklist.css';

export interface CheckHit extends HitRef {
  sourceTitle: string;
  speaker: string | null;
  /** Already coded with the code: left as it is, so not a choice. */
  alreadyCoded?: boolean;
}

export const hitKey = (h: HitRef): string => `${h.sourceId}:${h.start}:${h.end}`;

/** The shown hits the person unticked (already coded ones aside), as refs for `skip`. */
export function uncheckedHits(hits: CheckHit[], unticked: ReadonlySet<string>): HitRef[] {
  return hits.filter((h) => !h.alreadyCoded && unticked.has(hitKey(h))).map((h) => ({ sourceId: h.sourceId, start: h.start, end: h.end }));
}

/** "Covers the sessions of the frame “Codes”: 3 mainstream sessions; tikanga-based sessions are kept apart." */
export function scopeWords(scope: CodingScope): string {
  const main = scope.sources.filter((s) => s.mode === 'mainstream').length;
  const tikanga = scope.sources.length - main;
  const ms = plural(main, 'mainstream session');
  const ts = plural(tikanga, 'tikanga-based session');
  if (scope.mode === 'both') return `Covers both ways of working, mixed on purpose: ${ms} and ${ts}.`;
  if (scope.chosen) return `Covers the chosen sessions: ${scope.mode === 'tikanga' ? ts : ms}.`;
  if (scope.frameKind === 'kaupapa-maori') {
    return `Covers the sessions of the frame “${scope.frameName}”: ${ts}${main ? ` and ${plural(main, 'session')} that chose it` : ''}; ${main ? 'other ' : ''}mainstream sessions are kept apart.`;
  }
  return `Covers the sessions of the frame “${scope.frameName}”: ${ms}${tikanga ? ` and ${ts} opened to it by their kaitiaki` : ''}; ${tikanga ? 'other ' : ''}tikanga-based sessions are kept apart.`;
}

interface Props<T extends CheckHit> {
  hits: T[];
  unticked: ReadonlySet<string>;
  onChange: (next: Set<string>) => void;
  /** The hit's text with its context. */
  renderText: (hit: T) => ReactNode;
  /** More hits than shown: unticking applies to the shown ones only. */
  truncated: boolean;
  /** Every hit that would be coded (shown or not). */
  total: number;
  noun: (n: number) => string;
}

export function HitChecklist<T extends CheckHit>({ hits, unticked, onChange, renderText, truncated, total, noun }: Props<T>) {
  const groups: Array<{ sourceId: number; title: string; hits: T[] }> = [];
  for (const h of hits) {
    let g = groups.find((x) => x.sourceId === h.sourceId);
    if (!g) groups.push((g = { sourceId: h.sourceId, title: h.sourceTitle, hits: [] }));
    g.hits.push(h);
  }
  const toggle = (keys: string[], tick: boolean) => {
    const next = new Set(unticked);
    for (const k of keys) (tick ? next.delete(k) : next.add(k));
    onChange(next);
  };
  return (
    <div className="hit-checklist">
      {groups.map((g) => {
        const open = g.hits.filter((h) => !h.alreadyCoded);
        const ticked = open.filter((h) => !unticked.has(hitKey(h))).length;
        const keys = open.map(hitKey);
        return (
          <section key={g.sourceId} className="hit-group" aria-label={g.title}>
            <div className="hit-group-head">
              <span className="hit-group-title" title={g.title}>
                {g.title}
              </span>
              <span className="hit-group-count">
                {ticked} of {open.length} ticked
              </span>
              {open.length > 0 && (
                <button type="button" className="link-button" onClick={() => toggle(keys, ticked === 0)}>
                  {ticked === 0 ? 'Tick all in this session' : 'Untick all in this session'}
                </button>
              )}
            </div>
            <ul className="hit-list">
              {g.hits.map((h) => {
                const k = hitKey(h);
                const on = h.alreadyCoded || !unticked.has(k);
                return (
                  <li key={k} className={h.alreadyCoded ? 'is-done' : on ? '' : 'is-off'}>
                    <label>
                      <input type="checkbox" checked={on} disabled={h.alreadyCoded} onChange={(e) => toggle([k], e.target.checked)} />
                      <span className="hit-body">
                        <span className="hit-who">
                          {h.speaker ?? 'No speaker'}
                          {h.alreadyCoded && ' · already coded'}
                        </span>
                        <span className="hit-text">{renderText(h)}</span>
                      </span>
                    </label>
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
      {truncated && (
        <p className="field-help" data-testid="hits-truncated">
          Showing the first {hits.length.toLocaleString('en-NZ')} of {total.toLocaleString('en-NZ')} {noun(total)}. Unticking applies to these only: the other {(total - hits.length).toLocaleString('en-NZ')} will all be coded.
        </p>
      )}
    </div>
  );
}
