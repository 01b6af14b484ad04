/**
 * Third parties with Māori names (words that are also names), places the capitalised-word detector
 * finds, and organisations that begin with Te.
 */
import { describe, expect, it } from 'vitest';
import { decisionKey, detectIdentifiers } from '../../../electron/core/pseudonyms';
import { detectCapitalisedNames } from '../../../electron/core/pseudonyms/detectors/capitalised-names';
import { gazetteer } from '../../../electron/core/pseudonyms/gazetteer';
import { tokenise } from '../../../electron/core/pseudonyms/tokens';
import { ctxOf } from './helpers';

const g = gazetteer();
const names = (text: string) => detectCapitalisedNames(tokenise(text), g).map((d) => [text.slice(d.start, d.end), d.suggestion]);

describe('te reo words standing where names stand', () => {
  it('te-reo-name-before-surname-detected', () => {
    expect(names('I went with Aroha Williams to the hui. Moana Parata came too.')).toEqual([
      ['Aroha Williams', '[name]'],
      ['Moana Parata', '[name]'],
    ]);
  });
  it('te-reo-name-after-kinship-word-detected', () => {
    expect(names('My koro Rangi taught me, and my nan Moana. Then Whaea Moana and Aunty Aroha sang; Matua Rangi spoke; Koro Waiata too.')).toEqual([
      ['Rangi', '[name]'],
      ['Moana', '[name]'],
      ['Moana', '[name]'],
      ['Aroha', '[name]'],
      ['Rangi', '[name]'],
      ['Waiata', '[name]'],
    ]);
  });
  it('te-reo-name-before-person-verb-detected', () => {
    expect(names('Moana said we should wait. Then Rangi rang me. Kaumātua said no. Whānau told us.')).toEqual([
      ['Moana', '[name]'],
      ['Rangi', '[name]'],
    ]);
  });
  it('te-reo-given-name-mid-sentence-is-low-confidence-candidate', () => {
    const ctx = ctxOf();
    const c = detectIdentifiers(ctx, 'I talked to Moana about it, and to the Rōpū about Tikanga.');
    expect(c.map((x) => [x.text, x.status])).toEqual([['Moana', 'pending']]);
    expect(c[0]!.note).toMatch(/given name/);
    // Decided once for the project (folded text), every spelling follows.
    const decided = ctxOf({ decisions: [decisionKey('MOANA')] });
    expect(detectIdentifiers(decided, 'I talked to Moana about it.').map((x) => x.status)).toEqual(['not-identifying']);
  });
  it('multi-word-decision-remembered', () => {
    const text = 'We work with Te Puna Oranga on this.';
    expect(detectIdentifiers(ctxOf(), text).map((x) => [x.text, x.status])).toEqual([['Te Puna Oranga', 'pending']]);
    const decided = ctxOf({ decisions: [decisionKey('te  puna oranga')] });
    expect(detectIdentifiers(decided, 'We work with Te Puna  Oranga on this, and Te\u200B Puna Oranga.').map((x) => x.status)).toEqual(['not-identifying', 'not-identifying']);
  });
  it('te reo words used as words are still words', () => {
    expect(names('Aroha mai. Whānau come first; our Kaumātua were there. Te Whare Tapa Whā is a model, and Te Ao Māori matters. Kia Ora Bronwyn.')).toEqual([['Bronwyn', '[name]']]);
  });
});

describe('places and organisations', () => {
  it('capitalised-run-holding-a-place-labelled-as-place', () => {
    const ctx = ctxOf();
    const c = detectIdentifiers(ctx, 'We grew up in Porirua East, near Upper Hutt Central.');
    expect(c.map((x) => [x.text, x.kind, x.suggestion])).toEqual([
      ['Porirua East', 'place', '[town]'],
      ['Upper Hutt Central', 'place', '[town]'],
    ]);
  });
  it('te-organisation-kept-whole', () => {
    const ctx = ctxOf();
    const c = detectIdentifiers(ctx, 'I was referred to Te Puna Oranga, then Te Whare Āwhina, then to Te Rōpū Tautoko for support.');
    expect(c.map((x) => [x.text, x.kind, x.suggestion])).toEqual([
      ['Te Puna Oranga', 'organisation', '[organisation]'],
      ['Te Whare Āwhina', 'organisation', '[organisation]'],
      ['Te Rōpū Tautoko', 'organisation', '[organisation]'],
    ]);
  });
  it('te-name-with-connector-kept-whole', () => {
    const ctx = ctxOf();
    const c = detectIdentifiers(ctx, 'She works for Te Kura o Ngāti Porou now, and Te Roopu a Iwi.');
    expect(c.map((x) => [x.text, x.kind])).toEqual([
      ['Te Kura o Ngāti Porou', 'organisation'],
      ['Te Roopu a Iwi', 'organisation'],
    ]);
  });
  it('name-with-glottal-apostrophe-detected', () => {
    expect(names("We saw Dr Ta'ala and Mr O'Connor; Sione's car was there.")).toEqual([
      ["Ta'ala", '[name]'],
      ["O'Connor", '[name]'],
      ['Sione', '[name]'],
    ]);
  });
  it('title-inside-run-starts-name', () => {
    expect(names('Thank Aunty Mereana for me. Ring Uncle Pita.')).toEqual([
      ['Mereana', '[name]'],
      ['Pita', '[name]'],
    ]);
  });
  it('te-name-never-te-bracket-name', () => {
    expect(names('I spoke with Te Rangi about it.')).toEqual([['Te Rangi', '[name]']]);
  });
});
