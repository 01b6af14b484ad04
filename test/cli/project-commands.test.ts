import { readFileSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../electron/core/db/migrations/index';
import { runFocal } from '../support/run-cli';
import { tempDir } from '../support/temp';

const dir = tempDir();
const env = { FOCAL_DATA_DIR: `${dir}/cli-state` };

describe('focal new / info', () => {
  it('creates a project and reports it as JSON with top-level counts', () => {
    const file = `${dir}/hui.focal`;
    const created = runFocal(['new', file, '--name', 'Hui o te rōpū'], env);
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    expect(created.stdout).toContain('Created Hui o te rōpū');

    const info = runFocal(['info', file, '--json'], env);
    expect(info.code).toBe(0);
    const json = JSON.parse(info.stdout);
    expect(json).toMatchObject({ name: 'Hui o te rōpū', schemaVersion: LATEST_SCHEMA_VERSION, sources: 0, participants: 0, codes: 0, codings: 0 });
    for (const k of ['schemaVersion', 'sources', 'participants', 'codes', 'codings']) expect(typeof json[k]).toBe('number');
  });

  it('refuses to create over an existing file', () => {
    const file = `${dir}/exists.focal`;
    writeFileSync(file, 'keep me');
    const r = runFocal(['new', file], env);
    expect(r.code).not.toBe(0);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/already exists/);
    expect(readFileSync(file, 'utf8')).toBe('keep me');
  });

  it('info on a text file renamed .focal exits non-zero with one clear line and leaves it unchanged', () => {
    const file = `${dir}/notes.focal`;
    writeFileSync(file, 'Aroha Ngata: kia ora koutou\n');
    const before = readFileSync(file);
    const r = runFocal(['info', file, '--json'], env);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^focal: notes\.focal is not a Focal project: .*left unchanged\.\n$/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('info on a foreign SQLite database names the problem', () => {
    const file = `${dir}/budget.focal`;
    const db = new Database(file);
    db.exec('CREATE TABLE t (x)');
    db.close();
    const before = readFileSync(file);
    const r = runFocal(['info', file], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/made by another program/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('a usage error exits 2', () => {
    const r = runFocal(['info'], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/missing required argument/);
  });
});

describe('focal backup', () => {
  it('writes a complete copy, refuses to overwrite one, and the copy opens with everything', () => {
    const file = `${dir}/orig.focal`;
    expect(runFocal(['new', file, '--name', 'Orig'], env).code).toBe(0);
    expect(runFocal(['code', 'add', file, 'Themes/Whānau'], env).code).toBe(0);
    const copy = `${dir}/orig-copy.focal`;
    const r = runFocal(['backup', file, copy, '--json'], env);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({ path: copy });
    const codes = runFocal(['code', 'list', copy, '--json'], env);
    expect(codes.stdout).toContain('Whānau');
    const again = runFocal(['backup', file, copy], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already exists/);
  });
});
