/** Add or edit a replacement rule: term, variants (one per line or comma-separated), replacement, category. */
import { useState } from 'react';
import { RULE_CATEGORIES, type RuleCategory } from '../../../shared/domain/pseudonyms';
import type { RuleDraft } from './usePseudoActions';

const CATEGORY_LABEL: Record<RuleCategory, string> = {
  participant: 'Participant',
  'third-party': 'Third party',
  staff: 'Staff member',
  place: 'Place',
  organisation: 'Organisation',
  service: 'Service',
  identifier: 'Other identifier (number, email…)',
  other: 'Other',
};

export function RuleEditor({ draft, busy, onSave, onCancel }: { draft: RuleDraft; busy: boolean; onSave: (d: RuleDraft) => void; onCancel: () => void }) {
  const [term, setTerm] = useState(draft.term);
  const [variants, setVariants] = useState(draft.variants.join('\n'));
  const [replacement, setReplacement] = useState(draft.replacement);
  const [category, setCategory] = useState<RuleCategory>(draft.category);
  const idBase = `rule-${draft.id ?? 'new'}`;
  return (
    <form
      className="rule-editor"
      aria-label={draft.id ? `Edit the rule for ${draft.term}` : 'New rule'}
      onSubmit={(e) => {
        e.preventDefault();
        onSave({
          ...draft,
          term,
          replacement,
          category,
          variants: variants
            .split(/[\n,]/)
            .map((v) => v.trim())
            .filter(Boolean),
        });
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onCancel();
        }
      }}
    >
      <label className="field-label" htmlFor={`${idBase}-term`}>
        Term
      </label>
      <input id={`${idBase}-term`} className="input" value={term} onChange={(e) => setTerm(e.target.value)} required autoFocus={!draft.term} />
      <label className="field-label" htmlFor={`${idBase}-variants`}>
        Variants <span className="field-help">first name alone, spellings (Elisabeth/Elizabeth); case and macrons already match</span>
      </label>
      <textarea id={`${idBase}-variants`} className="input" rows={2} value={variants} onChange={(e) => setVariants(e.target.value)} />
      <label className="field-label" htmlFor={`${idBase}-replacement`}>
        Replacement
      </label>
      <input id={`${idBase}-replacement`} className="input" value={replacement} onChange={(e) => setReplacement(e.target.value)} required autoFocus={!!draft.term} />
      <label className="field-label" htmlFor={`${idBase}-category`}>
        Category
      </label>
      <select id={`${idBase}-category`} className="input" value={category} onChange={(e) => setCategory(e.target.value as RuleCategory)}>
        {RULE_CATEGORIES.map((c) => (
          <option key={c} value={c}>
            {CATEGORY_LABEL[c]}
          </option>
        ))}
      </select>
      <div className="rule-editor-actions">
        <button type="submit" className="button button-primary button-small" disabled={busy}>
          Save rule
        </button>
        <button type="button" className="button button-small" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

export { CATEGORY_LABEL };
