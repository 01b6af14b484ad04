/** What a register import did: people created and updated, groups created, and any row warnings. */
import { plural } from '../format/numbers';
import type { RegisterImport } from './useRegister';

export function RegisterNote({ result, onDismiss }: { result: RegisterImport; onDismiss: () => void }) {
  const w = result.warnings;
  return (
    <div className="register-note" role="status">
      <div className="register-note-head">
        <span>
          <strong>{result.fileName}</strong>: {result.created} created, {result.updated} updated
          {result.groupsCreated > 0 && <>, {plural(result.groupsCreated, 'group')} created</>}
          {w.length > 0 && <>, {plural(w.length, 'warning')}</>}.
        </span>
        <button type="button" className="button-ghost note-dismiss" onClick={onDismiss} aria-label="Dismiss" title="Dismiss">
          ×
        </button>
      </div>
      {w.length > 0 && (
        <ul className="register-warnings" aria-label="Register warnings">
          {w.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
