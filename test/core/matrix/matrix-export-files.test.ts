/**
 * Matrix and chart files leave the app: each labels people by pseudonym (never a real name, a
 * declined participant's least of all), sources by their export title, and other labels through
 * the rules; forced real names need everyone's consent to be named; every file is audited.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { openTikangaTo } from '../../support/open-frames';
import type { MatrixColumns } from '../../../shared/domain/analysis';
import { sha256 } from '../../../electron/core/export/write-file';
import { testCore } from '../../support/core';

const fx = (f: string) => ({ name: f, path: join(process.cwd(), 'test/fixtures', f) });
const REAL = ['Aroha Ngata', 'Tama Rewiri', 'Mere Tawhiri', 'Koro Hemi', 'Waiata Henare', 'Rachel Moana', 'David Chen', 'Priya Sharma', 'Sam Lee', 'Geoff Baker'];
const SURNAMES = REAL.map((n) => n.split(' ')[1]!);
const FIRST = ['Aroha', 'Tama', 'Mere', 'Waiata', 'Rachel', 'David', 'Priya', 'Geoff', 'GEOFF'];

/** Every text cell of every sheet of an XLSX. */
async function xlsxText(path: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const out: string[] = [];
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => out.push(String(c.value)))));
  return out.join('\n');
}

function expectNoRealNames(text: string) {
  for (const n of [...REAL, ...SURNAMES]) expect(text).not.toContain(n);
  for (const n of FIRST) expect(text).not.toMatch(new RegExp(`\\b${n}\\b`));
}

describe('matrix and chart files', () => {
  const { api, core, path, dir } = testCore();
  const ids: Record<string, number> = {};
  const people: Record<string, number> = {};
  let n = 0;
  const saveTo = (ext: string) => {
    const p = join(dir, `out-${++n}.${ext}`);
    core.host.chooseExportPath = async () => p;
    return p;
  };
  const db = () => core.requireProject().db;

  beforeAll(async () => {
    await api['project-new']({ name: 'Hui at Porirua', path: path('m.focal') });
    await api['participants-import-csv']({ fileName: 'participants.csv', csv: readFileSync(join(process.cwd(), 'test/fixtures/participants.csv'), 'utf8') });
    const res = await api['import-files']({ files: [fx('hui-tupu-group-interview.txt'), fx('focus-group-lived-experience.vtt'), fx('individual-interview-manager.srt')] });
    for (const r of await api['speakers-review']({})) if (r.suggestion.participantId) await api['speakers-map']({ speakerIds: [r.speakerId], participantId: r.suggestion.participantId });
    for (const p of await api['participants-list']({})) people[p.name] = p.id;
    const frameId = (await api['frames-list']({}))[0]!.id;
    await openTikangaTo(api, frameId); // the hui is tikanga-based: opened to the mainstream frame on purpose
    for (const name of ['Relationship', 'Koro only', 'Porirua whānau']) ids[name] = (await api['code-create']({ frameId, name })).id;
    const sources = await Promise.all(res.map((r) => api['source-get']({ sourceId: r.sourceId! })));
    const turns = sources.flatMap((s) => s.blocks.filter((b) => b.kind === 'turn'));
    await api['coding-apply-blocks']({ codeId: ids.Relationship!, blockIds: turns.map((b) => b.id) });
    await api['coding-apply-blocks']({ codeId: ids['Porirua whānau']!, blockIds: turns.slice(0, 3).map((b) => b.id) });
    const hui = sources[0]!;
    const koro = hui.speakers.find((s) => s.label === 'Koro Hemi')!;
    await api['coding-apply-blocks']({ codeId: ids['Koro only']!, blockIds: hui.blocks.filter((b) => b.speakerId === koro.id).map((b) => b.id) });
    // A title holding a place nobody has decided on, and an attribute whose value is a place.
    db().prepare('UPDATE sources SET title = ? WHERE id = ?').run('Hui at Porirua with Aroha Ngata', hui.id);
    // A neutral title names the session's kind: not when the kind itself holds an undecided place.
    db().prepare('UPDATE sources SET title = ?, kind = ? WHERE id = ?').run('Geoff in Porirua', 'interview in Porirua', sources[2]!.id);
    await api['attribute-define']({ name: 'Town', type: 'text' });
    await api['participant-update']({ id: people['Aroha Ngata']!, attributes: { Town: 'Porirua' } });
    await api['participant-update']({ id: people['Rachel Moana']!, attributes: { Town: 'a small town' } });
  });

  const every: MatrixColumns[] = ['participant', 'group', 'attribute', 'role', 'source', 'mode', 'kind'];
  const spec = (cols: MatrixColumns) => (cols === 'attribute' ? { cols, attributeId: 1 } : { cols });

  it('matrix-csv-uses-pseudonyms: CSV and XLSX name no real person, for every kind of column', async () => {
    const attributeId = (await api['attributes-list']({})).find((a) => a.name === 'Town')!.id;
    for (const cols of every) {
      const input = { ...spec(cols), ...(cols === 'attribute' ? { attributeId } : {}) };
      // The screen keeps real names...
      if (cols === 'participant') expect((await api['matrix-run'](input)).cols.map((c) => c.label)).toContain('Aroha Ngata');
      // ...a file never does.
      const csvPath = saveTo('csv');
      const saved = await api['matrix-export']({ ...input, format: 'csv' });
      expect(saved?.path).toBe(csvPath);
      const csv = readFileSync(csvPath, 'utf8');
      expectNoRealNames(csv);
      expect(csv).not.toMatch(/Porirua/);
      const xlsxPath = saveTo('xlsx');
      await api['matrix-export']({ ...input, format: 'xlsx' });
      const x = await xlsxText(xlsxPath);
      expectNoRealNames(x);
      expect(x).not.toMatch(/Porirua/);
      if (cols === 'participant') {
        // Declined to be named → pseudonym; no pseudonym → a neutral label; never the register's name.
        expect(csv).toContain('Huia: segments');
        expect(csv).toContain(`Participant ${people['Waiata Henare']}: segments`);
        expect(csv).toContain(`Participant ${people['Sam Lee']}: segments`);
        // Columns in the order of the labels shown, not of the real names behind them.
        const labels = csv.split('\r\n')[0]!.split(',').filter((h) => h.endsWith(': segments')).map((h) => h.replace(/: segments$/, ''));
        expect(labels).toEqual([...labels].sort((a, b) => a.localeCompare(b, 'en-NZ', { sensitivity: 'base', numeric: true })));
        expect(x).toContain(`Code ${ids['Porirua whānau']}`);
        expect(x).toMatch(new RegExp(`Code ${ids['Porirua whānau']}: the code name holds a place not yet decided`));
      }
      if (cols === 'source') expect(csv).toMatch(/Tikanga-based session \d+ \(tikanga-based group interview\): segments/);
      if (cols === 'attribute') expect(csv).toMatch(/Value \d: segments/);
      if (cols === 'group') expect(csv).not.toMatch(/Te Whare Oranga|Lived experience|research team|Service 7/);
    }
  });

  it('forced real names: refused naming who has not consented; allowed when everyone named consented', async () => {
    saveTo('csv');
    await expect(api['matrix-export']({ cols: 'participant', format: 'csv', realNames: true })).rejects.toMatchObject({
      code: 'blocked-by-gate',
      message: expect.stringMatching(/Aroha Ngata.*have not consented/),
    });
    const refusedRow = db().prepare("SELECT detail FROM audit_log WHERE action = 'file-export-refused' ORDER BY id DESC").pluck().get() as string;
    expect(refusedRow).toBeTruthy();
    expectNoRealNames(refusedRow);
    const p = saveTo('csv');
    await api['matrix-export']({ cols: 'participant', codeIds: [ids['Koro only']!], format: 'csv', realNames: true });
    expect(readFileSync(p, 'utf8')).toContain('Koro Hemi: segments'); // Koro Hemi consented to be named
    const plain = saveTo('csv');
    await api['matrix-export']({ cols: 'participant', codeIds: [ids['Koro only']!], format: 'csv' });
    expect(readFileSync(plain, 'utf8')).not.toContain('Koro Hemi');
  });

  it('charts: SVG and chart-image carry export labels only', async () => {
    for (const chart of [{ kind: 'matrix' as const, matrix: { cols: 'participant' as const } }, { kind: 'frequency' as const }, { kind: 'cooccurrence' as const }]) {
      const image = await api['chart-image']({ chart });
      expectNoRealNames(image.svg);
      expectNoRealNames(image.labels.join('\n'));
      const p = saveTo('svg');
      await api['chart-save']({ chart, format: 'svg' });
      const svg = readFileSync(p, 'utf8');
      expect(svg).toBe(image.svg);
      expectNoRealNames(svg);
      expect(svg).not.toMatch(/Porirua/);
    }
  });

  it('audits each file: an exports row (format, report, destination, SHA-256, no items) and a line with counts, never names', async () => {
    const before = (db().prepare('SELECT max(id) FROM exports').pluck().get() as number | null) ?? 0;
    const files: Array<[string, string]> = [];
    for (const format of ['csv', 'xlsx'] as const) {
      const p = saveTo(format);
      await api['matrix-export']({ cols: 'participant', format });
      files.push([`matrix-${format}`, p]);
    }
    const p = saveTo('svg');
    await api['chart-save']({ chart: { kind: 'frequency' }, format: 'svg' });
    files.push(['chart-svg', p]);
    const rows = db().prepare('SELECT id, format, profile, destination, sha256 FROM exports WHERE id > ? ORDER BY id').all(before) as Array<{ id: number; format: string; profile: string; destination: string; sha256: string }>;
    expect(rows.map((r) => [r.format, r.destination])).toEqual(files);
    for (const [i, r] of rows.entries()) {
      expect(r.profile).toBe('report');
      expect(r.sha256).toBe(sha256(readFileSync(files[i]![1])));
      expect(db().prepare('SELECT count(*) FROM export_items WHERE export_id = ?').pluck().get(r.id)).toBe(0);
      const line = db().prepare("SELECT detail FROM audit_log WHERE action = 'file-exported' AND json_extract(detail, '$.exportId') = ?").pluck().get(r.id) as string;
      expect(JSON.parse(line)).toMatchObject({ exportId: r.id, format: r.format, sha256: r.sha256 });
      expectNoRealNames(line);
      expect(line).not.toMatch(/Huia|Porirua/);
    }
    // A cancelled dialog writes nothing and records nothing.
    core.host.chooseExportPath = async () => null;
    expect(await api['matrix-export']({ cols: 'role', format: 'csv' })).toBeNull();
    expect(db().prepare('SELECT max(id) FROM exports').pluck().get()).toBe(rows.at(-1)!.id);
  });
});
