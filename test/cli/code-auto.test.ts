import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runFocal } from '../support/run-cli';
import { tempDir } from '../support/temp';
import { testCore } from '../support/core';
import { openTikangaInFile } from '../support/open-frames';

const dir = tempDir();
const env = { FOCAL_DATA_DIR: `${dir}/cli-state`, FOCAL_USER: 'CLI Coder' };
const project = `${dir}/auto.focal`;
const { api } = testCore();

describe('focal code auto', () => {
  it('previews with --dry-run, then codes every match (macrons optional) and every turn of a speaker', async () => {
    expect(runFocal(['new', project], env).code).toBe(0);
    expect(runFocal(['import', project, join(process.cwd(), 'test/fixtures/hui-tupu-group-interview.txt')], env).code).toBe(0);
    expect(runFocal(['code', 'add', project, 'Whānau'], env).code).toBe(0);
    expect(runFocal(['code', 'add', project, 'Koro'], env).code).toBe(0);
    await openTikangaInFile(api, project); // the hui is tikanga-based: opened to the mainstream frame on purpose

    const dry = runFocal(['code', 'auto', project, '--code', 'whānau', '--pattern', 'whanau', '--whole-word', '--dry-run', '--json'], env);
    expect(dry.stderr).toBe('');
    const preview = JSON.parse(dry.stdout);
    expect(preview.count).toBe(4);
    expect(preview.ranges.map((r: { text: string }) => r.text.toLowerCase())).toEqual(['whānau', 'whānau', 'whanau', 'whānau']);
    const human = runFocal(['code', 'auto', project, '--code', 'Whānau', '--pattern', 'whanau', '--whole-word', '--dry-run'], env);
    expect(human.stdout).toMatch(/^Would code 4 passage\(s\) in 1 source\(s\) with Whānau:/);
    // A dry run changes nothing.
    expect(JSON.parse(runFocal(['code', 'list', project, '--json'], env).stdout)[0].counts.segments).toBe(0);

    const applied = runFocal(['code', 'auto', project, '--code', 'Whānau', '--pattern', 'whanau', '--whole-word', '--json'], env);
    expect(JSON.parse(applied.stdout)).toEqual({ coded: 4, skipped: 0 });
    const turns = runFocal(['code', 'auto', project, '--code', 'Koro', '--speaker', 'koro hemi'], env);
    expect(turns.stdout.trim()).toBe('Coded 2 passage(s) with Koro');
    const list = JSON.parse(runFocal(['code', 'list', project, '--json'], env).stdout);
    expect(list.map((c: { counts: { segments: number } }) => c.counts.segments)).toEqual([4, 2]);
    const segs = JSON.parse(runFocal(['segments', project, '--code', 'Koro', '--json'], env).stdout);
    expect(segs.every((s: { speakers: Array<{ label: string }>; coder: string }) => s.speakers[0]!.label === 'Koro Hemi' && s.coder === 'CLI Coder')).toBe(true);
  });

  it('asks for exactly one of --pattern and --speaker', () => {
    const r = runFocal(['code', 'auto', project, '--code', 'Koro'], env);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/either --pattern TEXT or --speaker NAME/);
  });
});
