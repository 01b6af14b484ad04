/**
 * Row 5 on a quote cut mid-sentence: a name opening the quote is judged with the words before it
 * in the turn, so it is not mistaken for a capitalised sentence start and let through.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { checkQuotes, exportOptions } from '../../../electron/core/export/check-quotes';
import { testCore } from '../../support/core';
import { addPerson, addTranscript, mapSpeaker } from './gate-fixture';

describe('export gate: identifiers at the start of a trimmed quote', () => {
  const { api, core, path } = testCore();
  const db = () => core.requireProject().db;
  let sourceId = 0;
  let text = '';

  beforeAll(async () => {
    await api['project-new']({ name: 'Fragments', path: path('fragments.focal') });
    const ana = addPerson(db(), { name: 'Ana Pōtae', pseudonym: 'Mele', role: 'peer worker', quote: 'yes', named: 'no' });
    const t = addTranscript(db(), 'Focus group', 'mainstream', [{ label: 'Ana', text: 'We sat down for the group and then Tarquin left before the end.' }]);
    mapSpeaker(db(), t.speakers.get('Ana')!, ana);
    sourceId = t.sourceId;
    text = t.text;
  });

  const verdict = async (from: string) => {
    const start = text.indexOf(from);
    const quoteId = (await api['quote-from-selection']({ sourceId, start, end: text.length })).quoteId!;
    return checkQuotes(core, { quoteIds: [quoteId] }, exportOptions({}))[0]!;
  };

  it('blocks a quote that opens on an undecided name cut from mid-sentence', async () => {
    const r = await verdict('Tarquin left');
    expect(r.gate.reasons.map((x) => x.code)).toEqual(['identifier-unresolved']);
    expect(r.gate.reasons[0]!.fix).toMatchObject({ candidates: ['Tarquin'] });
  });

  it('passes the same quote once a rule covers the name, replaced on the copy', async () => {
    await api['pseudo-rule-save']({ term: 'Tarquin', replacement: '[name]', category: 'third-party' });
    const r = await verdict('Tarquin left');
    expect(r.gate.reasons).toEqual([]);
    expect(r.out!.text).toBe('[name] left before the end.');
    expect(r.outText).not.toContain('Tarquin');
  });
});
