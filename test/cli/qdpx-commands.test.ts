/** `focal qdpx import|export`: a REFI-QDA project in as a new project, out again, and back in, from the command line. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { runFocal } from '../support/run-cli';
import { tempDir } from '../support/temp';
import { nvivoWindows } from '../core/qdpx/qdpx-fixtures';

const dir = tempDir();
const env = { FOCAL_DATA_DIR: `${dir}/cli-state`, FOCAL_USER: 'CLI Coder' };

describe('focal qdpx', () => {
  it('imports an NVivo project as a new project, exports it (full) and imports that again with the same counts', { timeout: 180_000 }, () => {
    writeFileSync(`${dir}/nvivo.qdpx`, nvivoWindows());
    const imp = runFocal(['qdpx', 'import', `${dir}/nvivo.qdpx`, '--out', `${dir}/p.focal`], env);
    expect(imp.stderr).toBe('');
    expect(imp.stdout).toMatch(/Imported nvivo\.qdpx as .*p\.focal: 1 source\(s\), 3 code\(s\), 4 coding\(s\)/);
    expect(imp.stdout).toMatch(/skipped 1 source\(s\) Focal cannot hold: Consent form \(PDF\)/);
    expect(imp.stdout).toMatch(/tikanga-based/);

    const exp = runFocal(['qdpx', 'export', `${dir}/p.focal`, '--out', `${dir}/out.qdpx`, '--json'], env);
    expect(exp.stderr).toBe('');
    expect(JSON.parse(exp.stdout)).toMatchObject({ profile: 'full', path: `${dir}/out.qdpx`, counts: { sources: 1, codes: 3, codings: 4 } });
    expect(Object.keys(unzipSync(readFileSync(`${dir}/out.qdpx`)))).toContain('project.qde');

    const again = JSON.parse(runFocal(['qdpx', 'import', `${dir}/out.qdpx`, '--out', `${dir}/q.focal`, '--json'], env).stdout);
    expect(again.counts).toMatchObject({ sources: 1, codes: 3, codings: 4 });
  });

  it('refuses a file that is not a .qdpx, naming it, and leaves no project behind', { timeout: 60_000 }, () => {
    writeFileSync(`${dir}/notes.qdpx`, 'just text');
    const r = runFocal(['qdpx', 'import', `${dir}/notes.qdpx`, '--out', `${dir}/bad.focal`], env);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/notes\.qdpx: it is not a REFI-QDA project/);
    expect(existsSync(`${dir}/bad.focal`)).toBe(false);
  });

  it('a bad --profile is a usage error', { timeout: 60_000 }, () => {
    const r = runFocal(['qdpx', 'export', `${dir}/p.focal`, '--out', `${dir}/x.qdpx`, '--profile', 'public'], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--profile must be full or deposit/);
  });
});
