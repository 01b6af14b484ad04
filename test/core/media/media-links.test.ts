/** Linking a recording to a transcript: path, size and hash stored (never the media), moves found again by hash, unlink, sync points. */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { testCore } from '../../support/core';
import { tempDir } from '../../support/temp';
import { runFocal } from '../../support/run-cli';

const fixture = (f: string) => ({ name: f, path: join(process.cwd(), 'test/fixtures', f) });
/** Bytes that stand for a recording: the core never decodes them, it identifies them. */
const fakeMedia = (seed: string) => Buffer.concat([Buffer.from('RIFF'), Buffer.from(`focal-test-media-${seed}-`.repeat(200))]);
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('media links', () => {
  const { api, dir, core } = testCore();
  const project = join(dir, 'proj', 'study.focal');
  let vttId = 0;
  let txtId = 0;

  beforeAll(async () => {
    mkdirSync(join(dir, 'proj', 'audio'), { recursive: true });
    await api['project-new']({ name: 'Media', path: project });
    const res = await api['import-files']({ files: [fixture('focus-group-lived-experience.vtt'), fixture('hui-tupu-group-interview.txt')] });
    vttId = res[0]!.sourceId!;
    txtId = res[1]!.sourceId!;
  });

  it('links a recording beside the project by relative path, size and SHA-256, and never copies it into the .focal file', async () => {
    const bytes = fakeMedia('beside');
    const file = join(dir, 'proj', 'audio', 'session-1.wav');
    writeFileSync(file, bytes);
    const link = await api['media-link']({ sourceId: vttId, path: file });
    expect(link).toMatchObject({ fileName: 'session-1.wav', path: 'audio/session-1.wav', relative: true, kind: 'audio', mime: 'audio/wav', size: bytes.length, sha256: sha(bytes) });
    const info = await api['media-get']({ sourceId: vttId });
    expect(info.status).toBe('ok');
    expect(info.turns.length).toBeGreaterThan(0);
    expect(info.turns.every((t) => t.from === 'file')).toBe(true);
    core.requireProject().checkpoint();
    expect(readFileSync(project).includes(Buffer.from('focal-test-media-beside'))).toBe(false);
  });

  it('stores an absolute path for a recording outside the project folder', async () => {
    const elsewhere = join(tempDir(), 'hui.m4a');
    writeFileSync(elsewhere, fakeMedia('elsewhere'));
    const link = await api['media-link']({ sourceId: txtId, path: elsewhere });
    expect(link).toMatchObject({ relative: false, path: elsewhere, kind: 'audio', mime: 'audio/mp4' });
  });

  it('refuses what is not a recording, a missing file and an empty one, naming the file', async () => {
    const txt = join(dir, 'proj', 'notes.txt');
    writeFileSync(txt, 'hello');
    await expect(api['media-link']({ sourceId: vttId, path: txt })).rejects.toThrow(/notes\.txt: not a recording/);
    await expect(api['media-link']({ sourceId: vttId, path: join(dir, 'proj', 'nowhere.mp3') })).rejects.toThrow(/nowhere\.mp3: there is no such file/);
    const empty = join(dir, 'proj', 'empty.ogg');
    writeFileSync(empty, '');
    await expect(api['media-link']({ sourceId: vttId, path: empty })).rejects.toThrow(/empty\.ogg: the file is empty/);
    // The earlier link is untouched.
    expect((await api['media-get']({ sourceId: vttId })).link?.fileName).toBe('session-1.wav');
  });

  it('finds a moved recording again by name and hash in the project folder, and mends the link', async () => {
    mkdirSync(join(dir, 'proj', 'moved', 'deeper'), { recursive: true });
    renameSync(join(dir, 'proj', 'audio', 'session-1.wav'), join(dir, 'proj', 'moved', 'deeper', 'session-1.wav'));
    const info = await api['media-get']({ sourceId: vttId });
    expect(info).toMatchObject({ status: 'ok', relinked: true, link: { path: 'moved/deeper/session-1.wav', relative: true } });
    expect((await api['media-get']({ sourceId: vttId })).relinked).toBe(false);
  });

  it('does not take a file of the same name with other content: missing, then the view asks; relink refuses a different recording', async () => {
    const other = join(dir, 'proj', 'audio', 'session-1.wav');
    renameSync(join(dir, 'proj', 'moved', 'deeper', 'session-1.wav'), join(dir, 'kept-aside.wav'));
    writeFileSync(other, fakeMedia('beside').subarray(1)); // same name, different bytes (and size)
    expect((await api['media-get']({ sourceId: vttId })).status).toBe('missing');
    await expect(api['media-relink']({ sourceId: vttId, path: other })).rejects.toThrow(/session-1\.wav: not the recording linked/);
    const again = await api['media-relink']({ sourceId: vttId, path: join(dir, 'kept-aside.wav') });
    expect(again).toMatchObject({ relative: false, path: join(dir, 'kept-aside.wav') });
    expect((await api['media-get']({ sourceId: vttId })).status).toBe('ok');
  });

  it('reports a recording changed in place (same name and size, new content) as changed', async () => {
    const at = join(dir, 'kept-aside.wav');
    const b = readFileSync(at);
    b[100] = b[100]! ^ 0xff;
    writeFileSync(at, b);
    expect((await api['media-get']({ sourceId: vttId })).status).toBe('changed');
  });

  it('unlinks (the file stays), and says so when there is nothing to unlink', async () => {
    await api['media-unlink']({ sourceId: vttId });
    expect(await api['media-get']({ sourceId: vttId })).toMatchObject({ status: 'none', link: null });
    await expect(api['media-unlink']({ sourceId: vttId })).rejects.toThrow(/has no recording linked/);
    expect(readFileSync(join(dir, 'kept-aside.wav')).length).toBeGreaterThan(0);
  });

  it('sync points time an untimed transcript: set while listening, interpolated between, undoable', async () => {
    const hui = await api['source-get']({ sourceId: txtId });
    const turns = hui.blocks.filter((b) => b.kind === 'turn');
    expect(turns.every((t) => t.startMs === null)).toBe(true);
    expect((await api['media-get']({ sourceId: txtId })).turns).toEqual([]);
    const first = turns[0]!;
    const last = turns[turns.length - 1]!;
    await api['media-sync-set']({ blockId: first.id, ms: 10_000 });
    await api['media-sync-set']({ blockId: last.id, ms: 610_000 });
    const info = await api['media-get']({ sourceId: txtId });
    const middle = turns[Math.floor(turns.length / 2)]!;
    const mt = info.turns.find((t) => t.blockId === middle.id)!;
    expect(mt.from).toBe('interpolated');
    const expected = 10_000 + ((middle.start - first.start) / (last.start - first.start)) * 600_000;
    expect(Math.abs(mt.startMs - expected)).toBeLessThanOrEqual(1);
    expect(info.turns.find((t) => t.blockId === first.id)).toMatchObject({ from: 'sync', startMs: 10_000 });
    // Times rise with the text.
    const ms = info.turns.map((t) => t.startMs);
    expect([...ms].sort((a, b) => a - b)).toEqual(ms);
    expect(info.syncPoints).toHaveLength(2);
    await api['history-undo']({});
    const undone = await api['media-get']({ sourceId: txtId });
    expect(undone.syncPoints).toEqual([{ blockId: first.id, ms: 10_000 }]);
    expect(undone.turns).toHaveLength(1);
    await api['history-redo']({});
    expect((await api['media-get']({ sourceId: txtId })).syncPoints).toHaveLength(2);
    await api['media-sync-set']({ blockId: last.id, ms: null });
    expect((await api['media-get']({ sourceId: txtId })).syncPoints).toHaveLength(1);
  });
});

describe('focal media link / unlink / show', () => {
  const dir = tempDir();
  const project = join(dir, 'cli.focal');
  const env = { FOCAL_DATA_DIR: join(dir, 'cli-data'), FOCAL_USER: 'CLI Coder' };

  beforeAll(async () => {
    // The project is made in-process (each CLI run starts a Node process; only the media commands are run as one).
    const { FocalCore } = await import('../../../electron/core/app/focal-core');
    const { headlessHost } = await import('../../../electron/core/host');
    const maker = new FocalCore({ dataDir: join(dir, 'maker'), host: headlessHost('cli'), logger: () => {} });
    maker.createProject(project, 'CLI media');
    const env0 = await maker.call('import-files', { files: [fixture('focus-group-lived-experience.vtt')] });
    expect(env0.ok).toBe(true);
    maker.dispose();
  });

  it('links a recording beside the project, shows it, and unlinks it', { timeout: 240_000 }, () => {
    const wav = join(dir, 'fg.wav');
    writeFileSync(wav, fakeMedia('cli'));
    const link = runFocal(['media', 'link', project, '--source', '1', wav], env);
    expect(link.code, link.stderr).toBe(0);
    expect(link.stdout).toMatch(/Linked fg\.wav \(audio, .*\) to transcript 1 as \.\/fg\.wav/);
    const show = runFocal(['media', 'show', project, '--source', '1', '--json'], env);
    expect(show.code, show.stderr).toBe(0);
    const shown = JSON.parse(show.stdout);
    expect(shown).toMatchObject({ status: 'ok', link: { path: 'fg.wav', relative: true, sha256: sha(fakeMedia('cli')) } });
    expect(shown.streamKey).toBeUndefined();
    const un = runFocal(['media', 'unlink', project, '--source', '1'], env);
    expect(un.code, un.stderr).toBe(0);
    const again = runFocal(['media', 'unlink', project, '--source', '1'], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^focal: .*has no recording linked/);
  });

  it('refuses a file that is not a recording with its name, and a bad --source as a usage error', { timeout: 120_000 }, () => {
    const bad = runFocal(['media', 'link', project, '--source', '1', join(dir, 'cli.focal')], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/cli\.focal: not a recording/);
    expect(runFocal(['media', 'link', project, '--source', 'x', 'a.wav'], env).code).toBe(2);
  });
});
