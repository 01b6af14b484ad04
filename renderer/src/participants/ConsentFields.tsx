/**
 * Individual consent: recording, quoting and being named (yes / no / unknown), withdrawal and the
 * transcript-review dates (shown dd/mm/yyyy), and any conditions. Saved as each is changed.
 */
import type { ConsentAnswer, ParticipantDetail } from '../../../shared/domain/project';
import { useDateFormat } from '../app/AppContext';
import { ChoiceGroup } from '../components/ChoiceGroup';
import { DateField, TextField } from '../components/TextField';
import { WithdrawalEffects } from '../consent/WithdrawalEffects';
import type { ParticipantPatch, ParticipantSave } from './ParticipantDetail';

type ConsentPatch = NonNullable<ParticipantPatch['consent']>;

const ANSWERS: Array<{ value: ConsentAnswer; label: string }> = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
  { value: 'unknown', label: 'Unknown' },
];

const QUESTIONS = [
  { key: 'recording', legend: 'Recording' },
  { key: 'quote', legend: 'May be quoted' },
  { key: 'named', legend: 'May be named' },
] as const;

const DATES = [
  { key: 'withdrawnOn', label: 'Withdrawn on' },
  { key: 'reviewSentOn', label: 'Transcript review sent' },
  { key: 'reviewReturnedOn', label: 'Review returned' },
  { key: 'reviewApprovedOn', label: 'Review approved' },
] as const;

export function ConsentFields({ participant: p, saver }: { participant: ParticipantDetail; saver: ParticipantSave }) {
  const dateFormat = useDateFormat();
  const c = p.consent;
  const save = (field: keyof ConsentPatch, consent: ConsentPatch) => void saver.save(`consent.${field}`, { consent });
  return (
    <section className="detail-section" aria-labelledby="consent-heading">
      <h3 id="consent-heading" className="section-title">
        Consent
      </h3>
      {p.consent?.withdrawnOn && <p className="consent-withdrawn">Withdrawn: nothing from {p.name} may leave the project.</p>}
      {p.consent?.withdrawnOn && <WithdrawalEffects participantId={p.id} />}
      <div className="form-grid form-grid-3">
        {QUESTIONS.map((q) => (
          <ChoiceGroup
            key={q.key}
            legend={q.legend}
            value={c?.[q.key] ?? 'unknown'}
            options={ANSWERS}
            error={saver.errors[`consent.${q.key}`]}
            onChange={(v) => save(q.key, { [q.key]: v })}
          />
        ))}
      </div>
      <div className="form-grid form-grid-4">
        {DATES.map((d) => (
          <DateField
            key={d.key}
            label={d.label}
            value={c?.[d.key] ?? null}
            format={dateFormat}
            error={saver.errors[`consent.${d.key}`]}
            onCommit={(v) => save(d.key, { [d.key]: v })}
          />
        ))}
      </div>
      <div className="form-grid">
        <TextField
          label="Conditions"
          value={c?.conditions ?? ''}
          multiline
          placeholder="e.g. review quotes before publication"
          error={saver.errors['consent.conditions']}
          onCommit={(conditions) => save('conditions', { conditions })}
        />
      </div>
    </section>
  );
}
