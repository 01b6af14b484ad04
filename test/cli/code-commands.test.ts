import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runFocal } from '../support/run-cli';
import { tempDir } from '../support/temp';

const dir = tempDir();
const env = { FOCAL_DATA_DIR: `${dir}/cli-state`, FOCAL_USER: 'CLI Coder' };
const project = `${dir}/codes.focal`;

describe('focal code / segments', () => {
  it('adds nested codes, applies one to a range, lists counts and retrieves the segment', () => {
    expect(runFocal(['new', project], env).code).toBe(0);
    expect(runFocal(['import', project, join(process.cwd(), 'test/fixtures/individual-interview-manager.srt')], env).code).toBe(0);
    const add = runFocal(['code', 'add', project, 'Relationship/Peer and clinical', '--color', '#aa3355', '--json'], env);
    expect(add.stderr).toBe('');
    expect(JSON.parse(add.stdout)).toMatchObject({ name: 'Peer and clinical', color: '#aa3355' });
    expect(runFocal(['code', 'add', project, 'Relationship/Peer and clinical'], env).stderr).toMatch(/already exists/);

    // "the relationship" in Geoff's first turn: find its offsets the way a script would.
    const apply = runFocal(['code', 'apply', project, '--source', '1', '--start', '0', '--end', '11', '--code', 'relationship/peer and clinical', '--json'], env);
    expect(apply.stderr).toBe('');
    expect(JSON.parse(apply.stdout)).toMatchObject({ start: 0, end: 11, coder: 'CLI Coder' });

    const list = JSON.parse(runFocal(['code', 'list', project, '--json'], env).stdout);
    expect(list.map((c: { path: string }) => c.path)).toEqual(['Relationship', 'Relationship/Peer and clinical']);
    expect(list[1].counts).toEqual({ segments: 1, sources: 1, participants: 0 });

    const segs = JSON.parse(runFocal(['segments', project, '--code', 'Relationship/Peer and clinical', '--json'], env).stdout);
    expect(segs).toHaveLength(1);
    expect(segs[0].text).toHaveLength(11);
    expect(segs[0].speakers[0].label).toBe('INTERVIEWER');
    // The SRT is timed: the segment carries its time in seconds, and the text output shows it.
    expect(segs[0].time).toEqual({ start: expect.any(Number), end: expect.any(Number) });
    expect(segs[0].time.end).toBeGreaterThan(segs[0].time.start);
    expect(runFocal(['segments', project, '--code', 'Relationship/Peer and clinical'], env).stdout).toMatch(/ @ \d+:\d\d — /);
  });

  it('names an unknown code and a bad range clearly', () => {
    expect(runFocal(['segments', project, '--code', 'Nope'], env).stderr).toMatch(/^focal: no code "Nope"/);
    const r = runFocal(['code', 'apply', project, '--source', '1', '--start', '5', '--end', '999999', '--code', 'Relationship'], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/runs past the end/);
  });
});
