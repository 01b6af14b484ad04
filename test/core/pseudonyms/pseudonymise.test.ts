import { describe, expect, it } from 'vitest';
import { decisionKey, detectIdentifiers, detectIdentifiersInSource, participantPseudonym, pseudonymCollisions, pseudonymise, pseudonymiseInSource } from '../../../electron/core/pseudonyms';
import { ctxOf, person, rule } from './helpers';

const people = [person(1, 'Aroha Ngata', 'Huia'), person(2, 'Waiata Henare', null, 'facilitator'), person(3, 'Geoff Baker', 'Rick', 'manager')];
// Aroha speaks in the project, so her first name (also the word aroha) is hers.
const speakers = [{ sourceId: 1, participantId: 1 }];

describe('detectIdentifiers', () => {
  it('gives each candidate a status from the register, the rules and the decisions', () => {
    const ctx = ctxOf({
      participants: people,
      speakers,
      rules: [rule(7, 'Jason Whitu', '[young man]', { variants: ['Jason'], category: 'third-party' })],
      decisions: [decisionKey('Hikurangi')],
    });
    const text = 'Aroha said Jason Whitu went up Hikurangi with Waiata, then Jason rang 021 555 0143.';
    const found = detectIdentifiers(ctx, text).map((c) => [c.text, c.kind, c.status, c.suggestion]);
    expect(found).toEqual([
      ['Aroha', 'first-name', 'rule', 'Huia'],
      ['Jason Whitu', 'third-party', 'rule', '[young man]'],
      ['Hikurangi', 'place', 'not-identifying', '[maunga]'],
      ['Waiata', 'first-name', 'pending', '[facilitator]'],
      ['Jason', 'third-party', 'rule', '[young man]'],
      ['021 555 0143', 'phone', 'pending', '[phone number]'],
    ]);
    // Offsets are exact and relative to the text given.
    for (const c of detectIdentifiers(ctx, text)) expect(text.slice(c.start, c.end)).toBe(c.text);
  });

  it('a longer undecided name wins over a rule for part of it (the gate then asks)', () => {
    const ctx = ctxOf({ rules: [rule(1, 'Jason', '[name]')] });
    const c = detectIdentifiers(ctx, 'I met Jason Whitu there.');
    expect(c.map((x) => [x.text, x.status])).toEqual([['Jason Whitu', 'pending']]);
  });

  it('rules match their variants with macrons, case and double vowels folded, whole words only', () => {
    const ctx = ctxOf({ rules: [rule(1, 'Elisabeth Parata', 'Mere', { variants: ['Elizabeth Parata', 'Lizzie'], category: 'third-party' })] });
    const text = 'ELIZABETH PARATA, elisabeth parata and Lizzie; Lizzies and Elisabethan are not her.';
    expect(detectIdentifiers(ctx, text).filter((c) => c.status === 'rule').map((c) => c.text)).toEqual(['ELIZABETH PARATA', 'elisabeth parata', 'Lizzie']);
  });

  it('rules for emails, numbers and phrases with punctuation match literally', () => {
    const ctx = ctxOf({ rules: [rule(1, 'priya.sharma@example.org', '[email]', { category: 'identifier' }), rule(2, '021 555 0143', '[phone number]', { category: 'identifier' })] });
    const r = pseudonymise(ctx, 'Mail priya.sharma@example.org or ring 021 555 0143.');
    expect(r.text).toBe('Mail [email] or ring [phone number].');
    expect(r.unresolved).toEqual([]);
  });
});

describe('pseudonymise', () => {
  it('replaces covered candidates on a copy, keeps possessives, leaves not-identifying text, reports pending', () => {
    const ctx = ctxOf({ participants: people, speakers, rules: [rule(1, 'Canterbury DHB', '[a DHB]', { category: 'organisation' })], decisions: [decisionKey('christchurch')] });
    const text = "Aroha's whānau know that. Nobody at Canterbury DHB in Christchurch reads them, GEOFF said, and Waiata Henare agreed.";
    const copy = text.slice();
    const r = pseudonymise(ctx, text);
    expect(r.text).toBe("Huia's whānau know that. Nobody at [a DHB] in Christchurch reads them, RICK said, and Waiata Henare agreed.");
    expect(r.replacements.map((x) => [x.original, x.replacement])).toEqual([
      ['Aroha', 'Huia'],
      ['Canterbury DHB', '[a DHB]'],
      ['GEOFF', 'RICK'],
    ]);
    expect(r.unresolved.map((c) => c.text)).toEqual(['Waiata Henare']);
    expect(text).toBe(copy);
  });

  it('never writes the real-name ↔ pseudonym link into its output text', () => {
    const ctx = ctxOf({ participants: people });
    const r = pseudonymise(ctx, 'Aroha Ngata and Geoff Baker spoke.');
    expect(r.text).toBe('Huia and Rick spoke.');
    expect(r.text).not.toMatch(/Aroha|Ngata|Geoff|Baker/);
  });

  it('lists pseudonyms that are a real name in the project (Koro Hemi → Koro)', () => {
    const ctx = ctxOf({ participants: [...people, person(4, 'Koro Hemi', 'Koro'), person(5, 'Tama Rewiri', 'Geoff')] });
    expect(pseudonymCollisions(ctx)).toEqual([
      { participantId: 4, pseudonym: 'Koro', matches: 'Koro Hemi', reason: 'own-name' },
      { participantId: 5, pseudonym: 'Geoff', matches: 'Geoff Baker', reason: 'real-name' },
    ]);
  });

  it('participantPseudonym returns the pseudonym or null', () => {
    const ctx = ctxOf({ participants: people });
    expect(participantPseudonym(ctx, 1)).toBe('Huia');
    expect(participantPseudonym(ctx, 2)).toBeNull();
    expect(participantPseudonym(ctx, 99)).toBeNull();
  });
});

describe('ranges of a source', () => {
  const ctx = ctxOf({ participants: people });
  const source = 'We met at the office. Later that week, Bronwyn left early and Aroha Ngata stayed.';

  it('judges a name that opens a range cut mid-sentence as mid-sentence, not as a sentence start', () => {
    const start = source.indexOf('Bronwyn');
    const end = source.length;
    // Alone, "Bronwyn left early" looks like a capitalised sentence start.
    expect(detectIdentifiers(ctx, source.slice(start, end)).map((c) => c.text)).toEqual(['Aroha Ngata']);
    const inSource = detectIdentifiersInSource(ctx, source, start, end);
    expect(inSource.map((c) => [c.text, c.start, c.status])).toEqual([
      ['Bronwyn', 0, 'pending'],
      ['Aroha Ngata', source.indexOf('Aroha') - start, 'rule'],
    ]);
    const r = pseudonymiseInSource(ctx, source, start, end);
    expect(r.text).toBe('Bronwyn left early and Huia stayed.');
    expect(r.unresolved.map((c) => c.text)).toEqual(['Bronwyn']);
  });

  it('takes the words before a fragment (as the gate has them) the same way', () => {
    const fragment = 'Bronwyn left early and Aroha Ngata stayed.';
    expect(pseudonymise(ctx, fragment).unresolved).toEqual([]);
    const r = pseudonymise(ctx, fragment, { before: 'We met at the office. Later that week, ' });
    expect(r.unresolved.map((c) => [c.text, c.start])).toEqual([['Bronwyn', 0]]);
    // Words before that end a sentence change nothing.
    expect(pseudonymise(ctx, fragment, { before: 'We met at the office. ' }).unresolved).toEqual([]);
    expect(detectIdentifiers(ctx, fragment, { before: 'then ' }).map((c) => c.text)).toEqual(['Bronwyn', 'Aroha Ngata']);
  });

  it('keeps a name cut by the range edge, clipped to the range', () => {
    const start = source.indexOf('Ngata');
    const r = detectIdentifiersInSource(ctx, source, start, source.length);
    expect(r.map((c) => [c.text, c.start, c.end, c.status])).toEqual([['Ngata', 0, 5, 'rule']]);
    expect(pseudonymiseInSource(ctx, source, start, source.length).text).toBe('Huia stayed.');
  });
});
