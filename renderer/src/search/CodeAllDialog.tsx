/**
 * "Code all results…": choose a code and what to code (the matched words or whole turns), see what
 * it will do (each hit with a checkbox: what is left ticked is what is coded, applied with `skip` =
 * the unticked hits shown), then do it in one undoable step.
 */
import { useEffect, useState } from 'react';
import type { CodeResultsPreview, CodeResultsScope, SearchFilters } from '../../../shared/domain/analysis';
import { useApi } from '../api/ApiProvider';
import { describeError } from '../api/errors';
import { HitChecklist, hitKey, scopeWords, uncheckedHits } from '../codes/HitChecklist';
import { ChoiceGroup } from '../components/ChoiceGroup';
import { Dialog } from '../components/Dialog';
import { ErrorMessage } from '../components/ErrorMessage';
import type { FilterChoices } from './useFilterChoices';

interface Props {
  query: string;
  filters: SearchFilters;
  choices: FilterChoices | null;
  onClose: () => void;
  onDone: (message: string) => void;
}

export function CodeAllDialog({ query, filters, choices, onClose, onDone }: Props) {
  const api = useApi();
  const [codeId, setCodeId] = useState<number | null>(null);
  const [scope, setScope] = useState<CodeResultsScope>('hits');
  const [preview, setPreview] = useState<CodeResultsPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** Hits the person unticked (by source and range); only the shown ones count. */
  const [unticked, setUnticked] = useState<Set<string>>(() => new Set());
  /** What a range is: the matched words, or whole turns. */
  const noun = (n: number) => (scope === 'hits' ? (n === 1 ? 'match' : 'matches') : n === 1 ? 'turn' : 'turns');

  useEffect(() => {
    setPreview(null);
    if (codeId === null) return;
    let live = true;
    api['search-code-preview']({ query, filters, codeId, scope }).then(
      (p) => live && setPreview(p),
      (e: unknown) => live && setError(describeError(e)),
    );
    return () => {
      live = false;
    };
  }, [api, query, filters, codeId, scope]);

  const skip = preview ? uncheckedHits(preview.hits, unticked) : [];
  const toCode = preview ? preview.ranges - skip.length : 0;
  // Transcripts still touched: counted from the shown hits unless some are not shown.
  const sources = !preview ? 0 : preview.truncated ? preview.sources : new Set(preview.hits.filter((h) => !unticked.has(hitKey(h))).map((h) => h.sourceId)).size;
  const apply = async () => {
    if (codeId === null || !preview || toCode === 0 || busy) return;
    setBusy(true);
    try {
      const r = await api['search-code-apply']({ query, filters, codeId, scope, ...(skip.length ? { skip } : {}) });
      const name = choices?.codes.find((c) => c.id === codeId)?.name ?? 'the code';
      onDone(`Coded ${r.coded.toLocaleString('en-NZ')} ${noun(r.coded)} with “${name}”. Undo puts them back.`);
    } catch (e) {
      setError(describeError(e));
      setBusy(false);
    }
  };

  return (
    <Dialog
      title="Code all results"
      size="wide"
      onClose={onClose}
      onSubmit={() => void apply()}
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={busy || toCode === 0}>
            {preview && toCode ? `Code ${toCode.toLocaleString('en-NZ')} ${noun(toCode)}` : 'Code'}
          </button>
        </>
      }
    >
      <div className="code-all">
        <label className="form-field">
          <span className="form-label">Code</span>
          <select className="input select" data-autofocus value={codeId ?? ''} onChange={(e) => setCodeId(e.target.value ? Number(e.target.value) : null)}>
            <option value="">Choose a code…</option>
            {choices?.codes.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <ChoiceGroup
          legend="What to code"
          value={scope}
          onChange={setScope}
          options={[
            { value: 'hits', label: 'The matched words' },
            { value: 'turns', label: 'The whole turns' },
          ]}
        />
        <ErrorMessage message={error} />
        {choices && choices.codes.length === 0 && <p className="field-help">There are no codes yet: create one in the Codes pane first.</p>}
        {preview && (
          <div className="code-all-preview" aria-live="polite">
            <p>
              Will code <strong>{toCode.toLocaleString('en-NZ')}</strong> {noun(toCode)} in {sources} transcript
              {sources === 1 ? '' : 's'}
              {preview.alreadyCoded > 0 && ` (${preview.alreadyCoded.toLocaleString('en-NZ')} already coded, left as they are)`}
              {skip.length > 0 && `; ${skip.length.toLocaleString('en-NZ')} unticked`}.
            </p>
            <p className="hit-scope" data-testid="code-all-scope">
              {scopeWords(preview.scope)}
            </p>
            {preview.notCodable > 0 && (
              <p className="field-help">
                {preview.notCodable.toLocaleString('en-NZ')} left out: {preview.notCodableReason}
              </p>
            )}
            {preview.hits.length > 0 && (
              <HitChecklist
                hits={preview.hits}
                unticked={unticked}
                onChange={setUnticked}
                truncated={preview.truncated}
                total={preview.ranges}
                noun={noun}
                renderText={(h) => (
                  <>
                    {h.before && <span className="hit-context">{h.before}</span>}
                    <strong>{h.text}</strong>
                    {h.after && <span className="hit-context">{h.after}</span>}
                  </>
                )}
              />
            )}
          </div>
        )}
      </div>
    </Dialog>
  );
}
