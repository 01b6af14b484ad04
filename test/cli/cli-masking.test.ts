/**
 * cli-masking: the commands that print talk (segments, search, query, pseudo scan, parts, check, quotes,
 * export) mask a restricted (tapu) passage exactly as the app's views do for a user who may not read
 * it, flag withdrawn and declined talk, and say in --help that terminal output is a view, not an export.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runFocal } from '../support/run-cli';
import { testCore } from '../support/core';
import { actAs, buildWorld, keyFileIn, MARKER, PASSPHRASE, type World } from '../core/tikanga/mask-world';

describe('CLI output masks restricted passages and flags withdrawn and declined talk', () => {
  const { api, core, dir } = testCore();
  const analyst = { FOCAL_DATA_DIR: join(dir, 'cli-state'), FOCAL_USER: 'Aroha Ngata' };
  // The kaitiaki is the one whose key is unlocked for the command; the name alone unlocks nothing.
  const kaitiaki = { ...analyst, FOCAL_USER: 'Koro Hemi', FOCAL_KAITIAKI_KEY_FILE: keyFileIn(dir), FOCAL_KAITIAKI_PASSPHRASE: PASSPHRASE };
  const typedName = { ...analyst, FOCAL_USER: 'Koro Hemi' };
  let w: World;
  let file = '';

  beforeAll(async () => {
    w = await buildWorld(api, dir, actAs(core, dir));
    file = w.path;
    // Waiata Henare (the facilitator) declined to be quoted: code one of her turns too.
    const waiata = w.hui.speakers.find((s) => s.label === 'Waiata Henare')!;
    const turn = w.hui.blocks.find((b) => b.kind === 'turn' && b.speakerId === waiata.id)!;
    await api['coding-apply']({ codeId: w.codeId, sourceId: w.hui.id, start: turn.start, end: turn.end });
    // A recorded closing part over Koro Hemi's turn, part of which is marked withdrawn.
    const koro = w.hui.speakers.find((s) => s.label === 'Koro Hemi')!;
    const koroTurn = w.hui.blocks.find((b) => b.kind === 'turn' && b.speakerId === koro.id)!;
    await api['passage-mark-add']({ sourceId: w.hui.id, start: koroTurn.start, end: koroTurn.start + 10, kind: 'withdrawn', reason: 'asked' });
    await api['session-part-add']({ sourceId: w.hui.id, kind: 'karakia', phase: 'closing', recorded: true, start: koroTurn.start, end: koroTurn.end });
    core.closeProject();
  }, 60_000);

  const commands = (): string[][] => [
    ['segments', file, '--code', 'Peer support'],
    ['segments', file, '--code', 'Peer support', '--json'],
    ['search', file, 'Hutt'],
    ['search', file, 'Hutt', '--json'],
    ['search', file, 'Whitu', '--json'],
    ['query', file, '--or', 'Peer support'],
    ['query', file, '--or', 'Peer support', '--json'],
    ['pseudo', 'scan', file],
    ['pseudo', 'scan', file, '--json'],
    ['parts', file, '--source', String(w.hui.id)],
    ['parts', file, '--source', String(w.hui.id), '--json'],
    ['check', file],
    ['check', file, '--json'],
    ['show', file, '--source', String(w.hui.id)],
    ['show', file, '--source', String(w.hui.id), '--json'],
    ['quotes', file],
    ['quotes', file, '--json'],
    ['quotes', file, '--jsonl'],
  ];

  it('prints no word of the passage to a user who may not read it, in text and JSON', { timeout: 180_000 }, () => {
    for (const args of commands()) {
      const r = runFocal(args, analyst);
      expect(r.stderr, args.join(' ')).toBe('');
      expect(`${r.stdout}`, args.join(' ')).not.toContain(MARKER);
    }
    expect(runFocal(['segments', file, '--code', 'Peer support'], analyst).stdout).toContain('••••');
  });

  it('shows the kaitiaki the passage (the same commands can print it)', { timeout: 120_000 }, () => {
    expect(runFocal(['segments', file, '--code', 'Peer support'], kaitiaki).stdout).toContain(MARKER);
    expect(runFocal(['pseudo', 'scan', file, '--source', String(w.hui.id)], kaitiaki).stdout).toContain(MARKER);
    expect(runFocal(['show', file, '--source', String(w.hui.id)], kaitiaki).stdout).toContain(MARKER);
    // The analyst's show: the turn masked and flagged, with its offsets and speaker.
    const shown = JSON.parse(runFocal(['show', file, '--source', String(w.hui.id), '--json'], analyst).stdout);
    const tama = shown.turns.find((t: { start: number }) => t.start === w.tamaTurn.start);
    expect(tama).toMatchObject({ kind: 'turn', speaker: 'Tama Rewiri', end: w.tamaTurn.end, flags: expect.arrayContaining(['restricted']) });
    expect(tama.text).toContain('••••');
    // Typing the kaitiaki's name as FOCAL_USER, without the key, shows nothing.
    expect(runFocal(['segments', file, '--code', 'Peer support'], typedName).stdout).not.toContain(MARKER);
    const wrong = runFocal(['segments', file, '--code', 'Peer support'], { ...kaitiaki, FOCAL_KAITIAKI_PASSPHRASE: 'not it' });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/focalkey: .*passphrase/);
  });

  it('export and check name an undecided identifier in the passage by kind and position', { timeout: 120_000 }, () => {
    for (const env of [analyst, kaitiaki]) {
      const r = runFocal(['export', 'quotes', file, '--format', 'md', '--out', join(dir, `bank-${env.FOCAL_USER}.md`), '--json'], env);
      expect(r.stdout + r.stderr).not.toContain(MARKER);
      const check = runFocal(['check', file], env);
      expect(check.stdout).not.toContain(MARKER);
      expect(check.stdout).toMatch(/an undecided name at [\d,]+–[\d,]+ in a restricted passage/);
    }
  });

  it('flags withdrawn, declined and restricted talk per row, in text and JSON', { timeout: 120_000 }, () => {
    const text = runFocal(['segments', file, '--code', 'Peer support'], analyst).stdout;
    expect(text).toMatch(/^\[withdrawn\] \[restricted\] .*Tama Rewiri/m);
    expect(text).toMatch(/^\[declined\] .*Waiata Henare/m);
    const json = JSON.parse(runFocal(['segments', file, '--code', 'Peer support', '--json'], analyst).stdout) as Array<{ flags: string[]; speakers: Array<{ label: string }> }>;
    expect(json.find((s) => s.speakers.some((p) => p.label === 'Waiata Henare'))!.flags).toEqual(['declined']);
    const q = JSON.parse(runFocal(['query', file, '--or', 'Peer support', '--json'], analyst).stdout) as { segments: Array<{ flags: string[] }> };
    expect(q.segments.some((s) => s.flags.includes('withdrawn'))).toBe(true);
    const s = JSON.parse(runFocal(['search', file, 'Hutt', '--json'], analyst).stdout) as { hits: Array<{ flags: string[] }> };
    expect(s.hits[0]!.flags).toContain('restricted');
    expect(runFocal(['parts', file, '--source', String(w.hui.id)], analyst).stdout).toMatch(/^\[withdrawn\] closing/m);
  });

  it('says in --help that terminal output is a view, not an export', { timeout: 120_000 }, () => {
    for (const cmd of [['segments'], ['search'], ['query'], ['pseudo', 'scan'], ['parts'], ['check']]) {
      expect(runFocal([...cmd, '--help'], analyst).stdout, cmd.join(' ')).toMatch(/Terminal output is a view, not an export/);
    }
  });
});
