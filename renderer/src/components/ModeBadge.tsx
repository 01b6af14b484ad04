/** Marks a source's session mode; tikanga-based sessions carry their own colour so they stand out in lists. */
import type { SourceMode } from '../../../shared/domain/transcript';

export function ModeBadge({ mode }: { mode: SourceMode }) {
  return mode === 'tikanga' ? <span className="badge badge-tikanga">Tikanga-based</span> : <span className="badge">Mainstream</span>;
}
