/**
 * Sensitivity labels, set only by the kaitiaki: the whole session and passages, open (noa),
 * community use only, or restricted (tapu). Everyone sees the labels; only the kaitiaki's
 * controls are active, and others are told who can set them.
 */
import { useCallback, useId } from 'react';
import type { SourceDetail } from '../../../shared/domain/project';
import { SENSITIVITY_LABELS, type KaitiakiStatus, type SensitivityLabel } from '../../../shared/domain/tikanga';
import { useApi } from '../api/ApiProvider';
import { ErrorMessage } from '../components/ErrorMessage';
import { useProjectData } from '../workspace/useProjectData';
import { useAction } from './useAction';

const LABELS = Object.keys(SENSITIVITY_LABELS) as SensitivityLabel[];
export const labelName = (l: SensitivityLabel) => SENSITIVITY_LABELS[l].label + (SENSITIVITY_LABELS[l].reo ? ` (${SENSITIVITY_LABELS[l].reo})` : '');

interface LabelsSectionProps {
  source: SourceDetail;
  selection: { start: number; end: number } | null;
  status: KaitiakiStatus | null;
}

export function LabelsSection({ source, selection, status }: LabelsSectionProps) {
  const api = useApi();
  const action = useAction();
  const headingId = useId();
  const load = useCallback(() => api['sensitivity-list']({ sourceId: source.id }), [api, source.id]);
  const { data: labels } = useProjectData(load, ['sources', 'participants']);
  const whole = labels?.find((l) => l.start === null) ?? null;
  const passages = labels?.filter((l) => l.start !== null) ?? [];
  const may = status?.actorIsKaitiaki ?? false;
  const excerpt = (start: number, end: number) => {
    const t = source.text.slice(start, end).replace(/\s+/g, ' ');
    return t.length > 70 ? `${t.slice(0, 70)}…` : t;
  };

  return (
    <section className="tk-section" aria-labelledby={headingId}>
      <h4 id={headingId} className="tk-section-title">
        Sensitivity
      </h4>
      {!may && status && <p className="tk-note">Only the kaitiaki{status.kaitiaki ? `, ${status.kaitiaki.name},` : ''} sets sensitivity labels.</p>}
      <div className="tk-form-row">
        <label className="tk-field">
          <span className="form-label">Whole session</span>
          <select
            className="input select"
            value={whole?.label ?? ''}
            disabled={!may || action.busy}
            onChange={(e) => {
              const value = e.target.value as SensitivityLabel | '';
              void action.run(() => (value === '' ? (whole ? api['sensitivity-remove']({ id: whole.id }) : Promise.resolve(null)) : api['sensitivity-set']({ sourceId: source.id, label: value })));
            }}
          >
            <option value="">No label</option>
            {LABELS.map((l) => (
              <option key={l} value={l}>
                {labelName(l)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="tk-form-actions" role="group" aria-label="Label the selected passage">
        <span className="form-label">Selected passage:</span>
        {LABELS.map((l) => (
          <button
            key={l}
            type="button"
            className={l === 'restricted' ? 'button button-small tk-label-restricted' : 'button button-small'}
            disabled={!may || !selection || action.busy}
            onMouseDown={(e) => e.preventDefault()}
            title={!selection ? 'Select a passage in the transcript first' : SENSITIVITY_LABELS[l].help}
            onClick={() => selection && void action.run(() => api['sensitivity-set']({ sourceId: source.id, start: selection.start, end: selection.end, label: l }))}
          >
            {labelName(l)}
          </button>
        ))}
      </div>
      <ErrorMessage message={action.error} onDismiss={action.clear} />
      {passages.length > 0 && (
        <ul className="tk-labels" aria-label="Labelled passages">
          {passages.map((l) => (
            <li key={l.id} className={`tk-labelled tk-labelled-${l.label}`}>
              <span className="tk-label-name">{labelName(l.label)}</span>
              <span className="tk-label-text">{source.masked?.some((m) => m.start <= l.start! && m.end >= l.end!) ? 'Hidden: only the kaitiaki and the readers they list see it' : `“${excerpt(l.start!, l.end!)}”`}</span>
              <span className="tk-label-by">set by {l.setByName}</span>
              {may && (
                <button type="button" className="button button-ghost button-small" aria-label={`Remove label ${labelName(l.label)}`} onClick={() => void action.run(() => api['sensitivity-remove']({ id: l.id }))}>
                  Remove
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
