import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { detectCapitalisedNames } from '../../../electron/core/pseudonyms/detectors/capitalised-names';
import { detectPlaces } from '../../../electron/core/pseudonyms/detectors/places';
import { detectRegisterNames } from '../../../electron/core/pseudonyms/detectors/register-names';
import { gazetteer } from '../../../electron/core/pseudonyms/gazetteer';
import { tokenise } from '../../../electron/core/pseudonyms/tokens';
import { phraseKey } from '../../../electron/core/pseudonyms/tokens';
import { ctxOf, person } from './helpers';

const g = gazetteer();
const names = (text: string) => detectCapitalisedNames(tokenise(text), g).map((d) => text.slice(d.start, d.end));
const places = (text: string) => detectPlaces(tokenise(text), g).map((d) => [text.slice(d.start, d.end), d.suggestion]);

describe('register names', () => {
  // Aroha speaks in the project: her first name (also the word aroha) is hers.
  const ctx = ctxOf({ participants: [person(1, 'Aroha Ngata', 'Huia'), person(2, 'Mere Tawhiri', null, 'manager'), person(3, 'Priya Sharma', 'Leah')], speakers: [{ sourceId: 1, participantId: 1 }] });
  const found = (text: string) => detectRegisterNames(ctx, text).map((d) => [text.slice(d.start, d.end), d.kind, d.suggestion, d.covered]);

  it('finds full names, first names, surnames and possessives, with case and macron variants', () => {
    expect(found('Aroha Ngata said so. Aroha is the one. It was Aroha\'s idea, Ms Ngata agreed. ĀROHA NGĀTA too, and Aaroha.')).toEqual([
      ['Aroha Ngata', 'participant', 'Huia', true],
      ['Aroha', 'first-name', 'Huia', true],
      ['Aroha', 'first-name', 'Huia', true],
      ['Ngata', 'participant', '[surname]', true],
      ['ĀROHA NGĀTA', 'participant', 'Huia', true],
      ['Aaroha', 'first-name', 'Huia', true],
    ]);
  });
  it('a participant without a pseudonym is found but not covered', () => {
    expect(found('Ask Mere about it.')).toEqual([['Mere', 'first-name', '[manager]', false]]);
  });
  it('a lower-case part of a register name is not a name on its own', () => {
    const c = ctxOf({ participants: [person(9, 'Feedback received'), person(10, 'Kiri van Dijk', 'Tui')] });
    const text = 'We received it. Feedback received today. Kiri van Dijk came; van Dijk agreed; a van; Dijk left.';
    expect(detectRegisterNames(c, text).map((d) => text.slice(d.start, d.end))).toEqual(['Feedback received', 'Kiri van Dijk', 'Dijk', 'Dijk']);
  });
  it('does not take the word aroha (love), a mere formality, or names inside other words', () => {
    expect(found('With aroha for all; a mere formality; Arohanui; Priyanka; sharma-ish?')).toEqual([]);
  });
});

describe('capitalised names not in the register', () => {
  it('finds third parties mid-sentence, after titles, and two-word names at a sentence start', () => {
    expect(names('I had a young fella, Jason Whitu, came to us. My tuakana was Hone Parata, he taught me.')).toEqual(['Jason Whitu', 'Hone Parata']);
    expect(names('We were promised sessions with Dr Angela Brooks and got four.')).toEqual(['Angela Brooks']);
    expect(names('Jason Whitu came to us. Later Jason left.')).toEqual(['Jason Whitu', 'Jason']);
    expect(names('She talked to Bronwyn about it.')).toEqual(['Bronwyn']);
    // A lone name at a sentence start, when the next word is one that follows people.
    expect(names('Sarah from the team came. Mike at the office helped. Brendon told me. Training needs. People are kind.')).toEqual(['Sarah', 'Mike', 'Brendon']);
    // A common given name at a sentence start, whatever follows; names that are also words are not.
    expect(names('Rachel came late. Tipene left. Grace is what we need. Hope too.')).toEqual(['Rachel', 'Tipene']);
    // After a title even a te reo word is a name.
    expect(names('I rang Whaea Mihi and Matua Rangi.')).toEqual(['Mihi', 'Rangi']);
  });
  it('never flags te reo words, capitalised or not', () => {
    const text =
      'Kia ora koutou. Whānau come first. Māori mental health is Whanau health. Kaumātua were there. The Hui was long. Kōrero flowed. ' +
      'We did our Mihi and Karakia. The Rōpū met. Kei te pai. Ka pai. Maaori kaimahi. Tēnā koe. Aroha mai. Te Whare Tapa Whā is a model. ' +
      'Karakia tīmatanga led by the Kaumātua. Our Tikanga matters. Whakapapa first. Kaupapa Māori research. Tuakana–teina. Mahi, Wairua, Mana.';
    expect(names(text)).toEqual([]);
  });
  it('leaves sentence starts, days, months, products, peoples and acronyms alone', () => {
    const text =
      'Honestly it is off-putting. Yeah. Thanks everyone for joining on Teams today. We met on Monday in March. ' +
      'Pākehā and Pasifika workers, Māori kaimahi. The DHB wants the NHI number. I think so. When we started, I didn\'t know. Nobody at the GP knew.';
    expect(names(text)).toEqual([]);
  });
  it('takes every word of the glossary as a word, not a name', () => {
    const csv = readFileSync(join(process.cwd(), 'test/fixtures/te-reo-glossary.csv'), 'utf8');
    const terms = Papa.parse<{ term: string }>(csv, { header: true, skipEmptyLines: true }).data.map((r) => r.term);
    expect(terms.length).toBeGreaterThan(40);
    for (const term of terms) {
      const capital = term.charAt(0).toUpperCase() + term.slice(1);
      expect(names(`We talked about ${capital} at length.`), term).toEqual([]);
      expect(g.stop.get(term), term).toBe(true);
      expect(phraseKey(term).length).toBeGreaterThan(0);
    }
  });
});

describe('places, organisations and services', () => {
  it('finds towns, regions, maunga, DHBs, Te Whatu Ora districts and services', () => {
    expect(places('He came from the Hutt. We took him to Hikurangi. At the top of the stats for Porirua.')).toEqual([
      ['Hutt', '[town]'],
      ['Hikurangi', '[maunga]'],
      ['Porirua', '[town]'],
    ]);
    expect(places('Our funder, Capital & Coast DHB, and Te Whatu Ora Waitaha Canterbury. Nobody at Canterbury DHB reads them.')).toEqual([
      ['Capital & Coast DHB', '[a DHB]'],
      ['Te Whatu Ora Waitaha Canterbury', '[a DHB]'],
      ['Canterbury DHB', '[a DHB]'],
    ]);
    expect(places('I went to WINZ and then Work and Income, then the Police came; Mental Health Foundation helped.')).toEqual([
      ['WINZ', '[a service]'],
      ['Work and Income', '[a service]'],
      ['Police', '[a service]'],
      ['Mental Health Foundation', '[organisation]'],
    ]);
    expect(places('In Dunedin it is different to Ōamaru and Invercargill; South Dunedin too. In Taupo and Taupō.')).toEqual([
      ['Dunedin', '[town]'],
      ['Ōamaru', '[town]'],
      ['Invercargill', '[town]'],
      ['South Dunedin', '[town]'],
      ['Taupo', '[town]'],
      ['Taupō', '[town]'],
    ]);
  });
  it('matches phrases across apostrophes and dashes, never across a line break', () => {
    expect(places("In Hawke's Bay and Te Moana-a-Toi.")).toEqual([
      ["Hawke's Bay", '[region of New Zealand]'],
      ['Te Moana-a-Toi', '[region of New Zealand]'],
    ]);
    expect(places('Work\nand Income')).toEqual([]);
  });
  it('finds marae, mounts and trusts by pattern', () => {
    expect(places('Held at Te Rangimarie Marae. We climbed Mount Pirongia and Maunga Kakepuku. I manage Te Whare Oranga Trust.')).toEqual([
      ['Te Rangimarie Marae', '[marae]'],
      ['Mount Pirongia', '[maunga]'],
      ['Maunga Kakepuku', '[maunga]'],
      ['Te Whare Oranga Trust', '[organisation]'],
    ]);
  });
  it('leaves lowercase words and generic mentions alone', () => {
    expect(places('we called the police; the marae was full; a trust fund; ed; winz; the DHB side; our whānau ora; a maunga.')).toEqual([]);
  });
});
