import { join } from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { runFocal } from '../support/run-cli';
import { tempDir } from '../support/temp';
import { testCore } from '../support/core';
import { openTikangaInFile } from '../support/open-frames';

const dir = tempDir();
const env = { FOCAL_DATA_DIR: `${dir}/cli-state`, FOCAL_USER: 'CLI Coder' };
const project = `${dir}/search.focal`;
const fx = (f: string) => join(process.cwd(), 'test/fixtures', f);
const { api } = testCore();

describe('focal search / query / matrix', () => {
  beforeAll(async () => {
    expect(runFocal(['new', project], env).code).toBe(0);
    expect(runFocal(['import', project, fx('hui-tupu-group-interview.txt'), fx('individual-interview-manager.srt')], env).code).toBe(0);
    for (const c of ['Whānau', 'Paperwork']) expect(runFocal(['code', 'add', project, c], env).code).toBe(0);
    await openTikangaInFile(api, project); // the hui is tikanga-based: opened to the mainstream frame on purpose
  });

  it('searches with and without macrons, as text and JSON', () => {
    const r = runFocal(['search', project, 'whanau'], env);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^3 passages match whanau/); // four mentions in three turns
    expect(r.stdout).toContain('[whānau]');
    expect(r.stdout).toContain('[whanau]');
    const j = JSON.parse(runFocal(['search', project, 'Maaori', '--json'], env).stdout);
    expect(j.total).toBe(1);
    expect(j.hits[0].speaker.label).toBe('Koro Hemi');
    expect(j.hits[0].context.filter((s: { hit: boolean }) => s.hit).map((s: { text: string }) => s.text)).toEqual(['Maaori']);
    expect(runFocal(['search', project, 'tuakana–teina', '--json'], env).stdout).toMatch(/"total": 1/);
  });

  it('codes with the CLI, then queries and builds a matrix', () => {
    // Code two ranges found by search: the turns mentioning whānau, and the paperwork turns.
    const w = JSON.parse(runFocal(['search', project, 'whanau', '--json'], env).stdout);
    for (const h of w.hits) expect(runFocal(['code', 'apply', project, '--source', String(h.sourceId), '--start', String(h.blockStart), '--end', String(h.blockEnd), '--code', 'Whānau'], env).code).toBe(0);
    const p = JSON.parse(runFocal(['search', project, 'paperwork OR records OR notes', '--json'], env).stdout);
    for (const h of p.hits) expect(runFocal(['code', 'apply', project, '--source', String(h.sourceId), '--start', String(h.matches[0].start), '--end', String(h.matches[0].end), '--code', 'Paperwork'], env).code).toBe(0);

    const and = JSON.parse(runFocal(['query', project, '--and', 'Whānau', '--and', 'Paperwork', '--json'], env).stdout);
    expect(and.total).toBe(0);
    const or = JSON.parse(runFocal(['query', project, '--or', 'whānau', '--or', 'Paperwork', '--json'], env).stdout);
    expect(or.total).toBe(3 + p.hits.length);
    const not = JSON.parse(runFocal(['query', project, '--or', 'Whānau', '--not', 'Paperwork', '--json'], env).stdout);
    expect(not.total).toBe(3);
    const text = runFocal(['query', project, '--or', 'Whānau', '--role', 'facilitator'], env);
    expect(text.stdout).toMatch(/^0 segments/);
    expect(runFocal(['query', project, '--and', 'Nope'], env).stderr).toMatch(/no code "Nope"/);
    expect(JSON.parse(runFocal(['query', project, '--or', 'Whānau', '--frame', 'Codes', '--json'], env).stdout).total).toBe(3);
    expect(runFocal(['query', project, '--or', 'Whānau', '--frame', 'Nope'], env).stderr).toMatch(/no code frame named "Nope"/);
    expect(runFocal(['query', project], env).code).toBe(2);

    const m = JSON.parse(runFocal(['matrix', project, '--rows', 'codes', '--cols', 'source', '--json'], env).stdout);
    expect(m.rows.map((r: { name: string }) => r.name)).toEqual(['Whānau', 'Paperwork']);
    expect(m.rowTotals[0]).toMatchObject({ segments: 3 });
    // Both modes and both kinds of talk: each said in a note.
    expect(m.warnings).toEqual(expect.arrayContaining([expect.stringMatching(/kinds of talk differ/), expect.stringMatching(/mix mainstream focus groups and tikanga-based hui/)]));
    const csv = runFocal(['matrix', project, '--cols', 'role', '--csv'], env);
    const rows = Papa.parse<string[]>(csv.stdout.trim()).data;
    expect(rows[0]![0]).toBe('Code');
    expect(rows[1]![0]).toBe('Whānau');
    expect(csv.stderr).toMatch(/note: .*kinds of talk differ/);
    const table = runFocal(['matrix', project, '--cols', 'role'], env);
    expect(table.stdout).toMatch(/Codes by roles \(segments \/ participants\)/);
    expect(runFocal(['matrix', project, '--cols', 'colour'], env).code).toBe(2);
  }, 120_000); // about 25 CLI runs: give a loaded machine room
});
