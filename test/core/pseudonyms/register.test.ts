import { describe, expect, it } from 'vitest';
import { fold } from '../../../shared/text/fold';
import { testCore } from '../../support/core';
import { fixtureProject } from './fixture-project';

describe('the pseudonym register through the API', () => {
  const { api, core, path } = testCore();
  let hui = 0;
  let vtt = 0;

  it('scans the project: groups by folded text, with counts, contexts and statuses', async () => {
    const { sourceIds } = await fixtureProject(api, path('register.focal'));
    hui = sourceIds['hui-tupu-group-interview.txt']!;
    vtt = sourceIds['focus-group-lived-experience.vtt']!;
    const r = await api['pseudo-scan']({});
    expect(r.sources).toBe(4);
    const by = (t: string) => r.groups.find((g) => g.text === t);
    expect(by('ZAB1234')).toMatchObject({ kind: 'nhi', status: 'pending', count: 1, suggestion: '[NHI number]' });
    expect(by('Aroha')).toMatchObject({ kind: 'first-name', status: 'rule', suggestion: 'Huia' });
    expect(by('Koro')).toMatchObject({ status: 'rule', count: 1 });
    const ex = by('021 555 0143')!.examples[0]!;
    expect(ex.before).toMatch(/You can ring me on $/);
    expect(ex.sourceId).toBe(hui);
    // Contexts are whole words of the candidate's turn: "…" where the turn goes on, never a word cut in half.
    for (const g of r.groups) {
      for (const e of g.examples) {
        const text = (await api['source-get']({ sourceId: e.sourceId })).text;
        const before = e.before.replace(/^…/, '');
        const at = e.start - before.length;
        if (e.before.startsWith('…')) expect(/\s/.test(text[at - 1] ?? ' '), `${g.text}: "${e.before}"`).toBe(true);
        else expect(at).toBe(e.blockStart);
      }
    }
    // Pending groups come first.
    const firstCovered = r.groups.findIndex((g) => g.status !== 'pending');
    expect(r.groups.slice(firstCovered).every((g) => g.status !== 'pending')).toBe(true);
    expect(r.counts.pending).toBeGreaterThan(0);
    // One source, or a range of it, narrows the scan.
    const one = await api['pseudo-scan']({ sourceId: vtt, status: 'pending' });
    expect(one.groups.map((g) => g.text)).toEqual(expect.arrayContaining(['priya.sharma@example.org', 'Angela Brooks']));
    expect(one.groups.some((g) => g.text === 'ZAB1234')).toBe(false);
  });

  it('detects in a range with offsets relative to the range, and previews it pseudonymised', async () => {
    const detail = await api['source-get']({ sourceId: hui });
    const start = detail.text.indexOf('Our whānau know that. Aroha');
    const end = detail.text.indexOf('at night.') + 'at night.'.length;
    const d = await api['pseudo-detect']({ sourceId: hui, start, end });
    expect(d.text).toBe('Our whānau know that. Aroha is the one they call at night.');
    expect(d.candidates).toEqual([expect.objectContaining({ text: 'Aroha', start: 22, end: 27, status: 'rule', suggestion: 'Huia' })]);
    const p = await api['pseudo-preview']({ sourceId: hui, start, end });
    expect(p.text).toBe('Our whānau know that. Huia is the one they call at night.');
    expect(p.unresolved).toEqual([]);
    await expect(api['pseudo-detect']({ sourceId: hui, start: 0, end: detail.text.length + 5 })).rejects.toMatchObject({ code: 'bad-input' });
    await expect(api['pseudo-detect']({ sourceId: hui, start: 10, end: 5 })).rejects.toMatchObject({ code: 'bad-input' });
    await expect(api['pseudo-preview']({ sourceId: 999, start: 0, end: 5 })).rejects.toMatchObject({ code: 'not-found' });
    await expect(api['pseudo-rule-save']({ term: '  ', replacement: 'x', category: 'other' })).rejects.toMatchObject({ code: 'bad-input' });
    await expect(api['pseudo-rule-save']({ term: 'Tom', replacement: 'x', category: 'nonsense' as 'other' })).rejects.toMatchObject({ code: 'bad-input' });
  });

  it('rules: add, edit, delete; a rule covers its variants and supersedes a not-identifying decision', async () => {
    await api['pseudo-decide']({ text: 'Hone Parata', decision: 'not-identifying' });
    const rule = await api['pseudo-rule-save']({ term: 'Hone Parata', variants: ['Hone', 'hone parata'], replacement: '[kaumātua]', category: 'third-party' });
    expect(rule).toMatchObject({ term: 'Hone Parata', variants: ['Hone'], replacement: '[kaumātua]', category: 'third-party', createdBy: 'Test Coder' });
    expect(await api['pseudo-decisions-list']({})).toEqual([]);
    const edited = await api['pseudo-rule-save']({ id: rule.id, term: 'Hone Parata', variants: ['Hone'], replacement: '[a kaumātua who has passed]', category: 'third-party' });
    expect(edited.replacement).toBe('[a kaumātua who has passed]');
    expect((await api['pseudo-rules-list']({})).map((r) => r.term)).toEqual(['Hone Parata']);
    const scan = await api['pseudo-scan']({ sourceId: hui });
    expect(scan.groups.find((g) => g.text === 'Hone Parata')).toMatchObject({ status: 'rule', ruleId: rule.id, suggestion: '[a kaumātua who has passed]' });
    // A second rule for the same term (folded) is refused with a way out.
    await expect(api['pseudo-rule-save']({ term: 'HONE PARATA', replacement: 'x', category: 'other' })).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/edit that rule/) });
    await expect(api['pseudo-rule-save']({ term: 'Hone', replacement: 'hone', category: 'other' })).rejects.toMatchObject({ code: 'bad-input' });
    await api['pseudo-rule-delete']({ id: rule.id });
    expect(await api['pseudo-rules-list']({})).toEqual([]);
    expect((await api['pseudo-scan']({ sourceId: hui })).groups.find((g) => g.text === 'Hone Parata')?.status).toBe('pending');
  });

  it('decisions: mark not identifying, remembered project-wide, and undo', async () => {
    const d = await api['pseudo-decide']({ text: 'Hikurangi', decision: 'not-identifying' });
    expect(d).toMatchObject({ text: 'Hikurangi', folded: 'hikurangi', decision: 'not-identifying', decidedBy: 'Test Coder' });
    expect((await api['pseudo-scan']({})).groups.find((g) => g.text === 'Hikurangi')?.status).toBe('not-identifying');
    expect(await api['pseudo-decide']({ text: 'hikurangi', decision: 'clear' })).toBeNull();
    expect((await api['pseudo-scan']({})).groups.find((g) => g.text === 'Hikurangi')?.status).toBe('pending');
  });

  it('suggests pseudonyms that are never a real name or a pseudonym in the project, and refuses real names', async () => {
    const people = await api['participants-list']({});
    const taken = new Set(people.flatMap((p) => [p.name, ...p.name.split(' '), p.pseudonym ?? '']).filter(Boolean).map(fold));
    const waiata = people.find((p) => p.name === 'Waiata Henare')!;
    const seen = new Set<string>();
    for (let seed = 0; seed < 40; seed++) {
      const { pseudonym } = await api['pseudo-suggest-pseudonym']({ participantId: seed + 1 });
      expect(taken.has(fold(pseudonym)), pseudonym).toBe(false);
      seen.add(pseudonym);
    }
    expect(seen.size).toBeGreaterThan(10);
    // The list holds Huia, Rawiri, Kate, Tom, Leah, Rick, Ngaio: all taken here, never offered.
    for (const t of ['Huia', 'Rawiri', 'Kate', 'Tom', 'Leah', 'Rick', 'Ngaio', 'Mere', 'Hemi']) expect(seen.has(t), t).toBe(false);
    await expect(api['pseudo-set-pseudonym']({ participantId: waiata.id, pseudonym: 'Aroha' })).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/real name/) });
    await expect(api['pseudo-set-pseudonym']({ participantId: waiata.id, pseudonym: 'huia' })).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/already someone else/) });
    // The participant panel's own save path refuses the same, and leaves the pseudonym as it was.
    await expect(api['participant-update']({ id: waiata.id, pseudonym: 'Aroha' })).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/real name/) });
    await expect(api['participant-update']({ id: waiata.id, pseudonym: 'HUIA' })).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/already someone else/) });
    expect((await api['participant-get']({ id: waiata.id })).pseudonym).toBe(waiata.pseudonym);
    const { pseudonym } = await api['pseudo-suggest-pseudonym']({ participantId: waiata.id });
    expect(await api['pseudo-set-pseudonym']({ participantId: waiata.id, pseudonym })).toEqual({ participantId: waiata.id, pseudonym });
    expect((await api['pseudo-scan']({ sourceId: hui })).groups.find((g) => g.text === 'Waiata')).toBeUndefined(); // her name is not in her own talk
    const preview = await api['pseudo-preview']({ sourceId: hui, start: 0, end: 200 });
    expect(preview.text).not.toMatch(/Koro Hemi/);
  });

  it('accept-all turns every pending candidate into a rule, then nothing is pending; the audit log never pairs a name with its replacement', async () => {
    const before = await api['pseudo-scan']({ status: 'pending' });
    expect(before.groups.length).toBeGreaterThan(5);
    const r = await api['pseudo-accept-all']({});
    expect(r.created).toBe(before.groups.length);
    expect(r.candidates).toBe(before.counts.pending);
    const after = await api['pseudo-scan']({});
    expect(after.counts.pending).toBe(0);
    const rules = await api['pseudo-rules-list']({});
    expect(rules.find((x) => x.term === 'ZAB1234')).toMatchObject({ replacement: '[NHI number]', category: 'identifier' });
    expect(rules.find((x) => x.term === 'Jason Whitu')).toMatchObject({ replacement: '[name]', category: 'third-party' });
    const audit = core.requireProject().db.prepare("SELECT action, detail FROM audit_log WHERE action LIKE 'pseudonym%'").all() as { action: string; detail: string }[];
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['pseudonym-rule-created', 'pseudonym-rule-updated', 'pseudonym-rule-deleted', 'pseudonym-decision', 'pseudonym-decision-cleared', 'pseudonym-set', 'pseudonym-rules-accepted-all']));
    for (const a of audit) expect(a.detail).not.toMatch(/Hone|Parata|kaumātua|Jason|ZAB1234/);
    expect((await api['pseudo-accept-all']({})).created).toBe(0);
  });
});
