/**
 * A quote added from a selection is filed under the code that covers it (issue 11, task 4), so a
 * Word or Markdown bank groups it under that heading, not "Uncoded". With several codes covering
 * it the call files nothing and returns the candidates for the person to choose; the active
 * frame's codes come first. A quote can be re-filed, including back to Uncoded.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { testCore } from '../../support/core';
import { addPerson } from '../gate/gate-fixture';

const TRANSCRIPT = `Title: Filing study

Ana: Peer support gave me hope when nothing else did.

Ben: We were promised ten sessions and we got four.

Ana: The waiting list was the hardest part of all of it.
`;

describe('filing a quote from a selection', () => {
  const { api, core, dir } = testCore();
  let sourceId = 0;
  let turns: Array<{ id: number; start: number; end: number }> = [];
  const codeIds: Record<string, number> = {};
  let frameA = 0;
  let frameB = 0;

  beforeAll(async () => {
    await api['project-new']({ name: 'Filing', path: join(dir, 'f.focal') });
    const file = join(dir, 'filing.txt');
    writeFileSync(file, TRANSCRIPT);
    await api['import-files']({ files: [{ name: 'filing.txt', path: file }] });
    sourceId = (await api['sources-list']({}))[0]!.id;
    turns = (await api['source-get']({ sourceId })).blocks.filter((b) => b.kind === 'turn').map((b) => ({ id: b.id, start: b.start, end: b.end }));
    frameA = (await api['frames-list']({}))[0]!.id;
    frameB = (await api['frame-create']({ name: 'Second frame', kind: 'mainstream' })).id;
    const themes = await api['code-create']({ frameId: frameA, name: 'Themes' });
    codeIds.hope = (await api['code-create']({ frameId: frameA, parentId: themes.id, name: 'Hope' })).id;
    codeIds.access = (await api['code-create']({ frameId: frameA, name: 'Access' })).id;
    codeIds.waiting = (await api['code-create']({ frameId: frameB, name: 'Waiting' })).id;
    // Turn 1: Hope only. Turn 2: nothing. Turn 3: Access (frame A) and Waiting (frame B).
    await api['coding-apply-blocks']({ codeId: codeIds.hope, blockIds: [turns[0]!.id] });
    await api['coding-apply-blocks']({ codeId: codeIds.access, blockIds: [turns[2]!.id] });
    await api['coding-apply-blocks']({ codeId: codeIds.waiting, blockIds: [turns[2]!.id] });
  });

  const inside = (t: { start: number; end: number }) => ({ start: t.start + 5, end: t.end - 5 });
  const quote = async (id: number) => (await api['quotes-list']({ quoteIds: [id] }))[0]!;

  it('files it under the one code whose coding covers the selection', async () => {
    const r = await api['quote-from-selection']({ sourceId, ...inside(turns[0]!) });
    expect(r).toMatchObject({ codeId: codeIds.hope, codePath: 'Themes/Hope', candidates: [] });
    expect((await quote(r.quoteId!)).codePath).toBe('Themes/Hope');
  });

  it('files it as Uncoded when no code covers it, or only part of it', async () => {
    expect(await api['quote-from-selection']({ sourceId, ...inside(turns[1]!) })).toMatchObject({ codeId: null, candidates: [] });
    // Across turns 1 and 2: Hope covers only part of it.
    const across = await api['quote-from-selection']({ sourceId, start: turns[0]!.start + 3, end: turns[1]!.end - 3 });
    expect(across).toMatchObject({ codeId: null, candidates: [] });
    expect(across.quoteId).not.toBeNull();
  });

  it('with several codes covering it, files nothing and returns the candidates', async () => {
    const before = (await api['quotes-list']({})).length;
    const r = await api['quote-from-selection']({ sourceId, ...inside(turns[2]!) });
    expect(r.quoteId).toBeNull();
    expect(r.candidates).toEqual([
      { codeId: codeIds.access, codePath: 'Access', frameId: frameA, frameName: 'Codes' },
      { codeId: codeIds.waiting, codePath: 'Waiting', frameId: frameB, frameName: 'Second frame' },
    ]);
    expect((await api['quotes-list']({})).length).toBe(before);
  });

  it("prefers the active frame's code when the renderer says which frame is active", async () => {
    const r = await api['quote-from-selection']({ sourceId, ...inside(turns[2]!), frameId: frameB });
    expect(r).toMatchObject({ codeId: codeIds.waiting, codePath: 'Waiting', candidates: [] });
  });

  it('files it where the person chose, or as Uncoded when they chose that', async () => {
    const chosen = await api['quote-from-selection']({ sourceId, ...inside(turns[2]!), codeId: codeIds.access });
    expect(chosen).toMatchObject({ codeId: codeIds.access, candidates: [] });
    const uncoded = await api['quote-from-selection']({ sourceId, start: turns[2]!.start + 1, end: turns[2]!.end - 1, codeId: null });
    expect(uncoded).toMatchObject({ codeId: null, candidates: [] });
    expect((await quote(uncoded.quoteId!)).codePath).toBeNull();
  });

  it('offers every code covering a quote for re-filing, and re-files it', async () => {
    const r = await api['quote-from-selection']({ sourceId, ...inside(turns[2]!), codeId: codeIds.access });
    const q = await quote(r.quoteId!);
    expect(q.coveringCodes).toEqual([
      { codeId: codeIds.access, codePath: 'Access' },
      { codeId: codeIds.waiting, codePath: 'Waiting' },
    ]);
    expect((await api['quote-update']({ id: q.id, codeId: codeIds.waiting })).codePath).toBe('Waiting');
    expect((await api['quote-update']({ id: q.id, codeId: null })).codePath).toBeNull();
    await expect(api['quote-update']({ id: q.id, codeId: 99_999 })).rejects.toThrow(/no code with id 99999/);
  });

  it('a Markdown bank puts a selection quote under its code, not under "Uncoded"', async () => {
    const db = core.requireProject().db;
    for (const [label, pseudonym] of [['Ana', 'Mele'], ['Ben', 'Tui']] as const) {
      const person = addPerson(db, { name: `${label} Real`, pseudonym, role: 'peer worker', quote: 'yes' });
      db.prepare('UPDATE speakers SET participant_id = ? WHERE source_id = ? AND label = ?').run(person, sourceId, label);
    }
    const r = await api['quote-from-selection']({ sourceId, start: turns[0]!.start, end: turns[0]!.end });
    const out = join(dir, 'bank.md');
    core.host.chooseExportPath = async () => out;
    const e = await api['export-quotes']({ selection: { quoteIds: [r.quoteId!] }, format: 'md' });
    expect(e.exported).toBe(1);
    const md = readFileSync(out, 'utf8');
    expect(md).toMatch(/Themes.*Hope/);
    expect(md).not.toMatch(/Uncoded/);
  });
});
