/**
 * clipboard-copy-is-gated: a selection copied or dragged out of the app (transcript, retrieval,
 * search, query and matrix lists, memos) goes through the export gate in the core, as the quote
 * card's Copy does; a refusal gives no text and its reasons; every attempt is audited, without text.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SourceDetail } from '../../../shared/domain/project';
import { signRecorded } from '../../support/kaitiaki-sign';
import { testCore } from '../../support/core';
import { acceptAllCandidates, importAndMap, recordRopu } from '../export/fixture-project';

describe('selection-copy: copy and drag of a selection go through the gate', () => {
  const { api, core, dir } = testCore();
  const copied: string[] = [];
  let sources: SourceDetail[] = [];
  const db = () => core.requireProject().db;

  /** The first turn of a speaker (by register name) in a transcript (by file extension). */
  const turnOf = (format: string, name: string) => {
    const s = sources.find((x) => x.format === format)!;
    const people = new Map(s.speakers.map((sp) => [sp.id, sp]));
    const b = s.blocks.find((x) => x.kind === 'turn' && x.speakerId !== null && people.get(x.speakerId)!.label.includes(name.split(' ')[0]!))!;
    return { source: s, sourceId: s.id, start: b.start, end: b.end, raw: s.text.slice(b.start, b.end) };
  };
  const lastAudit = () => db().prepare('SELECT action, detail FROM audit_log ORDER BY id DESC LIMIT 1').get() as { action: string; detail: string };

  beforeAll(async () => {
    core.host.writeClipboard = async (t) => void copied.push(t);
    await api['project-new']({ name: 'Copy gate', path: join(dir, 'copy.focal') });
    await importAndMap(api);
    sources = await Promise.all((await api['sources-list']({})).map((s) => api['source-get']({ sourceId: s.id })));
  }, 60_000);

  it("refuses a declined participant's turn, with the reason, writes nothing and records the refusal without text", async () => {
    const david = turnOf('vtt', 'David Chen');
    expect(david.raw).toMatch(/Pathways/);
    const before = copied.length;
    const r = await api['selection-copy']({ ranges: [{ sourceId: david.sourceId, start: david.start, end: david.end }] });
    expect(r.text).toBeNull();
    expect(r.reasons.map((x) => x.code)).toContain('no-quote-consent');
    expect(r.reasons.find((x) => x.code === 'no-quote-consent')!.message).toMatch(/David Chen declined to be quoted/);
    expect(copied.length).toBe(before);
    const [entry] = await api['audit-exports']({ limit: 1 });
    expect(entry).toMatchObject({ format: 'clipboard', destination: 'clipboard', sha256: null, passed: 0, blocked: 1, items: [{ quoteId: null, sourceId: david.sourceId, start: david.start, end: david.end, outcome: 'blocked' }] });
    expect(entry!.items[0]!.reasons).toContain('no-quote-consent');
    const log = lastAudit();
    expect(log.action).toBe('selection-copy-refused');
    expect(log.detail).not.toContain('Pathways');
    // Nothing was added to the quote bank.
    expect(await api['quotes-list']({})).toEqual([]);
  });

  it('one blocked range refuses the whole copy (all or nothing)', async () => {
    const david = turnOf('vtt', 'David Chen');
    const rachel = turnOf('vtt', 'Rachel Moana');
    const r = await api['selection-copy']({ ranges: [{ sourceId: rachel.sourceId, start: rachel.start, end: rachel.end }, { sourceId: david.sourceId, start: david.start, end: david.end }], via: 'drag' });
    expect(r).toMatchObject({ text: null, checked: 2, blocked: 1 });
    const [entry] = await api['audit-exports']({ limit: 1 });
    expect(entry).toMatchObject({ format: 'drag', destination: 'drag', blocked: 1 });
  });

  it('a phone number is blocked while undecided, then leaves pseudonymised, never as written', async () => {
    const hui = sources.find((s) => s.format === 'txt')!;
    const at = hui.text.indexOf('You can ring me on 021 555 0143');
    const range = { sourceId: hui.id, start: at, end: hui.text.indexOf('.', at) + 1 };
    const blocked = await api['selection-copy']({ ranges: [range] });
    expect(blocked.text).toBeNull();
    const ids = blocked.reasons.find((x) => x.code === 'identifier-unresolved');
    expect(ids?.message).toContain('021 555 0143');

    acceptAllCandidates(core);
    const { groupId, kaitiakiId } = await recordRopu(api, core);
    db().prepare("INSERT INTO approvals (group_id, kaitiaki_id, scope, export_label, decision, decided_at) VALUES (?, ?, 'export', 'Report 1', 'approved', 'now')").run(groupId, kaitiakiId);
    // The kaitiaki signs it, as the app does when they decide: only a signed decision counts.
    signRecorded(db(), groupId);
    const before = copied.length;
    const ok = await api['selection-copy']({ ranges: [range], options: { approvalLabel: 'Report 1' } });
    expect(ok.reasons).toEqual([]);
    expect(ok.text).not.toBeNull();
    expect(ok.text).not.toContain('021 555 0143');
    expect(ok.text).toMatch(/^“You can ring me on .+” \(Rōpū A, group interview\)$/);
    expect(copied.slice(before)).toEqual([ok.text]);
    const [entry] = await api['audit-exports']({ limit: 1 });
    expect(entry).toMatchObject({ format: 'clipboard', passed: 1, blocked: 0 });
    expect(entry!.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(lastAudit().action).toBe('selection-copied');
  });

  it('a passing passage is copied pseudonymised with its attribution', async () => {
    const rachel = turnOf('vtt', 'Rachel Moana');
    const r = await api['selection-copy']({ ranges: [{ sourceId: rachel.sourceId, start: rachel.start, end: rachel.end }] });
    expect(r.reasons).toEqual([]);
    expect(r.text).toMatch(/” \(Kate, peer support worker\)$/);
    expect(r.text).not.toContain('Rachel');
  });

  it('a restricted (tapu) range is refused for a viewer who is not the kaitiaki', async () => {
    const rachel = turnOf('vtt', 'Rachel Moana');
    const kaitiaki = (await api['participants-list']({})).find((p) => p.name === 'Koro Hemi')!;
    db().prepare("INSERT INTO sensitivity_labels (source_id, start, end, label, set_by_id, set_at) VALUES (?, ?, ?, 'restricted', ?, 'now')").run(rachel.sourceId, rachel.start, rachel.end, kaitiaki.id);
    // The viewer sees the passage masked; the copy is refused whatever the view held.
    const view = await api['source-get']({ sourceId: rachel.sourceId });
    expect(view.text.slice(rachel.start, rachel.end)).toMatch(/^•+$/);
    const r = await api['selection-copy']({ ranges: [{ sourceId: rachel.sourceId, start: rachel.start + 2, end: rachel.end - 2 }] });
    expect(r.text).toBeNull();
    expect(r.reasons.map((x) => x.code)).toContain('label-restricted');
    db().prepare('DELETE FROM sensitivity_labels').run();
  });

  it('refuses a range outside its transcript', async () => {
    const s = sources[0]!;
    await expect(api['selection-copy']({ ranges: [{ sourceId: s.id, start: 0, end: s.text.length + 5 }] })).rejects.toMatchObject({ code: 'bad-input' });
  });

  it("a memo's text with a pending name is refused; with every name decided it leaves pseudonymised; both audited with the memo id", async () => {
    const memo = await api['memo-save']({ target: { kind: 'project', id: null }, body: '{"root":{"children":[]}}', bodyText: 'Talked to Bronwyn Tipene about it.\nI talked with Bronwyn Tipene after the session.\nRachel Moana said it best.' });
    const before = copied.length;
    const r = await api['selection-copy']({ memoId: memo.id, text: 'I talked with Bronwyn Tipene after the session.' });
    expect(r.text).toBeNull();
    expect(r.reasons).toMatchObject([{ code: 'identifier-unresolved' }]);
    expect(r.reasons[0]!.message).toContain('Bronwyn Tipene');
    expect(copied.length).toBe(before);
    let log = lastAudit();
    expect(log.action).toBe('memo-copy-refused');
    expect(JSON.parse(log.detail)).toMatchObject({ memoId: memo.id, format: 'clipboard', reasons: ['identifier-unresolved'] });
    expect(log.detail).not.toContain('Bronwyn');

    // A register name is covered by the participant's pseudonym.
    const ok = await api['selection-copy']({ memoId: memo.id, text: 'Rachel Moana said it best.', via: 'drag' });
    expect(ok.text).toBe('Kate said it best.');
    expect(copied.length).toBe(before); // a drag carries the text itself; the clipboard is untouched
    log = lastAudit();
    expect(log.action).toBe('memo-copied');
    expect(log.detail).not.toContain('Rachel');
    expect(log.detail).not.toContain('Kate');
  });

  it("a memo quoting a declined participant's words verbatim is refused as the transcript would be", async () => {
    const david = turnOf('vtt', 'David Chen');
    const quoting = `He said: ${david.raw.slice(0, 70)} and more.`;
    const rachel = turnOf('vtt', 'Rachel Moana');
    const bodyText = [quoting, `Rachel Moana: ${rachel.raw}`, 'I work at a place too.'].join('\n\n');
    const memo = await api['memo-save']({ target: { kind: 'source', id: david.sourceId }, body: '{"root":{"children":[]}}', bodyText });
    const r = await api['selection-copy']({ memoId: memo.id, text: quoting });
    expect(r.text).toBeNull();
    expect(r.reasons.map((x) => x.code)).toContain('no-quote-consent');
    const [entry] = await api['audit-exports']({ limit: 1 });
    expect(entry!.items).toMatchObject([{ sourceId: david.sourceId, start: david.start, outcome: 'blocked' }]);
    // Words from a turn that may be quoted pass (pseudonymised by the rules); a short common phrase is not a quote.
    expect((await api['selection-copy']({ memoId: memo.id, text: `Rachel Moana: ${rachel.raw}` })).text).toBe(`Kate: ${rachel.raw}`);
    expect((await api['selection-copy']({ memoId: memo.id, text: 'I work at a place too.' })).text).toBe('I work at a place too.');
    // A selection may start and end inside a word of the memo.
    expect((await api['selection-copy']({ memoId: memo.id, text: 'ork at a place to' })).text).toBe('ork at a place to');
  });

  it("a memo copy takes only the memo's text, and finds quoted talk of MIN_WORDS words however it is spaced or cased", async () => {
    const david = turnOf('vtt', 'David Chen');
    const words = david.raw.split(/\s+/).filter((w) => /\p{L}/u.test(w));
    const eight = words.slice(0, 8).join('\u00a0').toUpperCase();
    const seven = words.slice(0, 7).join(' ');
    const memo = await api['memo-save']({ target: { kind: 'project', id: null }, body: '{"root":{"children":[]}}', bodyText: `Mine: ${eight}.\nAlso ${seven}, mine.` });
    expect((await api['selection-copy']({ memoId: memo.id, text: `Mine: ${eight}.` })).reasons.map((x) => x.code)).toContain('no-quote-consent');
    // Seven words in a row are not yet recognisable as a quote.
    expect((await api['selection-copy']({ memoId: memo.id, text: `Also ${seven}, mine.` })).text).not.toBeNull();
    await expect(api['selection-copy']({ memoId: memo.id, text: `Not in it: ${seven}` })).rejects.toMatchObject({ code: 'bad-input' });
  });

  it('a preview (the drag pre-check) answers without recording or writing', async () => {
    const rachel = turnOf('vtt', 'Rachel Moana');
    const exportsBefore = (await api['audit-exports']({})).length;
    const before = copied.length;
    const r = await api['selection-copy']({ ranges: [{ sourceId: rachel.sourceId, start: rachel.start, end: rachel.end }], preview: true });
    expect(r.text).toMatch(/Kate/);
    expect((await api['audit-exports']({})).length).toBe(exportsBefore);
    expect(copied.length).toBe(before);
  });

  it('no copied text ever reaches the audit tables', () => {
    const raw = sources.map((s) => s.text);
    const rows = [
      ...(db().prepare('SELECT detail FROM audit_log').pluck().all() as string[]),
      ...(db().prepare('SELECT destination || reasons FROM exports JOIN export_items ON export_items.export_id = exports.id').pluck().all() as string[]),
    ];
    for (const r of rows) for (const phrase of ['Pathways', '021 555 0143', 'Bronwyn', 'Kate said']) expect(r).not.toContain(phrase);
    expect(raw.length).toBeGreaterThan(0);
  });
});
