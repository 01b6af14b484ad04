/** What the copy guard tells the person: what left, or every reason the gate gave (named as in the quote bank). */
import type { GateReason } from '../../../shared/domain/gate';
import { reasonLabel } from '../export/reason-labels';

export const COPIED = 'Copied through the export gate: pseudonymised, with its attribution.';
export const COPIED_MEMO = 'Copied from the memo, pseudonymised.';
export const DRAGGED = 'Dragging the pseudonymised text, with its attribution.';
export const DRAG_REFUSED = 'Talk cannot be dragged out as written. Press Ctrl+C (⌘C) to copy it through the export gate.';

/**
 * "Not copied: No consent to be quoted (David Chen declined to be quoted.) · …". An undecided
 * identifier is counted, not repeated, so the toast never shows the words it withholds.
 */
export function refusalText(reasons: GateReason[]): string {
  if (!reasons.length) return 'Not copied: the export gate blocks this selection.';
  const parts = reasons.map((r) => {
    if (r.code === 'identifier-unresolved') {
      const n = r.fix?.candidates?.length ?? 0;
      return `${reasonLabel(r.code)} (${n || 'some'} to review under Pseudonyms)`;
    }
    return `${reasonLabel(r.code)} (${r.message})`;
  });
  return `Not copied: the export gate blocks this selection. ${parts.join(' · ')}`;
}
