/**
 * The Codes pane's Codebook menu: the active frame's codes out as a REFI-QDA codebook (.qdc) for
 * NVivo, ATLAS.ti, MAXQDA or QualCoder, a codebook in from one, and a codebook report (Word or CSV:
 * code, path, description, counts). The host asks where to save or which file to read. A menu
 * button: Enter/Space/ArrowDown open it, arrows move, Escape closes and gives focus back.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useApi } from '../api/ApiProvider';
import { describeError } from '../api/errors';
import { useCoding } from '../codes/CodingContext';
import './exchange.css';

type Item = { label: string; run: () => Promise<string | null> };

export function CodebookMenu() {
  const api = useApi();
  const coding = useCoding();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const frameId = coding.frameId;
  const frame = coding.frames?.find((f) => f.id === frameId);
  const hasCodes = (coding.codes?.length ?? 0) > 0;

  const exportAs = (format: 'qdc' | 'csv' | 'docx', what: string) => async () => {
    const r = await api['qdc-export']({ frameId: frameId!, format });
    return r.path ? `${what}: ${r.codes} code${r.codes === 1 ? '' : 's'} written to ${r.path}.` : null;
  };
  const items: Item[] = [
    ...(hasCodes ? [{ label: 'Export codebook (REFI-QDA .qdc)…', run: exportAs('qdc', 'Codebook exported') }] : []),
    {
      label: 'Import codebook (REFI-QDA .qdc)…',
      run: async () => {
        const r = await api['qdc-import']({ frameId: frameId! });
        if (!r.file) return null;
        return `Imported ${r.file} into “${r.frameName}”: ${r.created} created, ${r.matched} matched${r.warnings.length ? ` (${r.warnings.length} note${r.warnings.length === 1 ? '' : 's'}: ${r.warnings[0]})` : ''}.`;
      },
    },
    ...(hasCodes
      ? [
          { label: 'Codebook report (Word)…', run: exportAs('docx', 'Codebook report') },
          { label: 'Codebook report (CSV)…', run: exportAs('csv', 'Codebook report') },
        ]
      : []),
  ];

  useEffect(() => {
    if (!open) return;
    list.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const away = (e: MouseEvent) => {
      if (!list.current?.contains(e.target as Node) && e.target !== button.current) setOpen(false);
    };
    document.addEventListener('mousedown', away);
    return () => document.removeEventListener('mousedown', away);
  }, [open]);

  const choose = (item: Item) => {
    setOpen(false);
    button.current?.focus();
    item.run().then(
      (message) => message && coding.notify(message),
      (e) => coding.notify(describeError(e)),
    );
  };

  const onMenuKey = (e: KeyboardEvent<HTMLUListElement>) => {
    const all = [...(list.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const at = all.indexOf(document.activeElement as HTMLElement);
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      all[(at + (e.key === 'ArrowDown' ? 1 : all.length - 1)) % all.length]?.focus();
    } else if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      all[e.key === 'Home' ? 0 : all.length - 1]?.focus();
    } else if (e.key === 'Escape' || e.key === 'Tab') {
      if (e.key === 'Escape') e.preventDefault();
      setOpen(false);
      button.current?.focus();
    }
  };

  return (
    <div className="codebook-menu">
      <button
        ref={button}
        type="button"
        className="button button-small"
        aria-haspopup="menu"
        aria-expanded={open}
        disabled={frameId === null}
        title={frame ? `Codebook of “${frame.name}”: exchange with NVivo, ATLAS.ti, MAXQDA, QualCoder; reports` : undefined}
        onClick={() => setOpen(!open)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setOpen(true);
          }
        }}
      >
        Codebook ▾
      </button>
      {open && (
        <ul ref={list} className="codebook-menu-list" role="menu" aria-label={`Codebook of ${frame?.name ?? 'this frame'}`} onKeyDown={onMenuKey}>
          {items.map((item) => (
            <li key={item.label} role="none">
              <button type="button" role="menuitem" tabIndex={-1} onClick={() => choose(item)}>
                {item.label}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
