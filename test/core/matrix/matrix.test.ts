import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { openTikangaTo } from '../../support/open-frames';
import { runMatrix } from '../../../electron/core/matrix/matrix';
import { matrixCsv, matrixXlsx } from '../../../electron/core/matrix/matrix-export';
import { testCore } from '../../support/core';

const fx = (f: string) => ({ name: f, path: join(process.cwd(), 'test/fixtures', f) });

describe('matrix coding', () => {
  const { api, core, path } = testCore();
  let hui: Awaited<ReturnType<(typeof api)['source-get']>>;
  let vtt: Awaited<ReturnType<(typeof api)['source-get']>>;
  let srt: Awaited<ReturnType<(typeof api)['source-get']>>;
  const ids: Record<string, number> = {};
  const turns = (src: typeof hui, label: string) => {
    const sp = src.speakers.find((s) => s.label === label)!;
    return src.blocks.filter((b) => b.kind === 'turn' && b.speakerId === sp.id);
  };

  beforeAll(async () => {
    await api['project-new']({ name: 'Matrix', path: path('m.focal') });
    await api['participants-import-csv']({ fileName: 'participants.csv', csv: readFileSync(join(process.cwd(), 'test/fixtures/participants.csv'), 'utf8') });
    const res = await api['import-files']({ files: [fx('hui-tupu-group-interview.txt'), fx('focus-group-lived-experience.vtt'), fx('individual-interview-manager.srt')] });
    for (const r of await api['speakers-review']({})) if (r.suggestion.participantId) await api['speakers-map']({ speakerIds: [r.speakerId], participantId: r.suggestion.participantId });
    [hui, vtt, srt] = (await Promise.all(res.map((r) => api['source-get']({ sourceId: r.sourceId! })))) as [typeof hui, typeof hui, typeof hui];
    const frameId = (await api['frames-list']({}))[0]!.id;
    await openTikangaTo(api, frameId); // the hui is tikanga-based: opened to the mainstream frame on purpose
    for (const n of ['Relationship', 'Paperwork']) ids[n] = (await api['code-create']({ frameId, name: n })).id;
    // Relationship: two Aroha turns, one Tama turn, Rachel's turn, and Geoff's first two (individual interview).
    await api['coding-apply-blocks']({ codeId: ids.Relationship!, blockIds: [...turns(hui, 'Aroha Ngata').slice(0, 2), turns(hui, 'Tama Rewiri')[0]!, turns(vtt, 'Rachel Moana')[0]!, ...turns(srt, 'GEOFF').slice(0, 2)].map((b) => b.id) });
    // Paperwork: one coding across Aroha's 2nd turn into Mere's next turn (two speakers).
    const a = turns(hui, 'Aroha Ngata')[1]!;
    const m = turns(hui, 'Mere Tawhiri')[0]!;
    await api['coding-apply']({ codeId: ids.Paperwork!, sourceId: hui.id, start: a.start + 5, end: m.start + 10 });
  });

  it('counts segments and distinct participants by role', async () => {
    const m = await api['matrix-run']({ codeIds: [ids.Relationship!, ids.Paperwork!], cols: 'role' });
    const cell = (code: string, role: string) => m.cells[m.rows.findIndex((r) => r.name === code)]![m.cols.findIndex((c) => c.label === role)];
    expect(cell('Relationship', 'peer supporter')).toEqual({ segments: 3, participants: 2 });
    expect(cell('Relationship', 'manager')).toEqual({ segments: 2, participants: 1 });
    expect(cell('Relationship', 'peer support worker')).toEqual({ segments: 1, participants: 1 });
    // A coding across two speakers counts in both their columns, once in the row total.
    expect(cell('Paperwork', 'peer supporter')).toEqual({ segments: 1, participants: 1 });
    expect(cell('Paperwork', 'manager')).toEqual({ segments: 1, participants: 1 });
    expect(m.rowTotals).toEqual([
      { segments: 6, participants: 4 },
      { segments: 1, participants: 2 },
    ]);
    expect(m.maxSegments).toBe(3);
    expect(m.colsLabel).toBe('Roles');
  });

  it('columns by participant, group, source, mode, kind and attribute value', async () => {
    const rel = [ids.Relationship!];
    const byP = await api['matrix-run']({ codeIds: rel, cols: 'participant' });
    expect(Object.fromEntries(byP.cols.map((c, j) => [c.label, byP.cells[0]![j]!.segments]))).toEqual({ 'Aroha Ngata': 2, 'Geoff Baker': 2, 'Rachel Moana': 1, 'Tama Rewiri': 1 });
    const byG = await api['matrix-run']({ codeIds: rel, cols: 'group' });
    expect(Object.fromEntries(byG.cols.map((c, j) => [c.label, byG.cells[0]![j]]))).toMatchObject({ 'Te Whare Oranga rōpū': { segments: 3, participants: 2 }, 'Lived experience group 2': { segments: 1, participants: 1 } });
    const bySource = await api['matrix-run']({ codeIds: rel, cols: 'source' });
    expect(bySource.cols.map((c) => c.key)).toEqual([hui.id, vtt.id, srt.id].map(String));
    const byMode = await api['matrix-run']({ codeIds: rel, cols: 'mode' });
    expect(Object.fromEntries(byMode.cols.map((c, j) => [c.label, byMode.cells[0]![j]!.segments]))).toEqual({ mainstream: 3, tikanga: 3 });
    await api['attribute-define']({ name: 'Years in role', type: 'choice', choices: ['<2', '2-5', '5+'] });
    const people = await api['participants-list']({});
    await api['participant-update']({ id: people.find((p) => p.name === 'Aroha Ngata')!.id, attributes: { 'Years in role': '5+' } });
    await api['participant-update']({ id: people.find((p) => p.name === 'Rachel Moana')!.id, attributes: { 'Years in role': '<2' } });
    const attr = (await api['attributes-list']({})).find((a) => a.name === 'Years in role')!;
    const byA = await api['matrix-run']({ codeIds: rel, cols: 'attribute', attributeId: attr.id });
    expect(Object.fromEntries(byA.cols.map((c, j) => [c.label, byA.cells[0]![j]]))).toEqual({
      '5+': { segments: 2, participants: 1 },
      '<2': { segments: 1, participants: 1 },
      '(no value)': { segments: 3, participants: 2 },
    });
    expect(byA.colsLabel).toBe('Years in role');
    await expect(api['matrix-run']({ codeIds: rel, cols: 'attribute' })).rejects.toMatchObject({ code: 'bad-input' });
    // Mode filter.
    const tikanga = await api['matrix-run']({ codeIds: rel, cols: 'participant', mode: 'tikanga' });
    expect(tikanga.cols.map((c) => c.label)).toEqual(['Aroha Ngata', 'Tama Rewiri']);
  });

  it('warns when individual interviews and group sessions are compared', async () => {
    const mixed = await api['matrix-run']({ codeIds: [ids.Relationship!], cols: 'source' });
    // Two notes: the hui and the focus groups are different modes; and interviews are not group talk.
    expect(mixed.warnings).toHaveLength(2);
    expect(mixed.warnings[0]).toMatch(/mix mainstream focus groups and tikanga-based hui/);
    expect(mixed.warnings[1]).toMatch(/1 individual interview with 2 group sessions: the kinds of talk differ/);
    const groupsOnly = await api['matrix-run']({ codeIds: [ids.Paperwork!], cols: 'source' });
    expect(groupsOnly.warnings).toEqual([]);
    const mainstreamOnly = await api['matrix-run']({ codeIds: [ids.Relationship!], cols: 'source', mode: 'mainstream' });
    expect(mainstreamOnly.warnings).toHaveLength(1);
    expect(mainstreamOnly.warnings[0]).toMatch(/1 individual interview with 1 group session: the kinds of talk differ/);
  });

  it('a cell opens to its segments', async () => {
    const m = await api['matrix-run']({ codeIds: [ids.Relationship!, ids.Paperwork!], cols: 'role' });
    const col = m.cols.find((c) => c.label === 'manager')!;
    const { segments: segs, total } = await api['matrix-cell']({ codeIds: [ids.Relationship!, ids.Paperwork!], cols: 'role', codeId: ids.Paperwork!, colKey: col.key });
    expect(total).toBe(1);
    expect(segs).toHaveLength(1);
    expect(segs[0]!.speakers.map((s) => s.name)).toEqual(['Aroha Ngata', 'Mere Tawhiri']);
    const rel = (await api['matrix-cell']({ cols: 'role', codeId: ids.Relationship!, colKey: col.key })).segments;
    const firstOnly = await api['matrix-cell']({ cols: 'role', codeId: ids.Relationship!, colKey: col.key, limit: 1 });
    expect([firstOnly.segments.length, firstOnly.total]).toEqual([1, 2]);
    expect(rel.map((s) => s.sourceId)).toEqual([srt.id, srt.id]);
    expect(rel[0]!.text).toBe(srt.text.slice(turns(srt, 'GEOFF')[0]!.start, turns(srt, 'GEOFF')[0]!.end));
  });

  it('exports CSV and XLSX with counts only, no quote text', async () => {
    const m = runMatrix(core.requireProject().db, { codeIds: [ids.Relationship!, ids.Paperwork!], cols: 'role' });
    const csv = matrixCsv(m);
    const parsed = Papa.parse<string[]>(csv).data;
    expect(parsed[0]).toEqual(['Code', ...m.cols.flatMap((c) => [`${c.label}: segments`, `${c.label}: participants`]), 'Total segments', 'Total participants']);
    expect(parsed[1]![0]).toBe('Relationship');
    expect(parsed[1]!.slice(1).every((v) => /^\d+$/.test(v))).toBe(true);
    expect(csv).not.toMatch(/whakapapa|paperwork first/i);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await matrixXlsx(m, 'Matrix')) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Segments', 'Participants', 'About']);
    const seg = wb.getWorksheet('Segments')!;
    expect(seg.getRow(2).getCell(1).value).toBe('Relationship');
    expect(seg.getRow(2).getCell(m.cols.length + 2).value).toBe(6);
    // Through the API, written where the host says.
    const saved = await api['matrix-export']({ codeIds: [ids.Relationship!], cols: 'role', format: 'csv' });
    expect(saved).toBeNull(); // the headless host chooses no path
  });

  it("finds each coding's turns from covering indexes alone", () => {
    const db = core.requireProject().db;
    const plan = (db.prepare(`EXPLAIN QUERY PLAN SELECT count(*) FROM codings cd
      LEFT JOIN blocks b ON b.source_id = cd.source_id AND b.kind = 'turn'
        AND b.start >= COALESCE((SELECT max(b0.start) FROM blocks b0 WHERE b0.source_id = cd.source_id AND b0.start <= cd.start), 0)
        AND b.start < cd.end AND b.end > cd.start
      WHERE cd.code_id IN (SELECT value FROM json_each(?))`).all('[1]') as Array<{ detail: string }>).map((r) => r.detail).join('\n');
    expect(plan).toMatch(/SEARCH cd USING COVERING INDEX codings_code_range/);
    expect(plan).toMatch(/SEARCH b USING COVERING INDEX blocks_source_turns \(source_id=\? AND start>\? AND start<\?\)/);
    expect(plan).not.toMatch(/SCAN (cd|b)\b/);
  });

  it('co-occurrence counts overlapping codings both ways', async () => {
    const co = await api['codes-cooccurrence']({ codeIds: [ids.Relationship!, ids.Paperwork!] });
    const r = co.codes.findIndex((c) => c.name === 'Relationship');
    const p = co.codes.findIndex((c) => c.name === 'Paperwork');
    expect(co.counts[r]![r]).toBe(6);
    expect(co.counts[p]![p]).toBe(1);
    expect(co.counts[p]![r]).toBe(1); // the Paperwork coding overlaps Aroha's coded turn
    expect(co.counts[r]![p]).toBe(1);
  });
});
