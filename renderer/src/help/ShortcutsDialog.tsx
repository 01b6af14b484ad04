/** Help ▸ Keyboard shortcuts: the shortcut table (app/shortcut-table.ts) by where each key works. */
import { SHORTCUTS, shortcutLabel, type ShortcutDef } from '../app/shortcut-table';
import { Dialog } from '../components/Dialog';

export function ShortcutsDialog({ desktop, onClose }: { desktop: boolean; onClose: () => void }) {
  const shown = SHORTCUTS.filter((s) => desktop || !s.desktopOnly);
  const scopes = [...new Set(shown.map((s) => s.scope))];
  return (
    <Dialog
      title="Keyboard shortcuts"
      onClose={onClose}
      size="wide"
      footer={
        <button type="button" className="button button-primary" onClick={onClose} data-autofocus>
          Close
        </button>
      }
    >
      <div className="shortcuts-sheet">
        {scopes.map((scope) => (
          <section key={scope} className="shortcuts-section" aria-labelledby={`keys-${slug(scope)}`}>
            <h3 id={`keys-${slug(scope)}`} className="section-title">
              {scope}
            </h3>
            <dl className="shortcuts-list">
              {shown
                .filter((s) => s.scope === scope)
                .map((s: ShortcutDef) => (
                  <div key={s.id} className="shortcuts-row" data-shortcut={s.id}>
                    <dt>
                      <kbd className="kbd">{shortcutLabel(s)}</kbd>
                    </dt>
                    <dd>{s.description}</dd>
                  </div>
                ))}
            </dl>
          </section>
        ))}
        {!desktop && <p className="field-help">In a browser tab, Ctrl+N, Ctrl+O and Ctrl+W belong to the browser: use the buttons instead.</p>}
      </div>
    </Dialog>
  );
}

const slug = (s: string) => s.toLowerCase().replace(/[^a-z]+/g, '-');
