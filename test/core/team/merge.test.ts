/**
 * Merging coders' copies: two copies with overlapping work merged in both orders give the same
 * project; a copy merged twice changes nothing; conflicts are listed; the lead's records are
 * reported, never applied; one undoable step and one audit line; bad copies refused by name.
 */
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FocalApi } from '../../../shared/api/client';
import { testCore } from '../../support/core';

const fx = (f: string) => ({ name: f, path: join(process.cwd(), 'test/fixtures', f) });
const body = (t: string) => JSON.stringify({ root: { children: [{ type: 'paragraph', children: [{ type: 'text', text: t }] }] } });

/** The project as content, ids left out: what "the same project" means after merging in either order. */
function snapshot(file: string) {
  const db = new Database(file, { readonly: true });
  try {
    const all = (sql: string) => (db.prepare(sql).raw().all() as unknown[][]).map((r) => JSON.stringify(r)).sort();
    return {
      codes: all('SELECT f.name, c.name, coalesce(p.name, \'\'), c.color FROM codes c JOIN code_frames f ON f.id = c.frame_id LEFT JOIN codes p ON p.id = c.parent_id'),
      codings: all('SELECT c.name, s.content_hash, g.start, g.end, g.coder FROM codings g JOIN codes c ON c.id = g.code_id JOIN sources s ON s.id = g.source_id'),
      memos: all("SELECT target_kind, coalesce((SELECT name FROM codes WHERE id = target_id AND target_kind = 'code'), ''), title, body FROM memos"),
      sources: all('SELECT content_hash, title FROM sources'),
      participants: all('SELECT name, kind, coalesce(pseudonym, \'\') FROM participants'),
      consents: all('SELECT p.name, c.quote FROM consents c JOIN participants p ON p.id = c.participant_id'),
    };
  } finally {
    db.close();
  }
}

describe('merging coder copies', () => {
  const lead = testCore();
  const a = testCore();
  const b = testCore();
  const file = lead.path;
  let sharedMemoId: number;

  async function work(api: FocalApi, coder: string, core: typeof a.core, fn: (ids: { frameId: number; trust: number; sourceId: number }) => Promise<void>) {
    core.state.setPrefs({ userName: coder });
    const frameId = (await api['frames-list']({}))[0]!.id;
    const trust = (await api['codes-list']({ frameId })).find((c) => c.name === 'Trust')!.id;
    const sourceId = (await api['sources-list']({}))[0]!.id;
    await fn({ frameId, trust, sourceId });
    await api['project-close']({});
  }

  beforeAll(async () => {
    const api = lead.api;
    await api['project-new']({ name: 'Team', path: file('lead.focal') });
    await api['participants-import-csv']({ fileName: 'participants.csv', csv: readFileSync(fx('participants.csv').path, 'utf8') });
    const [src] = await api['import-files']({ files: [fx('focus-group-lived-experience.vtt')] });
    const frameId = (await api['frames-list']({}))[0]!.id;
    const trust = await api['code-create']({ frameId, name: 'Trust' });
    lead.core.state.setPrefs({ userName: 'Lead' });
    await api['coding-apply']({ codeId: trust.id, sourceId: src!.sourceId!, start: 0, end: 40 });
    sharedMemoId = (await api['memo-save']({ target: { kind: 'project', id: null } as never, title: 'Plan', body: body('the plan'), bodyText: 'the plan' })).id;
    expect(await api['team-copy-save']({ coder: 'Aroha', path: file('aroha.focal') })).toMatchObject({ coder: 'Aroha' });
    await api['team-copy-save']({ coder: 'Ben', path: file('ben.focal') });

    await a.api['project-open']({ path: file('aroha.focal') });
    expect((await a.api['team-info']({})).copy).toMatchObject({ coder: 'Aroha', from: 'lead.focal' });
    await work(a.api, 'Aroha', a.core, async ({ frameId, trust, sourceId }) => {
      const wh = await a.api['code-create']({ frameId, name: 'Whānau' });
      await a.api['coding-apply']({ codeId: trust, sourceId, start: 0, end: 100 });
      await a.api['coding-apply']({ codeId: wh.id, sourceId, start: 200, end: 260 });
      await a.api['memo-save']({ id: sharedMemoId, target: { kind: 'project', id: null } as never, body: body('the plan, as Aroha sees it'), bodyText: 'x' });
      await a.api['memo-save']({ target: { kind: 'code', id: wh.id }, title: 'Whānau', body: body('family and wider'), bodyText: 'family' });
      await a.api['import-files']({ files: [fx('individual-interview-manager.srt')] });
      const mere = (await a.api['participants-list']({})).find((p) => p.name === 'Mere Tawhiri')!;
      await a.api['participant-update']({ id: mere.id, consent: { quote: 'no' } });
    });
    await b.api['project-open']({ path: file('ben.focal') });
    await work(b.api, 'Ben', b.core, async ({ frameId, trust, sourceId }) => {
      const wh = await b.api['code-create']({ frameId, name: 'Whānau' });
      await b.api['code-update']({ id: trust, name: 'Trust and safety' });
      await b.api['coding-apply']({ codeId: trust, sourceId, start: 50, end: 150 });
      await b.api['coding-apply']({ codeId: wh.id, sourceId, start: 210, end: 260 });
      await b.api['memo-save']({ id: sharedMemoId, target: { kind: 'project', id: null } as never, body: body('the plan, as Ben sees it'), bodyText: 'y' });
    });
    await api['project-close']({});
    copyFileSync(file('lead.focal'), file('lead-ab.focal'));
    copyFileSync(file('lead.focal'), file('lead-ba.focal'));
    copyFileSync(file('lead.focal'), file('lead-plain.focal'));
  });

  it('a dry run lists every change and changes nothing', async () => {
    const api = lead.api;
    await api['project-open']({ path: file('lead-ab.focal') });
    const before = snapshot(file('lead-ab.focal'));
    const dry = await api['team-merge']({ files: [file('aroha.focal'), file('ben.focal')], dryRun: true });
    expect(dry.dryRun).toBe(true);
    expect(dry.undoLabel).toBeNull();
    expect(dry.totals).toMatchObject({ codes: 1, codings: 4, sources: 1, conflicts: 1 });
    const text = dry.changes.join('\n');
    expect(text).toMatch(/aroha\.focal \(Aroha's copy\): new code Whānau/);
    expect(text).toMatch(/1 new coding by Ben|2 new codings by Ben/);
    expect(text).toMatch(/code Trust is Trust and safety in the copy; the project's name is kept/);
    expect(text).toMatch(/conflict: memo "Plan"/);
    expect(text).toMatch(/consent only in the copy, not applied .*Mere Tawhiri: recording yes, quotes no/);
    expect(text).toMatch(/new source individual-interview-manager/i);
    await api['project-close']({});
    expect(snapshot(file('lead-ab.focal'))).toEqual(before);
  });

  it('merged in both orders gives the same project; the lead keeps names and consent', async () => {
    const api = lead.api;
    await api['project-open']({ path: file('lead-ab.focal') });
    const ab = await api['team-merge']({ files: [file('aroha.focal'), file('ben.focal')] });
    expect(ab.undoLabel).toBe('Merge 2 coder copies');
    expect(ab.files[1]!.codes.matchedByPath).toBeGreaterThanOrEqual(1); // Ben's Whānau is Aroha's Whānau
    await api['project-close']({});
    await api['project-open']({ path: file('lead-ba.focal') });
    await api['team-merge']({ files: [file('ben.focal')] });
    await api['team-merge']({ files: [file('aroha.focal')] });
    await api['project-close']({});
    const s1 = snapshot(file('lead-ab.focal'));
    expect(snapshot(file('lead-ba.focal'))).toEqual(s1);
    expect(s1.codes.some((c) => c.includes('"Trust and safety"'))).toBe(false);
    expect(s1.codings.filter((c) => c.includes('"Aroha"'))).toHaveLength(2);
    expect(s1.codings.filter((c) => c.includes('"Ben"'))).toHaveLength(2);
    expect(s1.codings.filter((c) => c.includes('"Lead"'))).toHaveLength(1);
    expect(s1.memos.filter((m) => m.includes('"Plan"'))).toHaveLength(2); // kept twice
    expect(s1.sources).toHaveLength(2);
    expect(s1.consents.find((c) => c.includes('Mere Tawhiri'))).toContain('"yes"');
  });

  it('merging the same copies again changes nothing', async () => {
    const api = lead.api;
    await api['project-open']({ path: file('lead-ab.focal') });
    const before = snapshot(file('lead-ab.focal'));
    const again = await api['team-merge']({ files: [file('aroha.focal'), file('ben.focal')] });
    expect(again.totals).toEqual({ codes: 0, codings: 0, memos: 0, sources: 0, participants: 0, conflicts: 0, kaitiaki: 0 });
    expect(again.undoLabel).toBeNull();
    await api['project-close']({});
    expect(snapshot(file('lead-ab.focal'))).toEqual(before);
  });

  it('is one undoable step with one audit line of counts', async () => {
    const api = lead.api;
    await api['project-open']({ path: file('lead-plain.focal') });
    const r = await api['team-merge']({ files: [file('aroha.focal')] });
    expect((await api['history-state']({})).canUndo?.label).toBe(r.undoLabel);
    expect((await api['search-run']({ query: 'christchurch' })).total).toBeGreaterThan(0);
    await api['history-undo']({});
    expect((await api['search-run']({ query: 'christchurch' })).total).toBe(0);
    await api['project-close']({});
    const undone = snapshot(file('lead-plain.focal'));
    const original = snapshot(file('lead.focal'));
    expect(undone).toEqual(original);
    await api['project-open']({ path: file('lead-plain.focal') });
    await api['history-redo']({});
    expect((await api['sources-list']({})).length).toBe(2);
    expect((await api['search-run']({ query: 'christchurch' })).total).toBeGreaterThan(0);
    await api['project-close']({});
    const db = new Database(file('lead-plain.focal'), { readonly: true });
    const audit = db.prepare("SELECT detail FROM audit_log WHERE action = 'team-merge'").pluck().all() as string[];
    db.close();
    expect(audit).toHaveLength(1);
    expect(Object.keys(JSON.parse(audit[0]!)).sort()).toEqual(['codes', 'codings', 'conflicts', 'files', 'kaitiaki', 'memos', 'participants', 'sources']);
    expect(snapshot(file('lead-plain.focal')).codings.length).toBe(snapshot(file('lead-ab.focal')).codings.filter((c) => !c.includes('"Ben"')).length);
  });

  it('refuses a different project, a newer file, a tampered file; reports a source whose text changed under its GUID', async () => {
    const api = lead.api;
    await api['project-new']({ name: 'Other', path: file('other.focal') });
    await api['project-close']({});
    copyFileSync(file('aroha.focal'), file('newer.focal'));
    let db = new Database(file('newer.focal'));
    db.pragma('user_version = 99');
    db.close();
    copyFileSync(file('aroha.focal'), file('tampered.focal'));
    db = new Database(file('tampered.focal'));
    db.exec("CREATE TRIGGER keep_consent AFTER UPDATE ON consents BEGIN SELECT 1; END;");
    db.close();
    copyFileSync(file('aroha.focal'), file('edited.focal'));
    db = new Database(file('edited.focal'));
    db.prepare("UPDATE sources SET text = text || ' extra', content_hash = 'changed' WHERE id = 1").run();
    db.close();
    await api['project-open']({ path: file('lead-plain.focal') });
    await expect(api['team-merge']({ files: [file('other.focal')] })).rejects.toThrow(/other\.focal: it is a different project/);
    await expect(api['team-merge']({ files: [file('newer.focal')] })).rejects.toThrow(/newer\.focal.*newer version of Focal/);
    await expect(api['team-merge']({ files: [file('tampered.focal')] })).rejects.toThrow(/Cannot merge tampered\.focal/);
    const r = await api['team-merge']({ files: [file('edited.focal')], dryRun: true });
    expect(r.files[0]!.sources.textDiffers).toHaveLength(1);
    expect(r.changes.join('\n')).toMatch(/has other text in the copy under the same identity: not merged/);
    const q = await api['team-merge']({ files: [file('x.qdpx'), file('aroha.focal')], dryRun: true });
    expect(q.skipped[0]).toMatchObject({ file: 'x.qdpx', reason: expect.stringMatching(/not merged by this version/) });
    await api['project-close']({});
  });

  it('a fixed team list refuses a typo as coder and keeps codings by unlisted names out of a merge', async () => {
    const api = lead.api;
    copyFileSync(file('lead.focal'), file('lead-list.focal'));
    await api['project-open']({ path: file('lead-list.focal') });
    await api['team-coders-set']({ coders: ['Lead', 'Aroha'] });
    await expect(api['team-coder-set']({ name: 'aroha ' })).rejects.toThrow(/did you mean "Aroha"/);
    expect((await api['team-coder-set']({ name: 'Aroha' })).coder).toBe('Aroha');
    const r = await api['team-merge']({ files: [file('ben.focal')], dryRun: true });
    expect(r.files[0]!.codings.notInTeamList).toEqual({ Ben: 2 });
    await api['project-close']({});
  });
});

describe('kaitiaki statements in a copy', () => {
  const lead = testCore();
  it('imports a statement that verifies against the group key here, and not one that does not', async () => {
    const { api, core, path } = lead;
    const { groupKey, newKey } = await import('../../support/kaitiaki-sign');
    const { storeStatement } = await import('../../../electron/core/kaitiaki/statements');
    await api['project-new']({ name: 'Hui', path: path('hui.focal') });
    await api['participants-import-csv']({ fileName: 'participants.csv', csv: readFileSync(fx('participants.csv').path, 'utf8') });
    const group = (await api['participants-list']({})).find((p) => p.kind === 'group')!;
    const key = groupKey(core.requireProject().db, group.id);
    await api['team-copy-save']({ coder: 'Aroha', path: path('hui-aroha.focal') });
    const db = new Database(path('hui-aroha.focal'));
    storeStatement(db, key, { groupId: group.id, kind: 'readers', by: 'Koro Hemi', at: '2026-01-01T00:00:00.000Z', subject: { readers: ['Aroha'] } });
    storeStatement(db, newKey(), { groupId: group.id, kind: 'readers', by: 'Someone', at: '2026-01-02T00:00:00.000Z', subject: { readers: ['Ben'] } });
    db.close();
    const r = await api['team-merge']({ files: [path('hui-aroha.focal')] });
    expect(r.files[0]!.kaitiaki).toEqual({ imported: 1, alreadyPresent: 1, notVerified: 1 });
    const again = await api['team-merge']({ files: [path('hui-aroha.focal')] });
    expect(again.files[0]!.kaitiaki).toMatchObject({ imported: 0, alreadyPresent: 2 });
  });
});

describe('participants in a copy', () => {
  const lead = testCore();
  it('matches by GUID, then by folded name; asks when the name fits several, and takes the answer', async () => {
    const { api, path } = lead;
    await api['project-new']({ name: 'People', path: path('people.focal') });
    await api['participant-create']({ name: 'Mere Tāwhiri' });
    await api['participant-create']({ name: 'Mere Tawhiri' });
    await api['participant-create']({ name: 'Hōne' });
    await api['team-copy-save']({ coder: 'Aroha', path: path('people-aroha.focal') });
    await api['participant-create']({ name: 'Tama' }); // the lead adds Tama; the coder adds Tama too (another GUID)
    const db = new Database(path('people-aroha.focal'));
    db.prepare("INSERT INTO participants (name, created_at) VALUES ('MERE TAWHIRI', 'now'), ('tama', 'now'), ('Wiremu', 'now')").run();
    db.close();
    const dry = await api['team-merge']({ files: [path('people-aroha.focal')], dryRun: true });
    const f = dry.files[0]!;
    expect(f.participants.matchedByGuid).toBe(3);
    expect(f.participants.matchedByName).toEqual([{ copy: 'tama', lead: 'Tama' }]);
    expect(f.participants.added).toEqual(['Wiremu']);
    expect(f.participants.unsure).toHaveLength(1);
    expect(f.participants.unsure[0]!.candidates.map((c) => c.name).sort()).toEqual(['Mere Tawhiri', 'Mere Tāwhiri']);
    expect(dry.changes.join('\n')).toMatch(/participant MERE TAWHIRI: several in the project have this name/);
    const answer = f.participants.unsure[0]!;
    const r = await api['team-merge']({ files: [path('people-aroha.focal')], participants: { [answer.guid]: answer.candidates[0]!.id } });
    expect(r.files[0]!.participants.unsure).toEqual([]);
    expect((await api['participants-list']({})).map((p) => p.name).sort()).toEqual(['Hōne', 'Mere Tawhiri', 'Mere Tāwhiri', 'Tama', 'Wiremu']);
  });
});
