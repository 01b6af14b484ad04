/**
 * Auto-coding: every turn of a speaker or participant, or every match of a text (macrons
 * optional, whole words if asked; the match or its whole turn), with a live preview of what will
 * be coded before anything is, each hit with a checkbox: what is left ticked is what is coded
 * (applied with `skip` = the unticked hits shown). Applying is one undo step.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { AutoCodeInput, AutoCodePreview } from '../../../shared/domain/coding';
import { useApi } from '../api/ApiProvider';
import { describeError } from '../api/errors';
import { Dialog } from '../components/Dialog';
import { ErrorMessage } from '../components/ErrorMessage';
import { plural } from '../format/numbers';
import { useProjectData } from '../workspace/useProjectData';
import { useCoding } from './CodingContext';
import { leadIn, tailOut } from './context';
import { HitChecklist, scopeWords, uncheckedHits } from './HitChecklist';
import { paths } from './tree';

/** The core gives up to this many characters of context each side of a match (electron/core/codings/auto-code.ts). */
const CORE_CONTEXT = 60;

type By = 'speaker' | 'participant' | 'pattern';

export function AutoCodeDialog({ onClose }: { onClose: () => void }) {
  const api = useApi();
  const coding = useCoding();
  const codes = coding.codes ?? [];
  const codePaths = useMemo(() => paths(codes), [codes]);
  const [codeId, setCodeId] = useState<number | null>(coding.selectedCodeId ?? codes[0]?.id ?? null);
  const [by, setBy] = useState<By>('pattern');
  const [speaker, setSpeaker] = useState('');
  const [participantId, setParticipantId] = useState<number | null>(null);
  const [pattern, setPattern] = useState('');
  const [wholeWord, setWholeWord] = useState(true);
  const [scope, setScope] = useState<'match' | 'turn'>('match');
  /** The last preview and the input it answers (while typing, the shown one may be for older input). */
  const [result, setResult] = useState<{ input: AutoCodeInput; preview: AutoCodePreview } | null>(null);
  const preview = result?.preview ?? null;
  const [unticked, setUnticked] = useState<Set<string>>(() => new Set());
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const loadSpeakers = useCallback(() => api['speakers-review']({}), [api]);
  const speakers = useProjectData(loadSpeakers, ['sources', 'participants']);
  const labels = useMemo(() => [...new Set((speakers.data ?? []).map((s) => s.label))].sort((a, b) => a.localeCompare(b)), [speakers.data]);
  const loadPeople = useCallback(() => api['participants-list']({}), [api]);
  const people = useProjectData(loadPeople, ['participants']);

  const input = useMemo((): AutoCodeInput | null => {
    if (codeId === null) return null;
    if (by === 'speaker') return speaker ? { codeId, speaker } : null;
    if (by === 'participant') return participantId !== null ? { codeId, participantId } : null;
    return pattern.trim() ? { codeId, pattern: pattern.trim(), wholeWord, scope } : null;
  }, [by, codeId, participantId, pattern, scope, speaker, wholeWord]);

  useEffect(() => {
    if (!input) {
      setResult(null);
      return;
    }
    let live = true;
    const t = window.setTimeout(() => {
      api['autocode-preview'](input).then(
        (p) => {
          if (live) {
            setResult({ input, preview: p });
            setError(null);
          }
        },
        (e: unknown) => live && setError(describeError(e)),
      );
    }, 150);
    return () => {
      live = false;
      window.clearTimeout(t);
    };
  }, [api, input]);

  const fresh = !!input && result?.input === input;
  const skip = preview ? uncheckedHits(preview.ranges, unticked) : [];
  const toCode = preview && fresh ? preview.count - preview.alreadyCoded - skip.length : 0;
  const apply = async () => {
    if (!input || !fresh || busy || toCode === 0) return;
    setBusy(true);
    try {
      const r = await api['autocode-apply'](skip.length ? { ...input, skip } : input);
      coding.notify(`Auto-coded ${plural(r.coded, 'passage')} with “${preview?.codeName ?? ''}”${r.skipped ? ` (${r.skipped} already coded)` : ''}.`);
      onClose();
    } catch (e) {
      setError(describeError(e));
      setBusy(false);
    }
  };

  return (
    <Dialog
      title="Auto-code"
      size="wide"
      onClose={onClose}
      onSubmit={() => void apply()}
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={busy || toCode === 0}>
            {toCode ? `Code ${plural(toCode, 'passage')}` : 'Code'}
          </button>
        </>
      }
    >
      <div className="autocode-form">
        <label className="field-label" htmlFor="autocode-code">
          Code with
        </label>
        <select id="autocode-code" className="input input-wide" value={codeId ?? ''} onChange={(e) => setCodeId(Number(e.target.value))}>
          {codes.map((c) => (
            <option key={c.id} value={c.id}>
              {codePaths.get(c.id)}
            </option>
          ))}
        </select>
        <fieldset className="autocode-by">
          <legend className="field-label">What to code</legend>
          <label>
            <input type="radio" name="autocode-by" checked={by === 'pattern'} onChange={() => setBy('pattern')} /> Every match of a text
          </label>
          <label>
            <input type="radio" name="autocode-by" checked={by === 'speaker'} onChange={() => setBy('speaker')} /> Every turn of a speaker
          </label>
          <label>
            <input type="radio" name="autocode-by" checked={by === 'participant'} onChange={() => setBy('participant')} /> Every turn of a participant
          </label>
        </fieldset>
        {by === 'pattern' && (
          <div className="autocode-pattern">
            <input className="input input-wide" aria-label="Text to find" placeholder="e.g. whanau (macrons optional)" value={pattern} onChange={(e) => setPattern(e.target.value)} data-autofocus />
            <label className="retrieval-check">
              <input type="checkbox" checked={wholeWord} onChange={(e) => setWholeWord(e.target.checked)} /> Whole words only
            </label>
            <label className="retrieval-check">
              <input type="checkbox" checked={scope === 'turn'} onChange={(e) => setScope(e.target.checked ? 'turn' : 'match')} /> Code the whole turn
            </label>
          </div>
        )}
        {by === 'speaker' && (
          <select className="input input-wide" aria-label="Speaker" value={speaker} onChange={(e) => setSpeaker(e.target.value)}>
            <option value="">Choose a speaker label…</option>
            {labels.map((l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))}
          </select>
        )}
        {by === 'participant' && (
          <select className="input input-wide" aria-label="Participant" value={participantId ?? ''} onChange={(e) => setParticipantId(e.target.value ? Number(e.target.value) : null)}>
            <option value="">Choose a participant…</option>
            {people.data
              ?.filter((p) => p.kind === 'person')
              .map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
          </select>
        )}
      </div>
      <ErrorMessage message={error} />
      <div className="autocode-preview" aria-live="polite">
        {!input && <p className="field-help">Choose what to find; a preview of what will be coded appears here.</p>}
        {preview && (
          <>
            <p className="autocode-summary" data-testid="autocode-summary">
              {preview.count === 0
                ? by === 'pattern'
                  ? `Nothing matches “${pattern.trim()}”${wholeWord ? '. For part of a word, untick Whole words only' : ''}.`
                  : 'No turns found for them.'
                : `${plural(preview.count, 'passage')} in ${plural(preview.sources, 'source')}${preview.alreadyCoded ? `, ${preview.alreadyCoded} already coded` : ''}${skip.length ? `, ${skip.length} unticked` : ''}.`}
            </p>
            <p className="hit-scope" data-testid="autocode-scope">
              {scopeWords(preview.scope)}
            </p>
            {preview.notCodable > 0 && (
              <p className="field-help" data-testid="autocode-not-codable">
                {plural(preview.notCodable, 'passage')} left out: {preview.notCodableReason}
              </p>
            )}
            {preview.ranges.length > 0 && (
              <HitChecklist
                hits={preview.ranges}
                unticked={unticked}
                onChange={setUnticked}
                truncated={preview.truncated}
                total={preview.count}
                noun={(n) => (n === 1 ? 'passage' : 'passages')}
                renderText={(r) => (
                  <span className="rv-text">
                    {r.before && <span className="rv-context">{leadIn(r.before, CORE_CONTEXT, r.before.length >= CORE_CONTEXT)}</span>}
                    <mark className="rv-coded">{r.text.length > 300 ? `${r.text.slice(0, 300)}…` : r.text}</mark>
                    {r.after && <span className="rv-context">{tailOut(r.after, CORE_CONTEXT, r.after.length >= CORE_CONTEXT)}</span>}
                  </span>
                )}
              />
            )}
          </>
        )}
      </div>
    </Dialog>
  );
}
