/**
 * The quote bank keeps mainstream and tikanga-based quotes apart, as the exports do: one labelled
 * section per mode present, mainstream first, each in the bank's own order. The labels are the
 * exports' section headings.
 */
import type { SourceMode } from '../../../shared/domain/transcript';

export const BANK_SECTION_LABEL: Record<SourceMode, string> = { mainstream: 'Mainstream focus groups and interviews', tikanga: 'Tikanga-based kōrero' };

export interface BankSection<Q> {
  mode: SourceMode;
  label: string;
  quotes: Q[];
}

export function bankSections<Q extends { mode: SourceMode }>(quotes: Q[]): Array<BankSection<Q>> {
  return (['mainstream', 'tikanga'] as const).map((mode) => ({ mode, label: BANK_SECTION_LABEL[mode], quotes: quotes.filter((q) => q.mode === mode) })).filter((s) => s.quotes.length > 0);
}
