import type { Candidate, CandidateKind } from '../../../shared/domain/pseudonyms';

export const KIND_LABEL: Record<CandidateKind, string> = {
  participant: 'participant',
  'first-name': 'participant (first name)',
  'third-party': 'name',
  place: 'place',
  organisation: 'organisation',
  service: 'service',
  nhi: 'NHI number',
  phone: 'phone number',
  email: 'email',
  url: 'website',
  address: 'address',
  'date-of-birth': 'date of birth',
};

export const STATUS_LABEL: Record<Candidate['status'], string> = {
  pending: 'to review',
  rule: 'replaced',
  'not-identifying': 'not identifying',
};
