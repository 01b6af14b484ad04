import { buildPseudoContext, type PseudoData } from '../../../electron/core/pseudonyms';
import type { PseudonymRule } from '../../../shared/domain/pseudonyms';

type P = PseudoData['participants'][number];

export function person(id: number, name: string, pseudonym: string | null = null, role = 'participant'): P {
  return { id, kind: 'person', name, pseudonym, role };
}

export function rule(id: number, term: string, replacement: string, extra: Partial<PseudonymRule> = {}): PseudonymRule {
  return { id, term, variants: [], replacement, category: 'other', participantId: null, createdBy: 't', createdAt: '2026-01-01T00:00:00Z', ...extra };
}

export function ctxOf(data: Partial<PseudoData> = {}) {
  return buildPseudoContext({ participants: [], rules: [], decisions: [], ...data });
}
