/** `focal qdc export|import`: a codebook round trip between two projects from the command line. */
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runFocal } from '../support/run-cli';
import { tempDir } from '../support/temp';

const dir = tempDir();
const env = { FOCAL_DATA_DIR: `${dir}/cli-state`, FOCAL_USER: 'CLI Coder' };
const a = `${dir}/a.focal`;
const b = `${dir}/b.focal`;

describe('focal qdc', () => {
  it('exports a frame as a codebook and imports it into another project; a second import changes nothing', () => {
    expect(runFocal(['new', a], env).code).toBe(0);
    expect(runFocal(['new', b], env).code).toBe(0);
    expect(runFocal(['code', 'add', a, 'Whānau/Connection', '--color', '#aa3355'], env).code).toBe(0);
    expect(runFocal(['code', 'add', a, 'Services'], env).code).toBe(0);

    const out = runFocal(['qdc', 'export', a, '--out', `${dir}/book.qdc`, '--json'], env);
    expect(out.stderr).toBe('');
    expect(JSON.parse(out.stdout)).toMatchObject({ codes: 3, format: 'qdc', path: `${dir}/book.qdc` });
    expect(readFileSync(`${dir}/book.qdc`, 'utf8')).toMatch(/<CodeBook xmlns="urn:QDA-XML:codebook:1\.0"/);

    const first = runFocal(['qdc', 'import', b, `${dir}/book.qdc`, '--json'], env);
    expect(first.stderr).toBe('');
    expect(JSON.parse(first.stdout)).toMatchObject({ created: 3, matched: 0 });
    const again = runFocal(['qdc', 'import', b, `${dir}/book.qdc`], env);
    expect(again.stdout).toMatch(/0 created, 3 matched, 0 renamed, 0 moved, 0 updated \(nothing changed\)/);

    const list = JSON.parse(runFocal(['code', 'list', b, '--json'], env).stdout);
    expect(list.map((c: { path: string; color: string }) => [c.path, c.color])).toEqual([
      ['Whānau', expect.any(String)],
      ['Whānau/Connection', '#aa3355'],
      ['Services', expect.any(String)],
    ]);

    const csv = runFocal(['qdc', 'export', b, '--out', `${dir}/book.csv`, '--format', 'csv'], env);
    expect(csv.stdout).toMatch(/Exported 3 code\(s\) as a CSV codebook report/);
    expect(readFileSync(`${dir}/book.csv`, 'utf8')).toContain('Connection,Whānau/Connection,');
  });

  it('imports into a new frame, and asks which frame when there are several', () => {
    const r = runFocal(['qdc', 'import', b, `${dir}/book.qdc`, '--new-frame', 'Kaupapa', '--kind', 'kaupapa-maori', '--json'], env);
    expect(JSON.parse(r.stdout)).toMatchObject({ frameName: 'Kaupapa', created: 3 });
    const ask = runFocal(['qdc', 'export', b, '--out', `${dir}/x.qdc`], env);
    expect(ask.code).toBe(2);
    expect(ask.stderr).toMatch(/^focal: this project has 2 code frames .*--frame/);
    expect(runFocal(['qdc', 'export', b, '--out', `${dir}/x.qdc`, '--frame', 'kaupapa'], env).code).toBe(0);
  });

  it('refuses a hostile file with one line naming it', () => {
    writeFileSync(`${dir}/evil.qdc`, '<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="a1b2c3d4-e5f6-4711-8899-aabbccddee01" name="&e;" isCodable="true"/></Codes></CodeBook>');
    const r = runFocal(['qdc', 'import', a, `${dir}/evil.qdc`], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^focal: evil\.qdc: line 2 declares a DOCTYPE/);
    expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1);
  });
});
