/** The project glossary: terms with glosses and notes, added and removed here; the starter list offered when empty. */
import { useState } from 'react';
import { fold } from '../../../shared/text/fold';
import { useApi } from '../api/ApiProvider';
import { Dialog } from '../components/Dialog';
import { EmptyState } from '../components/EmptyState';
import { ErrorMessage } from '../components/ErrorMessage';
import { useAction } from '../tikanga/useAction';
import { useGlossary } from './useGlossary';
import '../tikanga/tikanga.css';
import './glossary.css';

export function GlossaryDialog({ onClose }: { onClose: () => void }) {
  const api = useApi();
  const { entries, error } = useGlossary();
  const action = useAction();
  const [filter, setFilter] = useState('');
  const [term, setTerm] = useState('');
  const [gloss, setGloss] = useState('');
  const [notes, setNotes] = useState('');
  const [note, setNote] = useState<string | null>(null);
  const shown = (entries ?? []).filter((e) => !filter.trim() || fold(`${e.term} ${e.gloss}`).includes(fold(filter.trim())));

  const add = async () => {
    const made = await action.run(() => api['glossary-add']({ term, gloss, notes }));
    if (made) {
      setTerm('');
      setGloss('');
      setNotes('');
    }
  };

  return (
    <Dialog
      title="Glossary"
      size="wide"
      onClose={onClose}
      onSubmit={() => void add()}
      footer={
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
      }
    >
      <ErrorMessage message={error ?? action.error} onDismiss={action.error ? action.clear : undefined} />
      {note && (
        <p className="tk-done" role="status">
          {note}
        </p>
      )}
      {entries && entries.length === 0 && (
        <div className="gl-empty">
          <EmptyState>The glossary is empty. Start from the starter glossary of te reo terms used in this kind of research, or add your own terms below.</EmptyState>
          <button
            type="button"
            className="button button-primary"
            onClick={() => void action.run(async () => {
              const r = await api['glossary-import']({});
              setNote(`Added ${r.added} terms from the starter glossary. They are yours to edit.`);
            })}
          >
            Add the starter glossary
          </button>
        </div>
      )}
      {entries && entries.length > 0 && (
        <>
          <input className="input gl-filter" aria-label="Find a term" placeholder="Find a term (with or without macrons)" value={filter} onChange={(e) => setFilter(e.target.value)} />
          <ul className="gl-list" aria-label="Glossary terms">
            {shown.map((e) => (
              <li key={e.id} className="gl-entry">
                <span className="gl-term">{e.term}</span>
                <span className="gl-gloss">{e.gloss}</span>
                {e.notes && <span className="gl-notes">{e.notes}</span>}
                <button type="button" className="button button-ghost button-small" aria-label={`Remove ${e.term}`} onClick={() => void action.run(() => api['glossary-delete']({ id: e.id }))}>
                  Remove
                </button>
              </li>
            ))}
          </ul>
          {shown.length === 0 && <p className="tk-empty">No term or gloss matches “{filter.trim()}”. Add it below if it is missing.</p>}
        </>
      )}
      <div className="tk-form" role="group" aria-label="Add a term">
        <div className="tk-form-row">
          <label className="tk-field">
            <span className="form-label">Term</span>
            <input className="input" value={term} onChange={(e) => setTerm(e.target.value)} />
          </label>
          <label className="tk-field">
            <span className="form-label">Gloss</span>
            <input className="input" value={gloss} onChange={(e) => setGloss(e.target.value)} />
          </label>
          <label className="tk-field">
            <span className="form-label">Notes on contexts</span>
            <input className="input" value={notes} onChange={(e) => setNotes(e.target.value)} />
          </label>
        </div>
        <div className="tk-form-actions">
          <button type="submit" className="button button-small button-primary" disabled={action.busy || !term.trim() || !gloss.trim()}>
            Add term
          </button>
        </div>
      </div>
    </Dialog>
  );
}
