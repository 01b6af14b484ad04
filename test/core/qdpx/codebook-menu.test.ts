/** The Codes pane's codebook menu in the core: a Word codebook report (code, path, description, counts); import asks the host for a .qdc. */
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { testCore } from '../../support/core';

describe('codebook report (Word) and import through the host', () => {
  it('the Word report holds every code with its path, description and counts; audited', async () => {
    const t = testCore();
    await t.api['project-new']({ name: 'Hauora study', path: t.path('a.focal') });
    const frameId = (await t.api['frames-list']({}))[0]!.id;
    const whanau = await t.api['code-create']({ frameId, name: 'Whānau', description: 'Family & kin' });
    await t.api['code-create']({ frameId, parentId: whanau.id, name: 'Connection' });
    const asked: string[] = [];
    t.core.host.chooseExportPath = async (name) => (asked.push(name), t.path('book.docx'));
    const r = await t.api['qdc-export']({ frameId, format: 'docx' });
    expect(r).toMatchObject({ format: 'docx', codes: 2, path: t.path('book.docx') });
    expect(asked).toEqual(['Hauora study codebook.docx']);
    const xml = strFromU8(unzipSync(readFileSync(t.path('book.docx')))['word/document.xml']!);
    for (const s of ['Codebook: Hauora study', 'Whānau', 'Family &amp; kin', 'Whānau › Connection', '0 segments · 0 sources · 0 participants']) expect(xml).toContain(s);
    expect((await t.api['audit-exports']({}))[0]).toMatchObject({ format: 'codebook-docx', status: 'complete', sha256: r.sha256 });
  });

  it('import without a file asks the host for a REFI codebook (.qdc), not for transcripts', async () => {
    const t = testCore();
    await t.api['project-new']({ name: 'B', path: t.path('b.focal') });
    const frameId = (await t.api['frames-list']({}))[0]!.id;
    const kinds: string[] = [];
    t.core.host.chooseDataFile = async (_purpose, kind) => (kinds.push(kind), null);
    const r = await t.api['qdc-import']({ frameId });
    expect(kinds).toEqual(['refi-codebook']);
    expect(r.file).toBeNull();
  });
});
