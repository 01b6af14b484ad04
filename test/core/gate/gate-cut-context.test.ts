/**
 * cut-cannot-split-identifier: the gate judges each fragment of a cut quote with the words before
 * AND after it in the transcript, so a cut that lands inside an identifier cannot let its first
 * part out (`021 555 [...]`, `I'm at Harbour [...] Trust`).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { checkQuotes, exportOptions } from '../../../electron/core/export/check-quotes';
import { testCore } from '../../support/core';
import { addPerson, addTranscript, mapSpeaker } from './gate-fixture';

describe('export gate: a cut cannot split an identifier', () => {
  const { api, core, path } = testCore();
  const db = () => core.requireProject().db;
  let sourceId = 0;
  let text = '';

  beforeAll(async () => {
    await api['project-new']({ name: 'Cuts', path: path('cuts.focal') });
    const ana = addPerson(db(), { name: 'Ana Pōtae', pseudonym: 'Mele', role: 'peer worker', quote: 'yes', named: 'no' });
    const t = addTranscript(db(), 'Focus group', 'mainstream', [
      { label: 'Ana', text: 'If you need me just ring 021 555 0199 any time, I mean that. It helps to talk.' },
      { label: 'Ana', text: 'On Tuesdays I go along to Greenbank Community Trust and it keeps me well.' },
    ]);
    mapSpeaker(db(), t.speakers.get('Ana')!, ana);
    sourceId = t.sourceId;
    text = t.text;
  });

  /** A quote over `from`..`to` with one cut over `cutFrom`..`cutTo` (all given as text to find). */
  const quote = async (from: string, to: string, cutFrom: string, cutTo: string) => {
    const start = text.indexOf(from);
    const end = text.indexOf(to) + to.length;
    const id = (await api['quote-from-selection']({ sourceId, start, end })).quoteId!;
    const cs = text.indexOf(cutFrom);
    const ce = text.indexOf(cutTo, cs) + cutTo.length;
    await api['quote-update']({ id, cuts: [{ start: cs, end: ce, mark: '[…]' }] });
    return checkQuotes(core, { quoteIds: [id] }, exportOptions({}))[0]!;
  };

  it('blocks the first part of a phone number when the cut starts inside it', async () => {
    const r = await quote('If you need', 'to talk.', '0199', 'I mean that.');
    expect(r.gate.passed).toBe(false);
    expect(r.gate.reasons.map((x) => x.code)).toContain('identifier-unresolved');
    expect(r.out).toBeNull();
  });

  it('blocks the first part of an organisation when the cut starts inside its name', async () => {
    const r = await quote('On Tuesdays', 'keeps me well.', 'Community', 'Trust');
    expect(r.gate.passed).toBe(false);
    expect(r.gate.reasons.map((x) => x.code)).toContain('identifier-unresolved');
  });

  it('blocks a quote trimmed to end inside a phone number', async () => {
    const start = text.indexOf('If you need');
    const id = (await api['quote-from-selection']({ sourceId, start, end: text.indexOf('555') + 3 })).quoteId!;
    const r = checkQuotes(core, { quoteIds: [id] }, exportOptions({}))[0]!;
    expect(r.gate.reasons.map((x) => x.code)).toContain('identifier-unresolved');
  });

  it('replaces the part before the cut once a rule covers the whole identifier', async () => {
    await api['pseudo-rule-save']({ term: '021 555 0199', replacement: '[phone]', category: 'identifier' });
    const r = await quote('If you need', 'to talk.', '0199', 'I mean that.');
    expect(r.gate.reasons).toEqual([]);
    expect(r.out!.text).not.toMatch(/021|555/);
    expect(r.out!.text).toContain('[phone]');
  });
});
