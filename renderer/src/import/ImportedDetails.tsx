/**
 * What an imported file became, for the person to check straight away: its title (where it came
 * from, editable here), its mode, whether its turns carry times, and every warning, with turns
 * that look too long for a turn (a heading read as a speaker) listed apart.
 */
import { useState } from 'react';
import type { ImportFileResult } from '../../../shared/domain/project';
import { useApi } from '../api/ApiProvider';
import { describeError } from '../api/errors';

const TITLE_FROM: Record<NonNullable<ImportFileResult['titleFrom']>, string> = {
  file: 'from the file’s own title line',
  heading: 'from the first heading',
  'file name': 'from the file name',
};

/** Suspect-turn warnings (import/suspect-turns.ts) end by asking whether the label is a speaker. */
const isSuspect = (w: string) => /check that ".*" is a speaker and not a heading$/.test(w);

export function ImportedDetails({ result: r, onTitle }: { result: ImportFileResult; onTitle: (title: string) => void }) {
  const api = useApi();
  const [title, setTitle] = useState(r.title ?? '');
  const [saved, setSaved] = useState(r.title ?? '');
  const [error, setError] = useState<string | null>(null);
  const warnings = r.warnings ?? [];
  const suspect = warnings.filter(isSuspect);
  const other = warnings.filter((w) => !isSuspect(w));

  const save = async () => {
    const next = title.trim();
    if (r.sourceId === undefined || next === saved) return;
    if (!next) {
      setError('A transcript needs a title; type one, or press Escape to keep the old one.');
      return;
    }
    try {
      await api['source-update']({ sourceId: r.sourceId, title: next });
      setSaved(next);
      setError(null);
      onTitle(next);
    } catch (e) {
      setError(describeError(e));
    }
  };

  return (
    <div className="result-details">
      <label className="result-title-edit">
        <span>Title</span>
        <input
          className="input input-compact"
          value={title}
          aria-label={`Title of ${r.fileName}`}
          onChange={(e) => setTitle(e.target.value)}
          onBlur={() => void save()}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              void save();
            } else if (e.key === 'Escape' && title !== saved) {
              e.preventDefault();
              e.stopPropagation();
              setTitle(saved);
              setError(null);
            }
          }}
        />
        {r.titleFrom && <span className="result-title-from">{TITLE_FROM[r.titleFrom]}</span>}
      </label>
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
      <span className="result-facts">
        {r.mode === 'tikanga' ? 'Tikanga-based (kaupapa Māori)' : 'Mainstream'} ·{' '}
        {r.timed ? 'Timed: each turn keeps its start time' : 'Not timed: the file has no times'}
      </span>
      {suspect.length > 0 && (
        <div className="result-suspect">
          <span className="result-subhead">Turns to check</span>
          <ul aria-label={`Turns to check in ${r.fileName}`}>
            {suspect.map((w) => (
              <li key={w}>{w.charAt(0).toUpperCase() + w.slice(1)}. Review speakers can mark the label Not a speaker.</li>
            ))}
          </ul>
        </div>
      )}
      {other.length > 0 && (
        <ul className="result-warnings" aria-label={`Warnings for ${r.fileName}`}>
          {other.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
