/** The project's replacement rules: add, edit, delete. */
import { useState } from 'react';
import type { PseudonymRule } from '../../../shared/domain/pseudonyms';
import { EmptyState } from '../components/EmptyState';
import { CATEGORY_LABEL, RuleEditor } from './RuleEditor';
import type { PseudoActions, RuleDraft } from './usePseudoActions';

const EMPTY: RuleDraft = { term: '', variants: [], replacement: '', category: 'third-party' };

export function RulesList({ rules, actions }: { rules: PseudonymRule[]; actions: PseudoActions }) {
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  const save = (d: RuleDraft) =>
    void actions.saveRule(d).then((ok) => {
      if (ok) setEditing(null);
    });
  return (
    <div className="rules">
      <div className="rules-toolbar">
        <button type="button" className="button button-small" onClick={() => setEditing('new')} disabled={editing === 'new'}>
          Add rule…
        </button>
      </div>
      {editing === 'new' && <RuleEditor draft={EMPTY} busy={actions.busy} onSave={save} onCancel={() => setEditing(null)} />}
      {rules.length === 0 && editing !== 'new' && (
        <EmptyState>No rules yet. Accept a detected identifier under “To review”, or add a rule for a name, place or service (e.g. a staff member → [staff member]).</EmptyState>
      )}
      {rules.length > 0 && (
        <table className="rules-table" aria-label="Replacement rules">
          <thead>
            <tr>
              <th>Term</th>
              <th>Variants</th>
              <th>Replacement</th>
              <th>Category</th>
              <th>
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rules.map((r) =>
              editing === r.id ? (
                <tr key={r.id}>
                  <td colSpan={5}>
                    <RuleEditor draft={{ ...r, participantId: r.participantId }} busy={actions.busy} onSave={save} onCancel={() => setEditing(null)} />
                  </td>
                </tr>
              ) : (
                <tr key={r.id}>
                  <td className="rule-term">{r.term}</td>
                  <td className="rule-variants">
                    {r.variants.length ? (
                      r.variants.join(', ')
                    ) : (
                      <span className="none" title="No variants: only the term itself (in any case, with or without macrons) is replaced">
                        none
                      </span>
                    )}
                  </td>
                  <td className="rule-replacement">{r.replacement}</td>
                  <td>{CATEGORY_LABEL[r.category]}</td>
                  <td className="rule-actions">
                    <button type="button" className="button-ghost button-small" onClick={() => setEditing(r.id)} aria-label={`Edit the rule for ${r.term}`}>
                      Edit
                    </button>
                    <button type="button" className="button-ghost button-small" disabled={actions.busy} onClick={() => void actions.deleteRule(r.id, r.term)} aria-label={`Delete the rule for ${r.term}`}>
                      Delete
                    </button>
                  </td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      )}
    </div>
  );
}
