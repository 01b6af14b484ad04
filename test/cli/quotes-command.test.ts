/** `focal quotes`: the quote bank a page at a time (--limit, --after), and every quote as JSON lines (--jsonl). */
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runFocal } from '../support/run-cli';
import { tempDir } from '../support/temp';
import { syntheticTranscript } from '../support/synthetic';

const dir = tempDir();
const env = { FOCAL_DATA_DIR: `${dir}/cli-state`, FOCAL_USER: 'CLI Coder' };
const project = `${dir}/quotes.focal`;

describe('focal quotes', () => {
  it('pages the bank with --limit and --after, streams it with --jsonl, refuses a bad cursor', () => {
    const file = `${dir}/fg.txt`;
    writeFileSync(file, syntheticTranscript(3_000, 5));
    expect(runFocal(['new', project], env).code).toBe(0);
    expect(runFocal(['quotes', project], env).stdout).toMatch(/quote bank is empty/);
    expect(runFocal(['import', project, file], env).code).toBe(0);
    expect(runFocal(['code', 'add', project, 'Hope'], env).code).toBe(0);
    expect(runFocal(['code', 'auto', project, '--code', 'Hope', '--pattern', 'hope', '--whole-word'], env).code).toBe(0);
    // Export with --code fills the bank from the code's segments.
    expect(runFocal(['export', 'quotes', project, '--code', 'Hope', '--format', 'md', '--out', `${dir}/q.md`], env).stderr).toBe('');

    const all = runFocal(['quotes', project, '--jsonl', '--limit', '7'], env);
    expect(all.stderr).toBe('');
    const ids = all.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { id: number }).id);
    expect(ids.length).toBeGreaterThan(10);
    expect(new Set(ids).size).toBe(ids.length);

    const first = JSON.parse(runFocal(['quotes', project, '--limit', '5', '--json'], env).stdout) as { items: Array<{ id: number }>; total: number; nextCursor: string };
    expect(first.total).toBe(ids.length);
    expect(first.items.map((q) => q.id)).toEqual(ids.slice(0, 5));
    const human = runFocal(['quotes', project, '--limit', '5', '--after', first.nextCursor], env);
    expect(human.stdout).toContain(`#${ids[5]}  `);
    expect(human.stdout).toMatch(new RegExp(`Showing 5 of ${ids.length}; next page: --after \\d+\\.\\d+\\.\\d+`));

    const bad = runFocal(['quotes', project, '--after', 'nope'], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^focal: --after wants the cursor/);
    expect(runFocal(['quotes', project, '--limit', '0'], env).stderr).toMatch(/^focal: --limit wants a whole number/);
  }, 120_000);
});
