/**
 * REFI-QDA projects from the File menu (Import Project (REFI-QDA)…, Export Project (REFI-QDA)…), the
 * start screen and the top bar. Import: the host asks for the .qdpx and where to save the new
 * project, the core builds and opens it, and the result says what came in, what was skipped and
 * asks about tikanga-based sources. Export: the person chooses the profile; the full profile says
 * plainly the file is identifiable, the deposit lets them pick the attributes that are safe.
 */
import { useEffect, useId, useState } from 'react';
import type { QdpxExportResult, QdpxImportResult } from '../../../shared/api/calls-qdpx';
import type { AttributeDef } from '../../../shared/domain/project';
import { useApi } from '../api/ApiProvider';
import { describeError } from '../api/errors';
import { MENU_EVENT } from '../app/useShortcuts';
import { ChoiceGroup } from '../components/ChoiceGroup';
import { Dialog } from '../components/Dialog';
import './exchange.css';

export const IMPORT_REFI = 'import-refi-project';
export const EXPORT_REFI = 'export-refi-project';

export function requestRefi(command: typeof IMPORT_REFI | typeof EXPORT_REFI): void {
  window.dispatchEvent(new CustomEvent(MENU_EVENT, { detail: command }));
}

type State =
  | { kind: 'importing' }
  | { kind: 'imported'; result: QdpxImportResult }
  | { kind: 'export' }
  | { kind: 'error'; title: string; message: string }
  | null;

export function RefiHost({ projectOpen }: { projectOpen: boolean }) {
  const api = useApi();
  const [state, setState] = useState<State>(null);

  useEffect(() => {
    const onMenu = (e: Event) => {
      const command = (e as CustomEvent<string>).detail;
      if (command === EXPORT_REFI && projectOpen) setState({ kind: 'export' });
      if (command !== IMPORT_REFI) return;
      setState({ kind: 'importing' });
      api['qdpx-import']({}).then(
        (result) => setState(result.file ? { kind: 'imported', result } : null),
        (err) => setState({ kind: 'error', title: 'Import project (REFI-QDA)', message: describeError(err) }),
      );
    };
    window.addEventListener(MENU_EVENT, onMenu);
    return () => window.removeEventListener(MENU_EVENT, onMenu);
  }, [api, projectOpen]);

  const close = () => setState(null);
  if (state?.kind === 'imported') return <ImportResult result={state.result} onClose={close} />;
  if (state?.kind === 'export') return <ExportProjectDialog onClose={close} />;
  if (state?.kind === 'error')
    return (
      <Dialog title={state.title} onClose={close} onSubmit={close} footer={<button type="submit" className="button button-primary" data-autofocus>OK</button>}>
        <p className="field-error" role="alert">
          {state.message}
        </p>
      </Dialog>
    );
  return null;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-NZ')} ${n === 1 ? one : many}`;

function ImportResult({ result, onClose }: { result: QdpxImportResult; onClose: () => void }) {
  const c = result.counts;
  return (
    <Dialog title={`Imported ${result.file}`} onClose={onClose} onSubmit={onClose} size="wide" footer={<button type="submit" className="button button-primary" data-autofocus>Done</button>}>
      <p>
        A new project was made and opened: {plural(c.sources, 'source')}, {plural(c.codes, 'code')}, {plural(c.codings, 'coding')}, {plural(c.memos, 'memo')}, {plural(c.participants, 'participant')} with{' '}
        {plural(c.attributes, 'attribute')}; {plural(c.speakersMapped, 'speaker label')} mapped to participants; {plural(c.coders, 'coder')}.
      </p>
      <p className="refi-callout is-tikanga" role="note">
        {result.tikangaQuestion}
      </p>
      {result.skipped.length > 0 && (
        <section>
          <h3 className="section-title">Not imported ({result.skipped.length})</h3>
          <ul className="refi-list">
            {result.skipped.map((s, i) => (
              <li key={i}>
                {s.name} <span className="refi-muted">({s.kind})</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {[...result.recordings, ...result.codingsNotImported, ...result.warnings].length > 0 && (
        <section>
          <h3 className="section-title">Notes</h3>
          <ul className="refi-list">
            {[...result.recordings, ...result.codingsNotImported, ...result.warnings].map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </section>
      )}
    </Dialog>
  );
}

function ExportProjectDialog({ onClose }: { onClose: () => void }) {
  const api = useApi();
  const [profile, setProfile] = useState<'full' | 'deposit'>('full');
  const [attributes, setAttributes] = useState<AttributeDef[] | null>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<QdpxExportResult | null>(null);
  const warnId = useId();

  useEffect(() => {
    api['attributes-list']({}).then(setAttributes, () => setAttributes([]));
  }, [api]);

  const run = () => {
    if (result) return onClose();
    setBusy(true);
    setError(null);
    api['qdpx-export']({ profile, attributes: profile === 'deposit' ? chosen : [] }).then(
      (r) => {
        setBusy(false);
        if (r.path) setResult(r);
      },
      (e) => {
        setBusy(false);
        setError(describeError(e));
      },
    );
  };

  if (result) {
    const left = Object.entries(result.leftOut);
    return (
      <Dialog title="Project exported (REFI-QDA)" onClose={onClose} onSubmit={onClose} size="wide" step="done" footer={<button type="submit" className="button button-primary" data-autofocus>Done</button>}>
        <p>
          Written to <code>{result.path}</code>: {plural(result.counts.sources, 'source')}, {plural(result.counts.codes, 'code')}, {plural(result.counts.codings, 'coding')}, {plural(result.counts.memos, 'memo')},{' '}
          {plural(result.counts.cases, 'case')}. The export is in the audit log with its SHA-256.
        </p>
        {left.length > 0 && (
          <section>
            <h3 className="section-title">Left out</h3>
            <ul className="refi-list">
              {left.map(([k, n]) => (
                <li key={k}>
                  {n.toLocaleString('en-NZ')} {k}
                </li>
              ))}
            </ul>
          </section>
        )}
        {result.notes.map((n, i) => (
          <p key={i} className={result.profile === 'full' && i === 0 ? 'refi-callout is-warning' : 'refi-callout'} role="note">
            {n}
          </p>
        ))}
      </Dialog>
    );
  }

  return (
    <Dialog
      title="Export project (REFI-QDA)"
      onClose={onClose}
      onSubmit={run}
      size="wide"
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={busy} aria-describedby={profile === 'full' ? warnId : undefined} data-autofocus>
            {busy ? 'Exporting…' : profile === 'full' ? 'Export identifiable project…' : 'Export deposit…'}
          </button>
        </>
      }
    >
      <p className="field-help">A .qdpx file opens in NVivo, ATLAS.ti, MAXQDA and QualCoder: sources, codes, codings with coders, memos, participants as cases.</p>
      <ChoiceGroup
        legend="Who is it for?"
        value={profile}
        options={[
          { value: 'full', label: 'A colleague on the same ethics approval' },
          { value: 'deposit', label: 'An archive or a reader outside the team' },
        ]}
        onChange={setProfile}
      />
      {profile === 'full' ? (
        <p id={warnId} className="refi-callout is-warning" role="note">
          This file holds identifiable data: real text and real names. Restricted (tapu) and unreleased material, withdrawn passages and the kōrero of anyone who withdrew are left out as “[…]”. Share it only with people on the same ethics approval.
        </p>
      ) : (
        <>
          <p className="refi-callout" role="note">
            Pseudonymised as the quote gate does; refused while any identifier is undecided. Turns of people who did not consent to be quoted are replaced by “[turn removed: no consent]”; tikanga-based sources are left out. No register, no audit log, no real names.
          </p>
          <fieldset className="form-field">
            <legend className="form-label">Participant attributes safe to include</legend>
            {attributes && attributes.length === 0 && <p className="field-help">No participant attributes are defined; cases will carry pseudonyms only.</p>}
            {attributes?.map((a) => (
              <label key={a.id} className="refi-check">
                <input type="checkbox" checked={chosen.includes(a.name)} onChange={(e) => setChosen(e.target.checked ? [...chosen, a.name] : chosen.filter((n) => n !== a.name))} /> {a.name}
              </label>
            ))}
          </fieldset>
        </>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  );
}
