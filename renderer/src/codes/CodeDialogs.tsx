/** Dialogs of the code tree: new/edit code, new frame, delete (with what will be lost), merge. */
import { useEffect, useState } from 'react';
import type { DeletePreview } from '../../../shared/domain/coding';
import type { Code, CodeFrame } from '../../../shared/domain/project';
import { useApi } from '../api/ApiProvider';
import { describeError } from '../api/errors';
import { Dialog } from '../components/Dialog';
import { ErrorMessage } from '../components/ErrorMessage';
import { shortcut } from '../format/keys';
import { plural } from '../format/numbers';
import { paths } from './tree';
import { CODE_PALETTE } from '../../../shared/domain/code-palette';

/** The core's palette, offered as one-click swatches, each named for screen readers and the tooltip. */
const PALETTE = CODE_PALETTE.map((p) => p.hex);
const PALETTE_NAMES = CODE_PALETTE.map((p) => p.name);

function useSubmit(run: () => Promise<void>, onClose: () => void) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (busy) return;
    setBusy(true);
    try {
      await run();
      onClose();
    } catch (e) {
      setError(describeError(e));
      setBusy(false);
    }
  };
  return { error, busy, submit };
}

function Footer({ onClose, label, busy, danger }: { onClose: () => void; label: string; busy: boolean; danger?: boolean }) {
  return (
    <>
      <button type="button" className="button" onClick={onClose}>
        Cancel
      </button>
      <button type="submit" className={danger ? 'button button-danger-solid' : 'button button-primary'} disabled={busy}>
        {label}
      </button>
    </>
  );
}

interface CodeEditProps {
  frameId: number;
  /** Editing this code; a new code when absent. */
  code?: Code;
  parent?: Code | null;
  onClose: () => void;
  onSaved?: (code: Code) => void;
}

export function CodeEditDialog({ frameId, code, parent, onClose, onSaved }: CodeEditProps) {
  const api = useApi();
  const [name, setName] = useState(code?.name ?? '');
  const [color, setColor] = useState(code?.color ?? '');
  const [description, setDescription] = useState(code?.description ?? '');
  const { error, busy, submit } = useSubmit(async () => {
    const saved = code
      ? await api['code-update']({ id: code.id, name, ...(color ? { color } : {}), description })
      : await api['code-create']({ frameId, parentId: parent?.id ?? null, name, ...(color ? { color } : {}), description });
    onSaved?.(saved);
  }, onClose);
  return (
    <Dialog
      title={code ? `Edit code “${code.name}”` : parent ? `New code under “${parent.name}”` : 'New code'}
      onClose={onClose}
      onSubmit={() => void submit()}
      footer={<Footer onClose={onClose} label={code ? 'Save' : 'Create code'} busy={busy} />}
    >
      <div className="form-stack">
        <label className="field-label" htmlFor="code-name">
          Name
        </label>
        <input id="code-name" className="input input-wide" value={name} onChange={(e) => setName(e.target.value)} data-autofocus required maxLength={300} />
        <label className="field-label" htmlFor="code-color">
          Colour
        </label>
        <div className="field-row code-color-row">
          <input id="code-color" type="color" className="code-color-input" value={color || PALETTE[0]} onChange={(e) => setColor(e.target.value)} />
          <span className="code-palette" role="group" aria-label="Palette">
            {PALETTE.map((p, i) => (
              <button
                key={p}
                type="button"
                className="code-palette-swatch"
                style={{ background: p }}
                aria-label={PALETTE_NAMES[i] ?? p}
                title={PALETTE_NAMES[i] ?? p}
                aria-pressed={color.toLowerCase() === p}
                onClick={() => setColor(p)}
              />
            ))}
          </span>
        </div>
        {!code && !color && <p className="field-help">The next colour of the palette unless you pick one.</p>}
        <label className="field-label" htmlFor="code-description">
          Description
        </label>
        <textarea
          id="code-description"
          className="input input-wide code-description"
          rows={4}
          value={description}
          placeholder="What this code means and when to apply it"
          onChange={(e) => setDescription(e.target.value)}
        />
      </div>
      <ErrorMessage message={error} />
    </Dialog>
  );
}

export function FrameDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (frame: CodeFrame) => void }) {
  const api = useApi();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<CodeFrame['kind']>('mainstream');
  const { error, busy, submit } = useSubmit(async () => onCreated(await api['frame-create']({ name, kind })), onClose);
  return (
    <Dialog title="New code frame" onClose={onClose} onSubmit={() => void submit()} footer={<Footer onClose={onClose} label="Create frame" busy={busy} />}>
      <p className="dialog-text field-help">Each frame has its own code tree; you code in one frame at a time.</p>
      <label className="field-label" htmlFor="frame-name">
        Name
      </label>
      <input id="frame-name" className="input input-wide" value={name} onChange={(e) => setName(e.target.value)} data-autofocus required maxLength={200} />
      <fieldset className="frame-kind">
        <legend className="field-label">Kind</legend>
        <label>
          <input type="radio" name="frame-kind" checked={kind === 'mainstream'} onChange={() => setKind('mainstream')} /> Mainstream
        </label>
        <label>
          <input type="radio" name="frame-kind" checked={kind === 'kaupapa-maori'} onChange={() => setKind('kaupapa-maori')} /> Kaupapa Māori
        </label>
      </fieldset>
      <ErrorMessage message={error} />
    </Dialog>
  );
}

export function DeleteCodeDialog({ code, onClose }: { code: Code; onClose: () => void }) {
  const api = useApi();
  const [preview, setPreview] = useState<DeletePreview | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  useEffect(() => {
    api['code-delete-preview']({ id: code.id }).then(setPreview, (e: unknown) => setLoadError(describeError(e)));
  }, [api, code.id]);
  const { error, busy, submit } = useSubmit(async () => {
    await api['code-delete']({ id: code.id });
  }, onClose);
  return (
    <Dialog title={`Delete “${code.name}”?`} onClose={onClose} onSubmit={() => void submit()} footer={<Footer onClose={onClose} label="Delete code" busy={busy || !preview} danger />}>
      {preview && (
        <p className="dialog-text" data-testid="delete-preview">
          This deletes {preview.codes > 1 ? <strong>{plural(preview.codes, 'code')} (with its sub-codes)</strong> : 'the code'}
          {preview.codings > 0 ? (
            <>
              {' '}
              and <strong>{plural(preview.codings, 'coding')}</strong> in {plural(preview.sources, 'source')}
            </>
          ) : (
            ' (nothing is coded with it)'
          )}
          {preview.memos > 0 && <>, and {plural(preview.memos, 'memo')} about it</>}.
        </p>
      )}
      <p className="dialog-text field-help">You can undo this ({shortcut('z')}).</p>
      <ErrorMessage message={loadError ?? error} />
    </Dialog>
  );
}

export function MergeDialog({ code, codes, onClose }: { code: Code; codes: Code[]; onClose: () => void }) {
  const api = useApi();
  const p = paths(codes);
  const inside = new Set<number>();
  // A code cannot merge into its own sub-codes.
  for (const c of codes) if (c.parentId !== null && (c.parentId === code.id || inside.has(c.parentId))) inside.add(c.id);
  const choices = codes.filter((c) => c.id !== code.id && !inside.has(c.id));
  const [targetId, setTargetId] = useState<number | null>(choices[0]?.id ?? null);
  const { error, busy, submit } = useSubmit(async () => {
    if (targetId !== null) await api['code-merge']({ ids: [code.id], targetId });
  }, onClose);
  return (
    <Dialog title={`Merge “${code.name}” into…`} onClose={onClose} onSubmit={() => void submit()} footer={<Footer onClose={onClose} label="Merge" busy={busy || targetId === null} />}>
      <p className="dialog-text field-help">
        Its {plural(code.counts.segments, 'coding')} move to the chosen code (identical passages are kept once), its sub-codes move under it, and “{code.name}” goes. You can undo this.
      </p>
      <label className="field-label" htmlFor="merge-target">
        Merge into
      </label>
      <select id="merge-target" className="input input-wide" value={targetId ?? ''} onChange={(e) => setTargetId(Number(e.target.value))} data-autofocus>
        {choices.map((c) => (
          <option key={c.id} value={c.id}>
            {p.get(c.id)}
          </option>
        ))}
      </select>
      <ErrorMessage message={error} />
    </Dialog>
  );
}
