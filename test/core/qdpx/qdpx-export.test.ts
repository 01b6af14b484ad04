/**
 * .qdpx export through the gate's logic: the full profile validates against the Project schema, is
 * audited and leaves out withdrawn material; import(export(p)) keeps sources, codes, codings (text
 * and coder), memos, participants and attributes; the deposit refuses while identifiers are
 * undecided, and its zip (every file in it, grepped) holds no register name, no declined
 * participant's talk, no withdrawn passage, no coder's name.
 */
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { schemaProblems } from '../../../electron/core/exchange/qda-xml';
import { testCore } from '../../support/core';
import { decideAll, FG_TEXT, PEOPLE, populate } from './qdpx-project';

type T = ReturnType<typeof testCore>;

function snapshot(t: T) {
  const db = t.core.requireProject().db;
  const q = (sql: string) => db.prepare(sql).all();
  return {
    sources: q('SELECT title, text FROM sources ORDER BY id'),
    codes: q('SELECT c.name, c.color, c.description, p.name AS parent, c.guid FROM codes c LEFT JOIN codes p ON p.id = c.parent_id ORDER BY c.name'),
    codings: q("SELECT substr(s.text, k.start + 1, k.end - k.start) AS words, k.coder, c.name AS code, k.guid FROM codings k JOIN sources s ON s.id = k.source_id JOIN codes c ON c.id = k.code_id ORDER BY k.guid"),
    memos: q("SELECT m.target_kind AS kind, coalesce(c.name, '') AS code, m.title, m.body_text AS text, m.author FROM memos m LEFT JOIN codes c ON m.target_kind = 'code' AND c.id = m.target_id ORDER BY m.title"),
    participants: q('SELECT name, guid FROM participants ORDER BY name'),
    attributes: q('SELECT p.name, a.name AS attr, v.value FROM participant_attributes v JOIN participants p ON p.id = v.participant_id JOIN attributes a ON a.id = v.attribute_id ORDER BY p.name, a.name'),
    mapped: q('SELECT s.label, p.name FROM speakers s JOIN participants p ON p.id = s.participant_id ORDER BY s.label'),
  };
}

describe('qdpx export: full profile', () => {
  const a = testCore();
  const b = testCore();
  beforeAll(async () => {
    await a.api['project-new']({ name: 'Ōtara hui study', path: a.path('a.focal') });
    await populate(a.api, a.core, { withdrawn: false });
    a.core.host.chooseExportPath = async () => a.path('full.qdpx');
  });

  it('writes a zip whose project.qde validates against the Project schema, with sources/ text files; audited with SHA-256; says it is identifiable', async () => {
    const r = await a.api['qdpx-export']({ profile: 'full' });
    expect(r).toMatchObject({ path: a.path('full.qdpx'), profile: 'full', counts: { sources: 1, codes: 4, codings: 3, memos: 2, cases: 4, users: 2 } });
    expect(r.notes[0]).toMatch(/identifiable data/);
    const files = unzipSync(readFileSync(a.path('full.qdpx')));
    const qde = strFromU8(files['project.qde']!);
    expect(await schemaProblems(qde, 'Project-mrt2019.xsd')).toEqual([]);
    expect(Object.keys(files).filter((f) => f.startsWith('sources/'))).toHaveLength(1);
    const audit = await a.api['audit-exports']({});
    expect(audit[0]).toMatchObject({ format: 'qdpx', profile: 'qdpx-full', status: 'complete', sha256: r.sha256 });
  });

  it('import(export(p)) keeps sources, codes, codings (text and coder), memos, participants, attributes and who said what', async () => {
    await b.api['qdpx-import']({ file: { name: 'full.qdpx', path: a.path('full.qdpx') }, out: b.path('b.focal') });
    const before = snapshot(a);
    const after = snapshot(b);
    expect(after.sources).toEqual(before.sources);
    expect(after.codes).toEqual(before.codes);
    expect(after.codings).toEqual(before.codings);
    expect(after.codings.map((c) => (c as { coder: string }).coder).sort()).toEqual(['Second Coder', 'Second Coder', 'Test Coder']);
    expect(after.memos).toEqual(before.memos);
    expect(after.participants).toEqual(before.participants);
    expect(after.attributes).toEqual(before.attributes);
    expect(after.mapped).toEqual(before.mapped);
  });
});

describe('qdpx export: full profile leaves withdrawn material out', () => {
  const t = testCore();
  beforeAll(async () => {
    await t.api['project-new']({ name: 'Ōtara hui study', path: t.path('w.focal') });
    await populate(t.api, t.core);
    t.core.host.chooseExportPath = async () => t.path('w.qdpx');
  });
  it('the withdrawn passage and the withdrawn participant are out; codings of the removed passage counted', async () => {
    const r = await t.api['qdpx-export']({ profile: 'full' });
    expect(r.leftOut).toMatchObject({ 'passages left out': 1, 'turns of participants who withdrew': 1, 'codings of removed passages': 1, 'participants who withdrew': 1 });
    const files = unzipSync(readFileSync(t.path('w.qdpx')));
    const all = Object.values(files).map((f) => strFromU8(f)).join('\n');
    expect(all).not.toContain('withdrawn from the record');
    expect(all).not.toContain('I withdrew from the study');
    expect(all).not.toContain('Tama Rewi');
    expect(all).toContain('Aroha Ngata'); // identifiable: the full profile keeps real names
  });
});

describe('qdpx export: deposit profile', () => {
  const t = testCore();
  beforeAll(async () => {
    await t.api['project-new']({ name: 'Ōtara hui study', path: t.path('d.focal') });
    await populate(t.api, t.core);
    t.core.host.chooseExportPath = async () => t.path('deposit.qdpx');
  });

  it('is refused while identifiers are undecided, listing them; nothing written', async () => {
    const env = await t.core.call('qdpx-export', { profile: 'deposit' });
    expect(env.ok).toBe(false);
    if (!env.ok) {
      expect(env.error.message).toMatch(/The deposit was not written: \d+ identifiers? (is|are) not yet decided/);
      expect(env.error.message).toContain('“Huia”');
      expect(env.error.message).toContain('“Ōtara”');
    }
    expect(() => readFileSync(t.path('deposit.qdpx'))).toThrow();
  });

  it('once decided: no register name, no declined talk, no withdrawn passage, no coder name anywhere in the zip; codings remapped onto the same words', async () => {
    expect(decideAll(t.core)).toBeGreaterThan(0);
    const r = await t.api['qdpx-export']({ profile: 'deposit', attributes: ['Age'] });
    expect(r.path).toBe(t.path('deposit.qdpx'));
    expect(r.leftOut).toMatchObject({ 'turns without consent': 1, 'turns of participants who withdrew': 1, 'passages left out': 1 });
    const files = unzipSync(readFileSync(t.path('deposit.qdpx')));
    for (const name of Object.keys(files)) expect(name).toMatch(/^(project\.qde|sources\/[0-9a-f-]{36}\.txt)$/);
    const qde = strFromU8(files['project.qde']!);
    expect(await schemaProblems(qde, 'Project-mrt2019.xsd')).toEqual([]);
    const all = Object.values(files).map((f) => strFromU8(f)).join('\n');
    for (const p of PEOPLE) for (const part of p.name.split(' ')) expect(all).not.toContain(part);
    for (const forbidden of ['Huia', 'Ōtara', 'left my job', 'withdrawn from the record', 'I withdrew', 'Test Coder', 'Second Coder', 'Ngāti Whātua', 'Iwi']) expect(all).not.toContain(forbidden);
    expect(all).toContain('[turn removed: no consent]');
    expect(all).toContain('Kiri: ');
    expect(qde).toContain('name="Coder 1"');
    // the coding on Aroha's words still covers them, pseudonymised
    const text = strFromU8(Object.entries(files).find(([n]) => n.startsWith('sources/'))![1]);
    const sel = [...qde.matchAll(/startPosition="(\d+)" endPosition="(\d+)"[^>]*>\s*<Coding/g)].map((m) => text.slice(Number(m[1]), Number(m[2])));
    expect(sel).toContain('But this part stays 🌿 in.');
    expect(sel.some((s) => s.startsWith('I talk to ') && s.endsWith(' at the clinic'))).toBe(true);
    expect(qde).toMatch(/<Case guid="[^"]+" name="Kiri">[\s\S]*?<FloatValue>34<\/FloatValue>/);
    expect(FG_TEXT).toContain('Mere:');
  });

  it('an attribute that does not exist is refused by name', async () => {
    const env = await t.core.call('qdpx-export', { profile: 'deposit', attributes: ['Shoe size'] });
    expect(env.ok).toBe(false);
    if (!env.ok) expect(env.error.message).toMatch(/no participant attribute named “Shoe size”/);
  });
});
