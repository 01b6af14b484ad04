/**
 * A small study for the export tests, set up as an analyst would: a focus group with a register
 * (pseudonyms, consent: one declined quotation, one withdrew), a withdrawn passage, codes with a
 * memo, codings by two coders, typed attributes.
 */
import type { FocalApi } from '../../../shared/api/client';
import type { FocalCore } from '../../../electron/core/app/focal-core';
import { detectIdentifiers, loadPseudoContext } from '../../../electron/core/pseudonyms/index';

export const FG_TEXT = [
  'Facilitator: Kia ora, welcome everyone 👋 to the hui.',
  'Aroha: I talk to Huia Tane at the clinic in Ōtara every week.',
  'Mere: My secret is that I left my job at the factory.',
  'Aroha: This part was withdrawn from the record by me. But this part stays 🌿 in.',
  'Tama: I withdrew from the study later on.',
].join('\n\n');

export const PEOPLE = [
  { label: 'Facilitator', name: 'Sam Walker', pseudonym: 'Facilitator', quote: 'yes', withdrawn: null as string | null },
  { label: 'Aroha', name: 'Aroha Ngata', pseudonym: 'Kiri', quote: 'yes', withdrawn: null },
  { label: 'Mere', name: 'Mere Kawhia', pseudonym: 'Rangi', quote: 'no', withdrawn: null },
  { label: 'Tama', name: 'Tama Rewi', pseudonym: 'Wiremu', quote: 'yes', withdrawn: '2020-01-01' },
];

export interface Study {
  sourceId: number;
  codes: { services: number; work: number; belonging: number };
}

export async function populate(api: FocalApi, core: FocalCore, opts: { withdrawn: boolean } = { withdrawn: true }): Promise<Study> {
  const [imported] = await api['import-files']({ files: [{ name: 'Focus group Ōtara.txt', dataBase64: Buffer.from(FG_TEXT).toString('base64') }] });
  const sourceId = (imported as { sourceId: number }).sourceId;
  const db = core.requireProject().db;
  const people = opts.withdrawn ? PEOPLE : PEOPLE.map((p) => ({ ...p, quote: 'yes', withdrawn: null }));
  for (const p of people) {
    const id = Number(db.prepare("INSERT INTO participants (kind, name, pseudonym, role, created_at) VALUES ('person', ?, ?, ?, '2024-01-01T00:00:00Z')").run(p.name, p.pseudonym, p.label === 'Facilitator' ? 'facilitator' : 'participant').lastInsertRowid);
    db.prepare("INSERT INTO consents (participant_id, recording, quote, named, withdrawn_on, updated_at) VALUES (?, 'yes', ?, 'no', ?, 'now')").run(id, p.quote, p.withdrawn);
    db.prepare('UPDATE speakers SET participant_id = ? WHERE source_id = ? AND label = ?').run(id, sourceId, p.label);
  }
  const age = Number(db.prepare("INSERT INTO attributes (name, type) VALUES ('Age', 'number')").run().lastInsertRowid);
  const iwi = Number(db.prepare("INSERT INTO attributes (name, type) VALUES ('Iwi', 'text')").run().lastInsertRowid);
  const set = db.prepare('INSERT INTO participant_attributes (participant_id, attribute_id, value) SELECT id, ?, ? FROM participants WHERE name = ?');
  set.run(age, '34', 'Aroha Ngata');
  set.run(iwi, 'Ngāti Whātua', 'Aroha Ngata');
  set.run(age, '51', 'Mere Kawhia');
  const frameId = (await api['frames-list']({}))[0]!.id;
  const services = (await api['code-create']({ frameId, name: 'Services', color: '#c0504d', description: 'Health & social services' })).id;
  const parent = (await api['code-create']({ frameId, name: 'Wellbeing' })).id;
  const work = (await api['code-create']({ frameId, parentId: parent, name: 'Work' })).id;
  const belonging = (await api['code-create']({ frameId, parentId: parent, name: 'Belonging 🌿' })).id;
  const text = db.prepare('SELECT text FROM sources WHERE id = ?').pluck().get(sourceId) as string;
  const range = (words: string) => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length });
  await api['coding-apply']({ codeId: services, sourceId, ...range('I talk to Huia Tane at the clinic') });
  core.state.setPrefs({ userName: 'Second Coder' });
  await api['coding-apply']({ codeId: work, sourceId, ...range('I left my job at the factory') });
  if (opts.withdrawn) await api['coding-apply']({ codeId: belonging, sourceId, ...range('This part was withdrawn from the record by me.') });
  await api['coding-apply']({ codeId: belonging, sourceId, ...range('But this part stays 🌿 in.') });
  core.state.setPrefs({ userName: 'Test Coder' });
  if (opts.withdrawn) {
    const w = range('This part was withdrawn from the record by me.');
    db.prepare("INSERT INTO passage_marks (source_id, start, end, kind, reason, created_by, created_at) VALUES (?, ?, ?, 'withdrawn', 'asked', 'Test Coder', 'now')").run(sourceId, w.start, w.end);
  }
  const body = (s: string) => JSON.stringify({ root: { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', text: s }] }] } });
  await api['memo-save']({ target: { kind: 'code', id: services }, title: 'On services', body: body('Waiting times come up often.'), bodyText: 'Waiting times come up often.' });
  await api['memo-save']({ target: { kind: 'project', id: null }, title: 'Project memo', body: body('Second round in May.'), bodyText: 'Second round in May.' } as never);
  return { sourceId, codes: { services, work, belonging } };
}

/** Every pending identifier in the sources and titles becomes a rule with its suggestion (what `focal pseudo accept-all` does). */
export function decideAll(core: FocalCore): number {
  const db = core.requireProject().db;
  const ctx = loadPseudoContext(db);
  let n = 0;
  const seen = new Set<string>();
  for (const t of db.prepare("SELECT text FROM sources UNION ALL SELECT title FROM sources UNION ALL SELECT body_text FROM memos UNION ALL SELECT name FROM project UNION ALL SELECT name FROM codes").pluck().all() as string[]) {
    for (const c of detectIdentifiers(ctx, t)) {
      if (c.status !== 'pending' || seen.has(c.text)) continue;
      seen.add(c.text);
      db.prepare("INSERT INTO pseudonym_rules (term, variants, replacement, category, created_by, created_at) VALUES (?, '[]', ?, 'other', 'test', 'now')").run(c.text, c.suggestion);
      n++;
    }
  }
  return n;
}
