/**
 * The review a person does before exporting one focus group's quotes: `pseudo-scan` filtered by
 * transcript, kind, status and a folded search of the candidate or its context; ordered by count or
 * by reading order; a page at a time with the total; counts per filter value; and, per group, the
 * transcripts it occurs in and its first position.
 */
import { writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ScanResult } from '../../../shared/domain/pseudonyms';
import { testCore } from '../../support/core';

const A = [
  'Facilitator: Kia ora koutou. Tell me how the clinic went.',
  '',
  'Tama: My whānau took me to Porirua first. Then Jason Whitu rang me on 021 555 0143 about the hospital.',
  '',
  'Facilitator: And after that?',
  '',
  'Tama: Jason Whitu came with me to Wellington. You can email me at tama@example.org if you need to.',
  '',
].join('\n');
const B = [
  'Facilitator: Kia ora. What helped you most?',
  '',
  'Ana: The Whānau Ora navigator in Porirua. My NHI is ZAB1234 on the forms.',
  '',
  'Ana: Jason Whitu from the trust rang me too.',
  '',
].join('\n');

const texts = (r: ScanResult) => r.groups.map((g) => g.text);

describe('pseudo-scan filters, order and paging', () => {
  const { api, core, path } = testCore();
  let a = 0;
  let b = 0;

  beforeAll(async () => {
    await api['project-new']({ name: 'Two groups', path: path('two.focal') });
    writeFileSync(path('Rōpū A.txt'), A);
    writeFileSync(path('Rōpū B.txt'), B);
    const imported = await api['import-files']({ files: [{ name: 'Rōpū A.txt', path: path('Rōpū A.txt') }, { name: 'Rōpū B.txt', path: path('Rōpū B.txt') }] });
    a = imported[0]!.sourceId!;
    b = imported[1]!.sourceId!;
  });

  it('filters by kind, within one transcript or across the project', async () => {
    expect(texts(await api['pseudo-scan']({ sourceId: a, kinds: ['place'] }))).toEqual(['Porirua', 'Wellington']);
    expect(texts(await api['pseudo-scan']({ kinds: ['place'] }))).toEqual(['Porirua', 'Wellington']);
    expect(texts(await api['pseudo-scan']({ kinds: ['nhi', 'email'] })).sort()).toEqual(['ZAB1234', 'tama@example.org']);
    expect(texts(await api['pseudo-scan']({ sourceId: b, kinds: ['email', 'phone'] }))).toEqual([]);
    // Counts follow the filter too.
    expect((await api['pseudo-scan']({ kinds: ['place'] })).counts).toEqual({ pending: 3, rule: 0, notIdentifying: 0 });
  });

  it('searches folded: the candidate or its context, so whanau finds Whānau', async () => {
    const byText = await api['pseudo-scan']({ query: 'JASON whitu' });
    expect(byText.groups[0]).toMatchObject({ text: 'Jason Whitu', count: 3 });
    // Candidates with his name in their context come too (his phone number, the place he went to).
    expect(texts(byText).sort()).toEqual(['021 555 0143', 'Jason Whitu', 'Porirua', 'Wellington']);
    // Context (the words shown either side): only the occurrences with the word near them count.
    const hospital = await api['pseudo-scan']({ query: 'hospital' });
    expect(texts(hospital).sort()).toEqual(['021 555 0143', 'Jason Whitu']);
    expect(hospital.groups.find((g) => g.text === 'Jason Whitu')!.count).toBe(1);
    const whanau = await api['pseudo-scan']({ query: 'whanau', sourceId: b });
    expect(texts(whanau).sort()).toEqual(['Porirua', 'Whānau Ora', 'ZAB1234']);
    expect(texts(await api['pseudo-scan']({ query: 'Whaanau ora' }))).toContain('Whānau Ora');
    expect(texts(await api['pseudo-scan']({ query: 'no such words here' }))).toEqual([]);
    // A query of spaces is no query.
    expect((await api['pseudo-scan']({ query: '   ' })).groups.length).toBe((await api['pseudo-scan']({})).groups.length);
  });

  it('never matches a search on restricted (tapu) words, whoever asks', async () => {
    const db = core.requireProject().db;
    const person = await api['participant-create']({ kind: 'person', name: 'Koro Test' });
    const text = (await api['source-get']({ sourceId: b })).text;
    const at = text.indexOf('The Whānau Ora navigator');
    db.prepare("INSERT INTO sensitivity_labels (source_id, start, end, label, set_by_id, set_at) VALUES (?, ?, ?, 'restricted', ?, '2026-01-01')").run(b, at, text.indexOf(' on the forms'), person.id);
    try {
      // "navigator" is only in the restricted passage: a search for it must not reveal that.
      expect(texts(await api['pseudo-scan']({ query: 'navigator' }))).toEqual([]);
      // ZAB1234 lies inside it too; its text is not searchable either.
      expect(texts(await api['pseudo-scan']({ query: 'ZAB1234' }))).toEqual([]);
      // The same words outside the passage still match.
      expect(texts(await api['pseudo-scan']({ query: 'porirua', kinds: ['place'] }))).toEqual(['Porirua']);
      expect((await api['pseudo-scan']({ query: 'porirua', kinds: ['place'] })).groups[0]!.count).toBe(1);
    } finally {
      db.prepare('DELETE FROM sensitivity_labels').run();
    }
  });

  it('orders by position: reading order of first occurrence; by count stays the default', async () => {
    expect(texts(await api['pseudo-scan']({ sourceId: a, order: 'position' }))).toEqual(['Porirua', 'Jason Whitu', '021 555 0143', 'Wellington', 'tama@example.org']);
    expect(texts(await api['pseudo-scan']({ sourceId: b, order: 'position' }))).toEqual(['Whānau Ora', 'Porirua', 'ZAB1234', 'Jason Whitu']);
    // Across transcripts: transcript by transcript, each in reading order.
    expect(texts(await api['pseudo-scan']({ order: 'position' }))).toEqual(['Porirua', 'Jason Whitu', '021 555 0143', 'Wellington', 'tama@example.org', 'Whānau Ora', 'ZAB1234']);
    const byCount = await api['pseudo-scan']({ sourceId: a });
    expect(texts(byCount)[0]).toBe('Jason Whitu');
    expect(texts(await api['pseudo-scan']({ sourceId: a, order: 'count' }))).toEqual(texts(byCount));
  });

  it('gives each group the transcripts it occurs in and its first position', async () => {
    const all = await api['pseudo-scan']({});
    const jason = all.groups.find((g) => g.text === 'Jason Whitu')!;
    expect(jason.occursIn).toEqual([
      { sourceId: a, sourceTitle: 'Rōpū A', count: 2 },
      { sourceId: b, sourceTitle: 'Rōpū B', count: 1 },
    ]);
    const textB = (await api['source-get']({ sourceId: b })).text;
    const inB = (await api['pseudo-scan']({ sourceId: b })).groups.find((g) => g.text === 'Jason Whitu')!;
    expect(inB.occursIn).toEqual([{ sourceId: b, sourceTitle: 'Rōpū B', count: 1 }]);
    expect(inB.first).toMatchObject({ sourceId: b, start: textB.indexOf('Jason Whitu'), end: textB.indexOf('Jason Whitu') + 11 });
    expect(textB.slice(inB.first.blockStart, inB.first.blockEnd)).toBe('Jason Whitu from the trust rang me too.');
    // Where that is in reading order: the third of three turns (an untimed transcript has no time).
    expect(inB.first).toMatchObject({ turn: 3, turns: 3, startMs: null });
    const textA = (await api['source-get']({ sourceId: a })).text;
    expect(jason.first).toMatchObject({ sourceId: a, start: textA.indexOf('Jason Whitu') });
  });

  it('pages: limit and offset over the ordered groups, with the total', async () => {
    const all = await api['pseudo-scan']({ order: 'position' });
    expect(all.total).toBe(7);
    const page = await api['pseudo-scan']({ order: 'position', limit: 2, offset: 3 });
    expect(texts(page)).toEqual(texts(all).slice(3, 5));
    expect(page.total).toBe(7);
    expect(page.offset).toBe(3);
    // Counts cover every matching group, not just the page.
    expect(page.counts).toEqual(all.counts);
    const past = await api['pseudo-scan']({ limit: 5, offset: 50 });
    expect(past.groups).toEqual([]);
    expect(past.total).toBe(7);
    // limit 0: counts only.
    expect(await api['pseudo-scan']({ limit: 0 })).toMatchObject({ groups: [], total: 7 });
    await expect(api['pseudo-scan']({ limit: 100_000 })).rejects.toMatchObject({ code: 'bad-input' });
    await expect(api['pseudo-scan']({ offset: -1 })).rejects.toMatchObject({ code: 'bad-input' });
    await expect(api['pseudo-scan']({ kinds: ['martian' as 'place'] })).rejects.toMatchObject({ code: 'bad-input' });
    await expect(api['pseudo-scan']({ order: 'random' as 'count' })).rejects.toMatchObject({ code: 'bad-input' });
  });

  it('counts groups per status, kind and transcript, each with the other filters applied', async () => {
    await api['pseudo-decide']({ text: 'Porirua', decision: 'not-identifying' });
    await api['pseudo-rule-save']({ term: 'Jason Whitu', replacement: '[a friend]', category: 'third-party' });
    try {
      const r = await api['pseudo-scan']({ sourceId: a, status: 'pending', kinds: ['place'], facets: true });
      expect(texts(r)).toEqual(['Wellington']);
      // Status counts: in transcript A, places only, any status.
      expect(r.facets!.status).toEqual({ pending: 1, rule: 0, notIdentifying: 1 });
      // Kind counts: in transcript A, pending only, any kind.
      expect(r.facets!.kinds).toEqual({ place: 1, phone: 1, email: 1 });
      // Transcript counts: pending places, every transcript (named, even those with none).
      expect(r.facets!.sources).toEqual([
        { sourceId: a, sourceTitle: 'Rōpū A', count: 1 },
        { sourceId: b, sourceTitle: 'Rōpū B', count: 0 },
      ]);
      const any = await api['pseudo-scan']({ facets: true, limit: 0 });
      expect(any.facets!.status).toEqual({ pending: 5, rule: 1, notIdentifying: 1 });
      expect(any.facets!.sources.map((s) => s.count)).toEqual([5, 4]);
      // A search narrows every count.
      const q = await api['pseudo-scan']({ facets: true, query: 'whanau' });
      expect(q.facets!.status).toEqual({ pending: 2, rule: 1, notIdentifying: 1 });
      // Without facets asked for, none are computed.
      expect((await api['pseudo-scan']({})).facets).toBeUndefined();
    } finally {
      await api['pseudo-decide']({ text: 'Porirua', decision: 'clear' });
      for (const rule of await api['pseudo-rules-list']({})) await api['pseudo-rule-delete']({ id: rule.id });
    }
  });
});
