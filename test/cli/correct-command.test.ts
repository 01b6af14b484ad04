import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runFocal } from '../support/run-cli';
import { tempDir } from '../support/temp';

const dir = tempDir();
const env = { FOCAL_DATA_DIR: `${dir}/cli-state`, FOCAL_USER: 'CLI Coder' };
const project = `${dir}/correct.focal`;

describe('focal correct', () => {
  it('corrects a word once or everywhere; the coding stays on its words; ambiguity and absence are named', { timeout: 600_000 }, () => {
    expect(runFocal(['new', project], env).code).toBe(0);
    expect(runFocal(['import', project, join(process.cwd(), 'test/fixtures/individual-interview-manager.srt')], env).code).toBe(0);
    const shown = JSON.parse(runFocal(['show', project, '--source', '1', '--json'], env).stdout) as { turns: Array<{ start: number; end: number; text: string }> };
    const turn = shown.turns.find((t) => t.text.length > 40)!;
    // Code the turn's second word onwards, then correct its first word (outside the coding).
    const firstWord = /^\S+/.exec(turn.text)![0];
    const codedFrom = turn.start + firstWord.length + 1;
    expect(runFocal(['code', 'add', project, 'Topic'], env).code).toBe(0);
    expect(runFocal(['code', 'apply', project, '--source', '1', '--start', String(codedFrom), '--end', String(turn.end), '--code', 'Topic'], env).code).toBe(0);
    const codedText = turn.text.slice(firstWord.length + 1);
    const unique = `${firstWord} ${codedText.split(' ')[0]}`;
    const dry = runFocal(['correct', project, '--source', '1', '--find', unique, '--replace', `Kia ora ${codedText.split(' ')[0]}`, '--dry-run', '--json'], env);
    expect(dry.stderr).toBe('');
    expect(JSON.parse(dry.stdout)).toMatchObject({ saved: false, edits: 1 });
    const seg0 = JSON.parse(runFocal(['segments', project, '--code', 'Topic', '--json'], env).stdout)[0];
    expect(seg0.text).toBe(codedText);

    const r = runFocal(['correct', project, '--source', '1', '--find', `${firstWord} `, '--replace', 'Kia ora, '], env);
    if (r.code !== 0) {
      // The first word occurs more than once: the message says how often and what to do.
      expect(r.stderr).toMatch(/occurs \d+ times .* add --all/);
      expect(runFocal(['correct', project, '--source', '1', '--find', unique, '--replace', `Kia ora, ${codedText.split(' ')[0]}`], env).code).toBe(0);
    } else expect(r.stdout).toMatch(/Corrected 1 place/);
    const seg = JSON.parse(runFocal(['segments', project, '--code', 'Topic', '--json'], env).stdout)[0];
    expect(seg.text).toBe(codedText);

    expect(runFocal(['correct', project, '--source', '1', '--find', 'no such words here', '--replace', 'x'], env).stderr).toMatch(/^focal: .*"no such words here" is not in/);
    const all = runFocal(['correct', project, '--source', '1', '--find', ' the ', '--replace', ' the ', '--all'], env);
    expect(all.stderr).toMatch(/changes nothing|not in/);
  });
});
