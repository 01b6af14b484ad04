import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runFocal } from '../support/run-cli';
import { tempDir } from '../support/temp';

const dir = tempDir();
const env = { FOCAL_DATA_DIR: `${dir}/cli-state` };
const fx = (f: string) => join(process.cwd(), 'test/fixtures', f);

describe('focal import', () => {
  const project = `${dir}/study.focal`;

  it('imports several files, one line each, and counts them', () => {
    expect(runFocal(['new', project], env).code).toBe(0);
    const r = runFocal(['import', project, fx('focus-group-lived-experience.vtt'), fx('individual-interview-manager.srt'), '--group', 'Lived experience group 2'], env);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/imported {2}focus-group-lived-experience\.vtt: .*speakers: Facilitator \(Sam Lee\), Rachel Moana, David Chen, Priya Sharma/);
    expect(r.stdout).toMatch(/2 imported, 0 skipped as duplicates, 0 failed/);
    const info = JSON.parse(runFocal(['info', project, '--json'], env).stdout);
    expect(info.sources).toBe(2);
    // The group was created as a participant in its own right.
    expect(info.participants).toBe(1);
  });

  it('skips duplicates unless --again, and reports a bad file without stopping the rest (exit 1)', () => {
    const bad = `${dir}/photo.txt`;
    writeFileSync(bad, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]));
    const r = runFocal(['import', project, fx('individual-interview-manager.srt'), bad, fx('hui-tupu-group-interview.txt'), '--json'], env);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(json).toMatchObject({ imported: 1, duplicate: 1, failed: 1 });
    expect(json.results[1].message).toMatch(/^photo\.txt: /);
    // The failure is on stderr too, one line naming the file and the problem.
    expect(r.stderr).toMatch(/^focal: photo\.txt: \S.*\n$/m);
    expect(r.stderr).not.toMatch(/photo\.txt: photo\.txt/);
    const again = runFocal(['import', project, fx('individual-interview-manager.srt'), '--again'], env);
    expect(again.stdout).toMatch(/1 imported/);
  });

  it('prints the title, the mode, timed turns and every warning under the file', () => {
    const r = runFocal(['import', project, join(process.cwd(), 'test/fixtures/formats/otter-hui.txt'), join(process.cwd(), 'test/fixtures/formats/mode-header.txt')], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/imported {2}otter-hui\.txt: "Hui with the rōpū, Porirua", \d+ words, speakers: Mere Tawhiri, Hēmi Te Whata, Will; turns timed\n/);
    expect(r.stdout).toMatch(/imported {2}mode-header\.txt: "Kōrero with the rōpū", \d+ words, tikanga-based, speakers: Aroha, Tama\n {10}warning: header "Recorder: Zoom H4n" is not a detail Focal knows/);
  });

  it('creates no group when every file fails, and one when a file imports', () => {
    const p2 = `${dir}/groups.focal`;
    expect(runFocal(['new', p2], env).code).toBe(0);
    const bad = `${dir}/empty.txt`;
    writeFileSync(bad, '');
    const r = runFocal(['import', p2, bad, '--group', 'Rōpū that never was'], env);
    expect(r.code).toBe(1);
    expect(JSON.parse(runFocal(['info', p2, '--json'], env).stdout).participants).toBe(0);
    const ok = runFocal(['import', p2, bad, fx('focus-group-lived-experience.vtt'), '--group', 'Rōpū B'], env);
    expect(ok.code).toBe(1);
    expect(JSON.parse(runFocal(['info', p2, '--json'], env).stdout)).toMatchObject({ participants: 1, sources: 1 });
  });

  it('rejects an unknown mode as a usage error', () => {
    const r = runFocal(['import', project, fx('hui-tupu-group-interview.txt'), '--mode', 'hui'], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--mode must be mainstream or tikanga/);
  });
});
