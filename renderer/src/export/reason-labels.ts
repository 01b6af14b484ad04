/** Plain-language names for the export gate's reason codes; the code and gate-table row go in a tooltip. */
import { REASON_ROW, type ReasonCode } from '../../../shared/domain/gate';

export const REASON_LABEL: Record<ReasonCode, string> = {
  'speaker-unmapped': 'Speaker not matched to a participant',
  'no-quote-consent': 'No consent to be quoted',
  'participant-withdrawn': 'Participant has withdrawn',
  'passage-withdrawn': 'Passage withdrawn',
  'passage-restricted': 'Passage restricted',
  'identifier-unresolved': 'Identifying detail not yet decided',
  'name-without-consent': 'Named without consent',
  'no-pseudonym': 'No pseudonym yet',
  'no-collective-consent': 'No consent from the group',
  'no-kaitiaki-approval': 'No kaitiaki approval',
  'label-community-only': 'For community use only',
  'label-restricted': 'Labelled restricted',
  'tikanga-part': 'Tikanga part not released',
  'not-speech': 'No spoken words',
};

export function reasonLabel(code: string): string {
  return REASON_LABEL[code as ReasonCode] ?? code;
}

/** Tooltip: the code and the row of the gate table it comes from. */
export function reasonTitle(code: string, row?: number): string {
  const r = row ?? REASON_ROW[code as ReasonCode];
  return r === undefined ? `Gate reason ${code}` : `Export gate rule ${r} (${code})`;
}
