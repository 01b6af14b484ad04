/**
 * Offers the kaupapa Māori frame templates (Te Whare Tapa Whā, Te Wheke, the Meihana model,
 * values). Choosing one creates a new kaupapa Māori frame with a copy of its codes, which the
 * analysts then edit as their own. Nothing is created unless someone asks. As with
 * `focal frame-template`, top-level codes can be left out (Whenua, say) and the frame named; the
 * Codes pane then shows the new frame.
 */
import { useCallback, useState } from 'react';
import { useApi } from '../api/ApiProvider';
import { useCoding } from '../codes/CodingContext';
import { Dialog } from '../components/Dialog';
import { ErrorMessage } from '../components/ErrorMessage';
import { useAction } from '../tikanga/useAction';
import { useProjectData } from '../workspace/useProjectData';
import '../tikanga/tikanga.css';

export function FrameTemplatesDialog({ onClose }: { onClose: () => void }) {
  const api = useApi();
  const load = useCallback(() => api['frame-templates-list']({}), [api]);
  const { data: templates, error } = useProjectData(load, []);
  const [chosen, setChosen] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const [skip, setSkip] = useState<Set<string>>(new Set());
  const coding = useCoding();
  const action = useAction();
  const template = templates?.find((t) => t.id === chosen) ?? null;

  const create = async () => {
    if (!template) return;
    const left = template.topLevel.filter((c) => skip.has(c));
    const made = await action.run(() => api['frame-from-template']({ template: template.id, ...(name.trim() ? { name: name.trim() } : {}), ...(left.length ? { skip: left } : {}) }));
    if (made) coding.setFrameId(made.frame.id);
    if (made) setDone(`Created the kaupapa Māori frame “${made.frame.name}” with ${made.codes} codes. Its codes are yours to rename, describe, add to or remove.`);
  };

  return (
    <Dialog
      title="Kaupapa Māori frame from a template"
      onClose={onClose}
      size="wide"
      onSubmit={() => void (done ? onClose() : create())}
      footer={
        done ? (
          <button type="submit" className="button button-primary" data-autofocus>
            Done
          </button>
        ) : (
          <>
            <button type="button" className="button" onClick={onClose}>
              Cancel
            </button>
            <button type="submit" className="button button-primary" disabled={!template || action.busy || template.topLevel.every((c) => skip.has(c))}>
              Create frame
            </button>
          </>
        )
      }
    >
      <ErrorMessage message={error ?? action.error} />
      {done ? (
        <p className="tk-done" role="status">
          {done}
        </p>
      ) : (
        <>
          <p className="field-help">A template is a starting point, never imposed: the frame it creates is separate from the mainstream codes, and yours to edit.</p>
          <ul className="tk-templates" role="radiogroup" aria-label="Templates">
            {(templates ?? []).map((t) => (
              <li key={t.id}>
                <label className={t.id === chosen ? 'tk-template is-chosen' : 'tk-template'}>
                  <input type="radio" name="frame-template" value={t.id} checked={t.id === chosen} onChange={() => {
                      setChosen(t.id);
                      setSkip(new Set());
                    }} data-autofocus={t === templates?.[0] ? true : undefined} />
                  <span className="tk-template-name">{t.name}</span>
                  <span className="tk-template-count">{t.codeCount} codes</span>
                  <span className="tk-template-desc">{t.description}</span>
                  <span className="tk-template-codes">{t.topLevel.join(' · ')}</span>
                  {t.source && <span className="tk-template-source">{t.source}</span>}
                </label>
              </li>
            ))}
          </ul>
          {template && (
            <fieldset className="tk-field tk-field-wide tk-template-include">
              <legend className="form-label">Top-level codes to include</legend>
              {template.topLevel.map((c) => (
                <label key={c} className="checkbox-label">
                  <input
                    type="checkbox"
                    checked={!skip.has(c)}
                    onChange={(e) =>
                      setSkip((s) => {
                        const next = new Set(s);
                        if (e.target.checked) next.delete(c);
                        else next.add(c);
                        return next;
                      })
                    }
                  />{' '}
                  {c}
                </label>
              ))}
            </fieldset>
          )}
          <label className="tk-field tk-field-wide">
            <span className="form-label">Name of the new frame</span>
            <input className="input" value={name} placeholder={template?.name ?? 'The template’s name'} onChange={(e) => setName(e.target.value)} />
          </label>
        </>
      )}
    </Dialog>
  );
}
