/** The title row of a pane or pane section, with an optional count and actions on the right. */
import type { ReactNode } from 'react';

export function PaneHeader({ id, title, count, children }: { id: string; title: string; count?: number | null; children?: ReactNode }) {
  return (
    <div className="pane-header">
      <h2 id={id} className="pane-title">
        {title}
      </h2>
      {count != null && count > 0 && <span className="pane-count">{count}</span>}
      {children && <div className="pane-actions">{children}</div>}
    </div>
  );
}
