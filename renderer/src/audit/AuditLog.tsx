/** The export audit: every export and copy (who, when, format, SHA-256, each quote's outcome, gate version), savable as CSV. */
import { Fragment, useCallback, useState } from 'react';
import { formatDate } from '../../../shared/format/dates';
import { useApi } from '../api/ApiProvider';
import { useDateFormat } from '../app/AppContext';
import { describeError } from '../api/errors';
import { EmptyState } from '../components/EmptyState';
import { ErrorMessage } from '../components/ErrorMessage';
import { useProjectData } from '../workspace/useProjectData';
import { reasonLabel } from '../export/reason-labels';

const FORMAT_LABEL: Record<string, string> = { docx: 'Word', xlsx: 'Excel', csv: 'CSV', md: 'Markdown', clipboard: 'Copy', drag: 'Drag out' };

export function AuditLog() {
  const api = useApi();
  const load = useCallback(() => api['audit-exports']({}), [api]);
  const { data, error } = useProjectData(load, ['quotes']);
  const [open, setOpen] = useState<number | null>(null);
  const dateFormat = useDateFormat();
  const [note, setNote] = useState<string | null>(null);

  const saveCsv = async () => {
    try {
      const r = await api['audit-export-csv']({});
      setNote(r.path ? `Saved to ${r.path}` : 'Not saved.');
    } catch (e) {
      setNote(describeError(e));
    }
  };

  return (
    <section className="audit-log" aria-label="Export audit">
      <div className="audit-toolbar">
        <p className="field-help">Every export and copy, newest first. Nothing can be removed from this record.</p>
        <button type="button" className="button button-small" onClick={() => void saveCsv()} disabled={!data?.length}>
          Save as CSV
        </button>
      </div>
      {note && <p className="save-note" role="status">{note}</p>}
      <ErrorMessage message={error} />
      {data && data.length === 0 && <EmptyState>Nothing has left the project yet. Exports and copies will be listed here.</EmptyState>}
      {data && data.length > 0 && (
        <table className="audit-table">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
              <th scope="col" className="audit-num">
                Passed
              </th>
              <th scope="col" className="audit-num">
                Blocked
              </th>
              <th scope="col">SHA-256</th>
              <th scope="col">Gate</th>
            </tr>
          </thead>
          <tbody>
            {data.map((e) => (
              <Fragment key={e.id}>
                <tr className="audit-row" onClick={() => setOpen(open === e.id ? null : e.id)}>
                  <td>
                    {/* The row opens with a mouse click anywhere; this button makes it reachable by keyboard and says it opens. */}
                    <button
                      type="button"
                      className="link-button"
                      aria-expanded={open === e.id}
                      title={open === e.id ? 'Hide each quote’s outcome' : 'Show each quote’s outcome'}
                      onClick={(ev) => {
                        ev.stopPropagation();
                        setOpen(open === e.id ? null : e.id);
                      }}
                    >
                      <span className="disclosure" aria-hidden="true">
                        {open === e.id ? '▾' : '▸'}
                      </span>
                      {formatDate(e.createdAt, dateFormat)} {new Date(e.createdAt).toLocaleTimeString('en-NZ', { hour: '2-digit', minute: '2-digit' })}
                    </button>
                  </td>
                  <td>{e.actor}</td>
                  <td>
                    {FORMAT_LABEL[e.format] ?? e.format}
                    {e.destination && !['clipboard', 'drag'].includes(e.destination) ? ` · ${e.destination.split(/[\\/]/).pop()}` : ''}
                    {e.profile === 'return' ? ' · return to group' : ''}
                  </td>
                  <td className="audit-num">{e.passed}</td>
                  <td className="audit-num">{e.blocked}</td>
                  <td className="audit-hash" title={e.sha256 ?? 'no file written'}>{e.sha256 ? `${e.sha256.slice(0, 12)}…` : '—'}</td>
                  <td>v{e.gateVersion}</td>
                </tr>
                {open === e.id && (
                  <tr className="audit-items">
                    <td colSpan={7}>
                      <ul>
                        {e.items.map((i, n) => (
                          <li key={n}>
                            {i.quoteId !== null ? `Quote ${i.quoteId}` : `Passage of transcript ${i.sourceId} (${i.start}–${i.end})`}: {i.outcome}
                            {i.reasons.length ? ` (${i.reasons.map(reasonLabel).join(', ')})` : ''}
                          </li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
