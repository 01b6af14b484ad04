/**
 * REFI-QDA codebooks: export validates against the Codebook schema; import(export(frame)) gives the
 * same tree, colours, descriptions and GUIDs in a fresh project; a second import changes nothing;
 * the namespace variants seen in the wild are read; hostile or invalid files are refused, naming
 * the file and the problem (with its line).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { schemaProblems } from '../../../electron/core/exchange/qda-xml';
import { testCore } from '../../support/core';

type Api = ReturnType<typeof testCore>['api'];

async function tree(api: Api, frameId: number) {
  const codes = await api['codes-list']({ frameId });
  const byId = new Map(codes.map((c) => [c.id, c]));
  const pathOf = (id: number): string => {
    const c = byId.get(id)!;
    return c.parentId === null ? c.name : `${pathOf(c.parentId)}/${c.name}`;
  };
  return codes.map((c) => ({ path: pathOf(c.id), color: c.color.toLowerCase(), description: c.description })).sort((a, b) => a.path.localeCompare(b.path));
}

const guidsOf = (core: ReturnType<typeof testCore>['core'], frameId: number) =>
  Object.fromEntries((core.requireProject().db.prepare('SELECT name, guid FROM codes WHERE frame_id = ?').all(frameId) as { name: string; guid: string }[]).map((r) => [r.name, r.guid]));

const book = (ns: string | null, codes: string, extra = '') =>
  `<?xml version="1.0" encoding="utf-8"?>\n<CodeBook${ns === null ? '' : ` xmlns="${ns}"`} origin="hand">\n<Codes>\n${codes}\n</Codes>${extra}\n</CodeBook>\n`;

describe('codebook export and import (REFI-QDA .qdc)', () => {
  const a = testCore();
  const b = testCore();
  let frameA = 0;
  let frameB = 0;
  let qdc = '';

  beforeAll(async () => {
    await a.api['project-new']({ name: 'Hauora study', path: a.path('a.focal') });
    frameA = (await a.api['frames-list']({}))[0]!.id;
    const whanau = await a.api['code-create']({ frameId: frameA, name: 'Whānau', color: '#336699', description: 'Family & kin: "extended", <not> nuclear.\nSecond line.' });
    const conn = await a.api['code-create']({ frameId: frameA, parentId: whanau.id, name: 'Connection', color: '#AABBCC' });
    await a.api['code-create']({ frameId: frameA, parentId: conn.id, name: 'Te reo at home 🌿', description: 'tab\there' });
    await a.api['code-create']({ frameId: frameA, name: 'Services', description: '' });
    await a.api['code-create']({ frameId: frameA, parentId: whanau.id, name: 'Tab\there "quoted" & <angled>', description: 'CR\r\nLF' });
    await b.api['project-new']({ name: 'Colleague', path: b.path('b.focal') });
    frameB = (await b.api['frames-list']({}))[0]!.id;
  });

  it('writes a .qdc that validates against the Codebook schema, with GUIDs, colours and descriptions, audited', async () => {
    const asked: string[] = [];
    a.core.host.chooseExportPath = async (name) => (asked.push(name), a.path('out.qdc'));
    const r = await a.api['qdc-export']({ frameId: frameA });
    expect(r).toMatchObject({ path: a.path('out.qdc'), format: 'qdc', codes: 5 });
    expect(asked).toEqual(['Hauora study codebook.qdc']);
    qdc = readFileSync(a.path('out.qdc'), 'utf8');
    expect(await schemaProblems(qdc, 'Codebook-mrt2019.xsd')).toEqual([]);
    expect(qdc).toContain('xmlns="urn:QDA-XML:codebook:1.0"');
    expect(qdc).not.toContain('<Sets');
    for (const [name, guid] of Object.entries(guidsOf(a.core, frameA))) expect(qdc).toContain(`guid="${guid}" name="${name.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\t/g, '&#9;')}"`);
    const audit = await a.api['audit-exports']({});
    expect(audit[0]).toMatchObject({ format: 'qdc', status: 'complete', sha256: r.sha256 });
  });

  it('imports into a fresh project: the same tree, colours, descriptions and GUIDs, as one undoable step', async () => {
    const r = await b.api['qdc-import']({ file: { name: 'out.qdc', path: a.path('out.qdc') }, frameId: frameB });
    expect(r).toMatchObject({ file: 'out.qdc', created: 5, matched: 0, renamed: [], warnings: [], undoLabel: 'Import codebook "out.qdc"' });
    expect(await tree(b.api, frameB)).toEqual(await tree(a.api, frameA));
    expect((await tree(b.api, frameB)).find((c) => c.path === 'Whānau')!.description).toBe('Family & kin: "extended", <not> nuclear.\nSecond line.');
    expect(guidsOf(b.core, frameB)).toEqual(guidsOf(a.core, frameA));
    expect((await b.api['history-state']({})).canUndo?.label).toBe('Import codebook "out.qdc"');
    await b.api['history-undo']({});
    expect(await b.api['codes-list']({ frameId: frameB })).toEqual([]);
    await b.api['history-redo']({});
    expect(guidsOf(b.core, frameB)).toEqual(guidsOf(a.core, frameA));
  });

  it('a second import of the same file changes nothing and adds no undo step', async () => {
    const before = await b.api['history-state']({});
    const r = await b.api['qdc-import']({ file: { name: 'out.qdc', dataBase64: Buffer.from(qdc).toString('base64') }, frameId: frameB });
    expect(r).toMatchObject({ created: 0, matched: 5, renamed: [], moved: 0, updated: 0, undoLabel: null });
    expect(r.codes.every((c) => c.outcome === 'matched-guid')).toBe(true);
    expect(await b.api['history-state']({})).toEqual(before);
    expect(await tree(b.api, frameB)).toEqual(await tree(a.api, frameA));
  });

  it('matches by GUID first (a rename and a new colour are taken and reported), then by path', async () => {
    const g = guidsOf(b.core, frameB);
    const edited = book(
      'urn:QDA-XML:codebook:1.0',
      `<Code guid="${g['Services']}" name="Health services" isCodable="true" color="#F00"/>
<Code guid="11111111-2222-4333-8444-555555555555" name="whānau" isCodable="true"><Code guid="11111111-2222-4333-8444-666666666666" name="Kaumātua" isCodable="true"/></Code>`,
    );
    writeFileSync(b.path('edited.qdc'), edited);
    const r = await b.api['qdc-import']({ file: { name: 'edited.qdc', path: b.path('edited.qdc') }, frameId: frameB });
    expect(r.renamed).toEqual([{ from: 'Services', to: 'Health services', path: 'Health services' }]);
    expect(r).toMatchObject({ created: 1, matched: 2, updated: 1 });
    expect(r.codes.map((c) => [c.path, c.outcome])).toEqual([
      ['Health services', 'matched-guid'],
      ['whānau', 'matched-path'],
      ['whānau/Kaumātua', 'created'],
    ]);
    const paths = (await tree(b.api, frameB)).map((c) => c.path);
    expect(paths.filter((p) => p.toLowerCase() === 'whānau')).toHaveLength(1);
    expect((await tree(b.api, frameB)).find((c) => c.path === 'Health services')!.color).toBe('#ff0000');
    expect(guidsOf(b.core, frameB)['Kaumātua']).toBe('11111111-2222-4333-8444-666666666666');
  });

  it('a GUID that belongs to another frame is not reused: the code gets a new one, with a warning', async () => {
    const second = await b.api['frame-create']({ name: 'Second', kind: 'mainstream' });
    const r = await b.api['qdc-import']({ file: { name: 'out.qdc', path: a.path('out.qdc') }, frameId: second.id });
    expect(r.created).toBe(5);
    expect(r.warnings.join('\n')).toMatch(/belongs to a code in the frame/);
    const there = guidsOf(b.core, second.id);
    for (const guid of Object.values(there)) expect(Object.values(guidsOf(a.core, frameA))).not.toContain(guid);
  });

  it('imports into a new frame when asked', async () => {
    const r = await b.api['qdc-import']({ file: { name: 'out.qdc', path: a.path('out.qdc') }, newFrame: { name: 'From colleague', kind: 'mainstream' } });
    expect(r).toMatchObject({ frameName: 'From colleague', created: 5 });
    await expect(b.api['qdc-import']({ file: { name: 'out.qdc', path: a.path('out.qdc') }, newFrame: { name: 'from colleague', kind: 'mainstream' } })).rejects.toMatchObject({ code: 'conflict' });
  });

  it.each([
    ['urn:QDA-XML:codebook:1.0', false, 1],
    ['urn:QDA-XML:codebook:1:0', true, 2],
    ['urn:QDA-XML:codebook:0:4', true, 3],
  ])('reads a hand-written codebook in the namespace %s', async (ns, warned, n) => {
    const { api, path } = fresh;
    const name = `ns-${n}.qdc`;
    writeFileSync(
      path(name),
      book(ns, `<Code guid="{A1B2C3D4-E5F6-4711-8899-AABBCCDDEEF${n}}" name="Mana" isCodable="true" color="#4AB">\n  <Description>Authority, prestige</Description>\n  <Code guid="a1b2c3d4-e5f6-4711-8899-aabbccddee0${n}" name="Mana motuhake" isCodable="false"/>\n</Code>`),
    );
    const frame = await api['frame-create']({ name: `Frame ${name}`, kind: 'kaupapa-maori' });
    const r = await api['qdc-import']({ file: { name, path: path(name) }, frameId: frame.id });
    expect(r).toMatchObject({ created: 2, namespace: ns });
    expect(r.warnings.some((w) => /namespace/.test(w))).toBe(warned);
    expect(r.warnings.join('\n')).toMatch(/not codable/);
    expect(await tree(api, frame.id)).toEqual([
      { path: 'Mana', color: '#44aabb', description: 'Authority, prestige' },
      { path: 'Mana/Mana motuhake', color: expect.stringMatching(/^#[0-9a-f]{6}$/), description: '' },
    ]);
    // Braces and upper case are read as the same GUID, stored canonically.
    expect(r.codes[0]!.guid).toBe(`a1b2c3d4-e5f6-4711-8899-aabbccddeef${n}`);
  });

  const fresh = testCore();
  let freshFrame = 0;
  beforeAll(async () => {
    await fresh.api['project-new']({ name: 'Fresh', path: fresh.path('fresh.focal') });
    freshFrame = (await fresh.api['frames-list']({}))[0]!.id;
  });

  const refused = async (name: string, text: string | Buffer, lenient = false) => {
    writeFileSync(fresh.path(name), text);
    const before = (await fresh.api['codes-list']({})).length;
    const e = await fresh.api['qdc-import']({ file: { name, path: fresh.path(name) }, frameId: freshFrame, lenient }).then(
      () => null,
      (x: { code: string; message: string }) => x,
    );
    expect((await fresh.api['codes-list']({})).length).toBe(before);
    return e;
  };

  it('refuses a DOCTYPE with entities (billion laughs) and external entities (XXE), naming the file; nothing is imported', async () => {
    const lol = `<?xml version="1.0"?>\n<!DOCTYPE CodeBook [\n <!ENTITY a "aaaaaaaaaa">\n <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">\n <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">\n]>\n<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="a1b2c3d4-e5f6-4711-8899-aabbccddee01" name="&c;" isCodable="true"/></Codes></CodeBook>`;
    expect(await refused('laughs.qdc', lol)).toMatchObject({ code: 'bad-input', message: expect.stringMatching(/^laughs\.qdc: line 2 declares a DOCTYPE/) });
    const xxe = `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="a1b2c3d4-e5f6-4711-8899-aabbccddee02" name="&x;" isCodable="true"/></Codes></CodeBook>`;
    const e = await refused('xxe.qdc', xxe);
    expect(e?.message).toMatch(/^xxe\.qdc: .*DOCTYPE/);
    expect(e?.message).not.toMatch(/root:/);
  });

  it('reports a codebook with schema errors, with where; imports what is readable only when asked', async () => {
    const bad = book('urn:QDA-XML:codebook:1.0', `<Code guid="not-a-guid" name="One" isCodable="true"/>\n<Code guid="a1b2c3d4-e5f6-4711-8899-aabbccddee03" isCodable="true"/>`, '<Sets/>');
    const e = await refused('bad.qdc', bad);
    expect(e).toMatchObject({ code: 'bad-input' });
    expect(e!.message).toMatch(/^bad\.qdc: it does not match the REFI Codebook schema \(line 4: .*guid.*; line 5: .*name.*; line 6: .*Sets/);
    const r = await fresh.api['qdc-import']({ file: { name: 'bad.qdc', path: fresh.path('bad.qdc') }, frameId: freshFrame, lenient: true });
    expect(r.created).toBe(2);
    expect(r.warnings.join('\n')).toMatch(/line 4/);
    expect(r.warnings.join('\n')).toMatch(/Unnamed code/);
  });

  it('refuses what is not a codebook: a project file, another namespace, malformed XML, binary, too big', async () => {
    expect((await refused('p.qdc', '<?xml version="1.0"?><Project xmlns="urn:QDA-XML:project:1.0" name="x"/>'))?.message).toMatch(/^p\.qdc: this is a REFI-QDA project/);
    expect((await refused('ns.qdc', book('urn:example:other', '<Code guid="a1b2c3d4-e5f6-4711-8899-aabbccddee04" name="X" isCodable="true"/>')))?.message).toMatch(/^ns\.qdc: its namespace "urn:example:other"/);
    expect((await refused('broken.qdc', '<?xml version="1.0"?>\n<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>\n<Code name="x"></Codes></CodeBook>'))?.message).toMatch(/^broken\.qdc: it is not well-formed XML \(line \d/);
    expect((await refused('ent.qdc', book('urn:QDA-XML:codebook:1.0', '<Code guid="a1b2c3d4-e5f6-4711-8899-aabbccddee06" name="a&nbsp;b" isCodable="true"/>')))?.message).toMatch(/^ent\.qdc: it is not well-formed XML \(line 4: Entity 'nbsp' not defined/);
    expect((await refused('bin.qdc', Buffer.from([0xff, 0x00, 0xc3, 0x28, 0x00])))?.message).toMatch(/^bin\.qdc: /);
    expect((await refused('big.qdc', Buffer.alloc(64 * 1024 * 1024 + 1, 0x20)))?.message).toMatch(/^big\.qdc: the file is 64\.0 MB, more than/);
    expect((await refused('missing.qdc', '')))?.toMatchObject({ code: 'bad-input' });
  });

  it('reads UTF-16 with a BOM (as some Windows tools write)', async () => {
    const text = book('urn:QDA-XML:codebook:1.0', '<Code guid="a1b2c3d4-e5f6-4711-8899-aabbccddee05" name="Āhua" isCodable="true"/>').replace('utf-8', 'UTF-16');
    writeFileSync(fresh.path('u16.qdc'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const r = await fresh.api['qdc-import']({ file: { name: 'u16.qdc', path: fresh.path('u16.qdc') }, frameId: freshFrame });
    expect(r.codes.map((c) => c.path)).toEqual(['Āhua']);
  });
});

describe('codebook export: the frame, the file name, the CSV report', () => {
  const { api, core, path } = testCore();
  let frameId = 0;
  const asked: string[] = [];

  beforeAll(async () => {
    await api['project-new']({ name: 'Voices of Tarquin Smythe', path: path('m.focal') });
    frameId = (await api['frames-list']({}))[0]!.id;
    core.host.chooseExportPath = async (name, ext) => (asked.push(name), path(`out-${asked.length}.${ext[0]}`));
  });

  it('refuses an empty frame (a codebook needs a code) and writes nothing', async () => {
    await expect(api['qdc-export']({ frameId })).rejects.toMatchObject({ code: 'bad-input', message: expect.stringMatching(/has no codes/) });
    expect(asked).toEqual([]);
  });

  it('the suggested file name holds no undecided identifier from the project name', async () => {
    await api['code-create']({ frameId, name: '=SUM(A1)', description: '+cmd' });
    await api['qdc-export']({ frameId });
    expect(asked.at(-1)).toBe('Focal project codebook.qdc');
  });

  it('writes the CSV codebook report with counts, formula-safe', async () => {
    const r = await api['qdc-export']({ frameId, format: 'csv' });
    const csv = readFileSync(r.path!, 'utf8');
    expect(csv.startsWith('\uFEFFCode,Path,Description,Colour,Segments,Sources,Participants\r\n')).toBe(true);
    expect(csv).toContain("'=SUM(A1),'=SUM(A1),'+cmd,");
    expect(csv).toMatch(/,0,0,0\r\n$/);
    expect((await api['audit-exports']({}))[0]).toMatchObject({ format: 'codebook-csv', status: 'complete' });
  });

  it('with several frames, asks which one', async () => {
    await api['frame-create']({ name: 'Another', kind: 'mainstream' });
    await expect(api['qdc-export']({})).rejects.toMatchObject({ code: 'bad-input', message: expect.stringMatching(/2 code frames/) });
  });
});
