/** Export options as the quote bank, the blocked list and the export dialog share them. */
import type { CallInput } from '../../../shared/api/contract';

export type QuoteOptions = NonNullable<CallInput<'quotes-list'>['options']>;

export interface OptionsState {
  profile: 'report' | 'return';
  naming: 'pseudonyms' | 'consented-names' | 'real-names';
  groupForTikanga: boolean;
  approvalLabel: string;
}

export const DEFAULT_OPTIONS: OptionsState = { profile: 'report', naming: 'pseudonyms', groupForTikanga: true, approvalLabel: '' };

export function toCallOptions(o: OptionsState): QuoteOptions {
  return {
    profile: o.profile,
    attribution: { naming: o.naming, groupForTikanga: o.groupForTikanga },
    ...(o.approvalLabel.trim() ? { approvalLabel: o.approvalLabel.trim() } : {}),
  };
}

export const NAMING_LABEL: Record<OptionsState['naming'], string> = {
  pseudonyms: 'Pseudonyms',
  'consented-names': 'Real names where consented',
  'real-names': 'Real names (forced)',
};
