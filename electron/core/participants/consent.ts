/** Individual consent: one row per person, changed field by field. */
import type { Consent } from '../../../shared/domain/project';
import type { ProjectDb } from '../db/open-project';
import { FocalError } from '../errors';
import { parseDate } from '../import/parse-date';
import { readConsent } from './participant-queries';

export const NO_CONSENT_RECORDED: Consent = {
  recording: 'unknown',
  quote: 'unknown',
  named: 'unknown',
  withdrawnOn: null,
  reviewSentOn: null,
  reviewReturnedOn: null,
  reviewApprovedOn: null,
  conditions: '',
};

const DATE_FIELDS = ['withdrawnOn', 'reviewSentOn', 'reviewReturnedOn', 'reviewApprovedOn'] as const;

/** Writes the consent row with the given fields changed (creating it if there is none); returns the fields that changed. */
export function upsertConsent(db: ProjectDb, participantId: number, patch: Partial<Consent>, now: string): Array<keyof Consent> {
  for (const f of DATE_FIELDS) {
    const v = patch[f];
    if (v && parseDate(v) !== v) throw new FocalError('bad-input', `Consent ${f} '${v}' is not a date; give it as yyyy-mm-dd.`);
  }
  const before = readConsent(db, participantId);
  const next: Consent = { ...NO_CONSENT_RECORDED, ...(before ?? {}) };
  for (const [k, v] of Object.entries(patch) as Array<[keyof Consent, Consent[keyof Consent] | undefined]>) {
    if (v !== undefined) (next as unknown as Record<string, unknown>)[k] = v;
  }
  const changed = (Object.keys(next) as Array<keyof Consent>).filter((k) => before === null || before[k] !== next[k]);
  if (before !== null && changed.length === 0) return [];
  db.prepare(
    `INSERT INTO consents (participant_id, recording, quote, named, withdrawn_on, review_sent_on, review_returned_on, review_approved_on, conditions, updated_at)
     VALUES (@id, @recording, @quote, @named, @withdrawnOn, @reviewSentOn, @reviewReturnedOn, @reviewApprovedOn, @conditions, @now)
     ON CONFLICT (participant_id) DO UPDATE SET recording = excluded.recording, quote = excluded.quote, named = excluded.named,
       withdrawn_on = excluded.withdrawn_on, review_sent_on = excluded.review_sent_on, review_returned_on = excluded.review_returned_on,
       review_approved_on = excluded.review_approved_on, conditions = excluded.conditions, updated_at = excluded.updated_at`,
  ).run({ id: participantId, ...next, now });
  return changed;
}
