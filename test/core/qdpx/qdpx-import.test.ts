/**
 * .qdpx import into a new project: counts and coded text exact in the NVivo Windows shape (BOM, CRLF,
 * emoji before codings), the Mac shape and a hand-written project with cases, variables, notes,
 * sets and an audio transcript; bad archives refused naming the file, with no project left behind.
 */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { testCore } from '../../support/core';
import { FG_CODINGS, G, handWritten, nvivoMac, nvivoWindows } from './qdpx-fixtures';

const b64 = (u: Uint8Array) => Buffer.from(u).toString('base64');

function coded(core: ReturnType<typeof testCore>['core']) {
  const db = core.requireProject().db;
  return db
    .prepare('SELECT s.text AS text, k.start, k.end, k.coder, k.guid, k.created_at AS at, c.name AS code FROM codings k JOIN sources s ON s.id = k.source_id JOIN codes c ON c.id = k.code_id ORDER BY k.guid')
    .all()
    .map((r) => {
      const x = r as { text: string; start: number; end: number; coder: string; guid: string; at: string; code: string };
      return { words: x.text.slice(x.start, x.end), coder: x.coder, guid: x.guid, code: x.code, at: x.at };
    });
}

describe('qdpx import (REFI-QDA project into a new Focal project)', () => {
  it('NVivo Windows shape: Sources/, BOM, CRLF, emoji before codings: coded text exact, coders and dates kept, PDF listed as skipped', async () => {
    const t = testCore();
    const r = await t.api['qdpx-import']({ file: { name: 'nvivo-win.qdpx', dataBase64: b64(nvivoWindows()) }, out: t.path('win.focal') });
    expect(r.project).toBe(t.path('win.focal'));
    expect(r.counts).toMatchObject({ sources: 1, codes: 3, codings: 4, coders: 2 });
    expect(r.skipped).toEqual([{ kind: 'PDF', name: 'Consent form' }]);
    expect(r.codingsNotImported).toHaveLength(1);
    expect(r.codingsNotImported[0]).toMatch(/99990–99999: the positions are outside the text/);
    expect(r.tikangaQuestion).toMatch(/mainstream.*tikanga-based.*kaupapa Māori frame/);
    const rows = coded(t.core);
    expect(rows.map((x) => [x.words, x.coder, x.code])).toEqual(FG_CODINGS.map((c) => [c.words, c.user === G.user1 ? 'Ana Researcher' : 'Ben Coder', c.code === G.codeWhanau ? 'Whānau' : c.code === G.codeServices ? 'Services' : 'Connection']));
    expect(rows.map((x) => x.guid)).toEqual(FG_CODINGS.map((c) => G.coding(c.n)));
    expect(rows[0]!.at).toBe('2024-05-01T10:00:00.000Z');
    const db = t.core.requireProject().db;
    // speaker detection gave turns: labels out of the text, and no CR anywhere
    const speakers = db.prepare('SELECT label FROM speakers ORDER BY id').pluck().all();
    expect(speakers).toEqual(['Facilitator', 'Aroha', 'Mere']);
    const src = db.prepare('SELECT title, mode, guid, text FROM sources').get() as { title: string; mode: string; guid: string; text: string };
    expect(src).toMatchObject({ title: 'Focus group 1', mode: 'mainstream', guid: G.src1 });
    expect(src.text).not.toMatch(/\r|\uFEFF/);
    const codes = db.prepare('SELECT c.name, c.color, c.description, p.name AS parent, c.guid FROM codes c LEFT JOIN codes p ON p.id = c.parent_id ORDER BY c.id').all();
    expect(codes).toEqual([
      { name: 'Whānau', color: '#336699', description: 'Family & kin', parent: null, guid: G.codeWhanau },
      { name: 'Connection', color: '#aabbcc', description: '', parent: 'Whānau', guid: G.codeConnection },
      { name: 'Services', color: '#c0504d', description: '', parent: null, guid: G.codeServices },
    ]);
  });

  it('NVivo Mac shape: lower-case sources/ with an empty .root', async () => {
    const t = testCore();
    const r = await t.api['qdpx-import']({ file: { name: 'mac.qdpx', dataBase64: b64(nvivoMac()) }, out: t.path('mac.focal') });
    expect(r.counts).toMatchObject({ sources: 1, codings: 1 });
    expect(coded(t.core).map((x) => [x.words, x.coder])).toEqual([['My cousins help with the kids', 'Ben Coder']]);
  });

  it('hand-written .qde: cases with typed variables, speakers mapped by SelectionRefs, notes as memos on their targets, sets reported, audio transcript timed', async () => {
    const t = testCore();
    const r = await t.api['qdpx-import']({ file: { name: 'hand.qdpx', dataBase64: b64(handWritten()) }, out: t.path('hand.focal') });
    expect(r.counts).toMatchObject({ sources: 2, codes: 3, codings: 2, memos: 3, participants: 2, attributes: 4, speakersMapped: 2 });
    expect(r.warnings.join('\n')).toMatch(/1 set\(s\) \("Wellbeing"\) were not imported/);
    expect(r.recordings).toEqual([expect.stringMatching(/"Hui 2": the audio recording \(relative:\/\/\/hui2.m4a\) was not imported.*2 timestamp/)]);
    const db = t.core.requireProject().db;
    const mapped = db.prepare('SELECT s.label, p.name FROM speakers s JOIN participants p ON p.id = s.participant_id ORDER BY s.label').all();
    expect(mapped).toEqual([
      { label: 'Aroha', name: 'Aroha P' },
      { label: 'Mere', name: 'Mere K' },
    ]);
    const attrs = db.prepare('SELECT p.name, a.name AS attr, a.type, v.value FROM participant_attributes v JOIN participants p ON p.id = v.participant_id JOIN attributes a ON a.id = v.attribute_id ORDER BY p.name, a.id').all();
    expect(attrs).toEqual([
      { name: 'Aroha P', attr: 'Age', type: 'number', value: '34' },
      { name: 'Aroha P', attr: 'Region', type: 'text', value: 'Tai Tokerau' },
      { name: 'Aroha P', attr: 'First session', type: 'choice', value: 'true' },
      { name: 'Aroha P', attr: 'Joined', type: 'date', value: '2024-03-01' },
      { name: 'Mere K', attr: 'Age', type: 'number', value: '51' },
    ]);
    const memos = db.prepare('SELECT target_kind AS kind, title, body_text AS text, author, guid FROM memos ORDER BY id').all();
    expect(memos).toEqual([
      { kind: 'project', title: 'Project memo', text: 'Overall: whānau first.\nSecond line.', author: 'Ana Researcher', guid: G.note1 },
      { kind: 'source', title: 'About hui 1', text: 'Loud room.', author: 'Ben Coder', guid: G.note2 },
      { kind: 'coding', title: 'On the clinic', text: 'Three weeks!', author: 'Ana Researcher', guid: G.note3 },
    ]);
    for (const body of db.prepare('SELECT body FROM memos').pluck().all() as string[]) expect(JSON.parse(body).root.children.length).toBeGreaterThan(0);
    const timed = db.prepare("SELECT sp.label, b.start_ms AS ms FROM blocks b JOIN sources s ON s.id = b.source_id LEFT JOIN speakers sp ON sp.id = b.speaker_id WHERE s.title = 'Hui 2' ORDER BY b.seq").all();
    expect(timed).toEqual([
      { label: 'Facilitator', ms: 0 },
      { label: 'Hemi', ms: 65000 },
    ]);
  });

  it('an external text path (the sender\'s disk) is never followed: the source is listed as skipped', async () => {
    const t = testCore();
    const qde = `<?xml version="1.0" encoding="utf-8"?>\n<Project xmlns="urn:QDA-XML:project:1.0" name="x"><Sources><TextSource guid="${G.src1}" name="Secret" plainTextPath="absolute:///etc/passwd"/><TextSource guid="${G.src2}" name="Inline"><PlainTextContent>Tama: kia ora</PlainTextContent></TextSource></Sources></Project>`;
    const r = await t.api['qdpx-import']({ file: { name: 'ext.qdpx', dataBase64: b64(zipSync({ 'project.qde': Buffer.from(qde) })) }, out: t.path('ext.focal') });
    expect(r.counts.sources).toBe(1);
    expect(r.skipped).toEqual([{ kind: 'text outside the archive', name: 'Secret' }]);
    expect(r.warnings.join('\n')).toMatch(/"Secret": its text is outside ext\.qdpx \(absolute:\/\/\/etc\/passwd\)/);
    expect(t.core.requireProject().db.prepare('SELECT text FROM sources').pluck().all()).toEqual(['kia ora']);
  });

  it('ATLAS.ti naming: the inner file named after the project (Trial.qde) is read', async () => {
    const t = testCore();
    const qde = `<?xml version="1.0" encoding="utf-8"?>\n<Project xmlns="urn:QDA-XML:project:1.0" name="Trial"><Sources><TextSource guid="${G.src2}" name="Only"><PlainTextContent>Mere: kia ora</PlainTextContent></TextSource></Sources></Project>`;
    const r = await t.api['qdpx-import']({ file: { name: 'Trial.qdpx', dataBase64: b64(zipSync({ 'Trial.qde': Buffer.from(qde) })) }, out: t.path('trial.focal') });
    expect(r.counts.sources).toBe(1);
    expect(t.core.requireProject().info().name).toBe('Trial');
  });

  it('a second project from the same file keeps the GUIDs it came with', async () => {
    const t = testCore();
    await t.api['qdpx-import']({ file: { name: 'a.qdpx', dataBase64: b64(nvivoMac()) }, out: t.path('a.focal') });
    const guid = t.core.requireProject().db.prepare('SELECT guid FROM sources').pluck().get();
    expect(guid).toBe(G.src2);
  });

  describe('bad archives are refused, naming the file, and leave no project behind', () => {
    const t = testCore();
    const cases: Array<[string, Uint8Array, RegExp]> = [
      ['not-a-zip.qdpx', Buffer.from('hello, not a zip'), /not-a-zip\.qdpx: it is not a REFI-QDA project \(\.qdpx is a zip archive/],
      ['no-qde.qdpx', zipSync({ 'readme.txt': Buffer.from('x') }), /no-qde\.qdpx: there is no project\.qde in it/],
      ['slip.qdpx', zipSync({ 'project.qde': Buffer.from('<Project/>'), '../evil.txt': Buffer.from('x') }), /slip\.qdpx: the archive contains the unsafe path "\.\.\/evil\.txt"/],
      ['bomb.qdpx', zipSync({ 'project.qde': Buffer.from('<Project/>'), 'sources/big.txt': new Uint8Array(20 * 1024 * 1024) }), /bomb\.qdpx: it looks like a zip bomb/],
      ['broken.qdpx', zipSync({ 'project.qde': Buffer.from('<?xml version="1.0"?>\n<Project xmlns="urn:QDA-XML:project:1.0" name="x">\n<Sources>\n</Project>') }), /broken\.qdpx › project\.qde: it is not well-formed XML \(line \d+/],
      ['xxe.qdpx', zipSync({ 'project.qde': Buffer.from('<?xml version="1.0"?>\n<!DOCTYPE p [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<Project name="&x;"/>') }), /xxe\.qdpx › project\.qde: line 2 declares a DOCTYPE/],
      ['invalid.qdpx', zipSync({ 'project.qde': Buffer.from('<?xml version="1.0"?>\n<Project xmlns="urn:QDA-XML:project:1.0" name="x">\n<Bogus/>\n</Project>') }), /invalid\.qdpx › project\.qde: it does not match the REFI-QDA Project schema \(line 3/],
    ];
    for (const [name, bytes, message] of cases) {
      it(name, async () => {
        const out = t.path(`${name}.focal`);
        const env = await t.core.call('qdpx-import', { file: { name, dataBase64: b64(bytes) }, out });
        expect(env.ok).toBe(false);
        if (!env.ok) expect(env.error.message).toMatch(message);
        expect(existsSync(out)).toBe(false);
        expect(readdirSync(t.dir).filter((f) => f.includes('importing'))).toEqual([]);
      });
    }
    it('an invalid file imports leniently when asked, its problems listed', async () => {
      const xml = '<?xml version="1.0"?>\n<Project xmlns="urn:QDA-XML:project:1.0" name="x">\n<Bogus/>\n</Project>';
      const r = await t.api['qdpx-import']({ file: { name: 'invalid.qdpx', dataBase64: b64(zipSync({ 'project.qde': Buffer.from(xml) })) }, out: t.path('lenient.focal'), lenient: true });
      expect(r.warnings[0]).toMatch(/does not match the REFI-QDA Project schema.*line 3/);
      expect(existsSync(t.path('lenient.focal'))).toBe(true);
    });
    it('an existing destination is never overwritten', async () => {
      writeFileSync(t.path('taken.focal'), 'mine');
      const env = await t.core.call('qdpx-import', { file: { name: 'mac.qdpx', dataBase64: b64(nvivoMac()) }, out: t.path('taken.focal') });
      expect(env.ok).toBe(false);
      if (!env.ok) expect(env.error.message).toMatch(/already exists/);
    });
  });
});
