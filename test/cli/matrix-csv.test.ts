/**
 * `focal matrix --csv`: to a file or to stdout, the CSV leaves the app, so it carries export labels
 * (pseudonyms, neutral labels, export titles), is written atomically and audited; `--real-names`
 * is refused unless everyone named consented to be named.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { testCore } from '../support/core';
import { openTikangaTo } from '../support/open-frames';
import { runFocal } from '../support/run-cli';

const REAL = ['Aroha Ngata', 'Tama Rewiri', 'Mere Tawhiri', 'Koro Hemi', 'Waiata Henare', 'Rachel Moana', 'David Chen', 'Priya Sharma', 'Sam Lee', 'Geoff Baker'];
const expectNoRealNames = (text: string) => {
  for (const n of [...REAL, ...REAL.map((r) => r.split(' ')[1]!), 'Aroha', 'Waiata', 'Geoff']) expect(text).not.toMatch(new RegExp(`\\b${n}\\b`, 'i'));
};

describe('focal matrix --csv', () => {
  const { api, path, dir } = testCore();
  const project = path('cli-matrix.focal');
  const env = { FOCAL_DATA_DIR: join(dir, 'cli-state'), FOCAL_USER: 'CLI Coder' };

  beforeAll(async () => {
    await api['project-new']({ name: 'CLI matrix', path: project });
    await api['participants-import-csv']({ fileName: 'participants.csv', csv: readFileSync(join(process.cwd(), 'test/fixtures/participants.csv'), 'utf8') });
    const files = ['hui-tupu-group-interview.txt', 'individual-interview-manager.srt'].map((name) => ({ name, path: join(process.cwd(), 'test/fixtures', name) }));
    await api['import-files']({ files });
    for (const r of await api['speakers-review']({})) if (r.suggestion.participantId) await api['speakers-map']({ speakerIds: [r.speakerId], participantId: r.suggestion.participantId });
    const code = await api['code-create']({ frameId: (await api['frames-list']({}))[0]!.id, name: 'Relationship' });
    await openTikangaTo(api, code.frameId); // the hui is tikanga-based: opened to the mainstream frame on purpose
    const turns: number[] = [];
    for (const s of await api['sources-list']({})) turns.push(...(await api['source-get']({ sourceId: s.id })).blocks.filter((b) => b.kind === 'turn').map((b) => b.id));
    await api['coding-apply-blocks']({ codeId: code.id, blockIds: turns });
    await api['project-close']({});
  });

  it('to stdout and to a file: pseudonyms, never real names; both audited', () => {
    const out = runFocal(['matrix', project, '--cols', 'participant', '--csv'], env);
    expect(out.code).toBe(0);
    expectNoRealNames(out.stdout);
    const header = Papa.parse<string[]>(out.stdout.trim()).data[0]!;
    expect(header).toContain('Huia: segments');
    expect(header.some((h) => /^Participant \d+: segments$/.test(h))).toBe(true);

    const file = join(dir, 'matrix.csv');
    const r = runFocal(['matrix', project, '--cols', 'participant', '--csv', file], env);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/wrote .*matrix\.csv \(sha256 [0-9a-f]{64}\)/);
    const csv = readFileSync(file, 'utf8');
    expectNoRealNames(csv);
    expect(csv.replace(/^\ufeff/, '').trim()).toBe(out.stdout.trim());

    const db = new Database(project, { readonly: true });
    const rows = db.prepare("SELECT format, profile, destination, sha256 FROM exports ORDER BY id").all() as Array<{ format: string; profile: string; destination: string; sha256: string }>;
    db.close();
    expect(rows.map((x) => [x.format, x.profile, x.destination])).toEqual([
      ['matrix-csv', 'report', 'stdout'],
      ['matrix-csv', 'report', file],
    ]);
    expect(r.stderr).toContain(rows[1]!.sha256);
  }, 60_000);

  it('--real-names is refused, naming who has not consented', () => {
    const r = runFocal(['matrix', project, '--cols', 'participant', '--csv', '--real-names'], env);
    expect(r.code).not.toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/Real names need each person's consent to be named: .*Aroha Ngata/);
  }, 60_000);
});
