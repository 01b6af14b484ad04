/** `focal speakers`, `focal speakers accept` and `focal speakers map`, run as a user would. */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runFocal } from '../support/run-cli';
import { testCore } from '../support/core';

const formats = (name: string) => ({ name, path: join(process.cwd(), 'test/fixtures/formats', name) });

describe('focal speakers', () => {
  const { api, core, dir } = testCore();
  const env = { FOCAL_DATA_DIR: join(dir, 'cli-state'), FOCAL_USER: 'Analyst (CLI)' };
  const study = join(dir, 'study.focal');
  let otter = 0;
  let rev = 0;
  const review = (...extra: string[]) => JSON.parse(runFocal(['speakers', study, '--json', ...extra], env).stdout) as Array<{ label: string; sourceId: number; participantId: number | null; notSpeaker: boolean; turnCount: number; suggestion: { name: string } }>;

  beforeAll(async () => {
    await api['project-new']({ name: 'Study', path: study });
    const r = await api['import-files']({ files: [formats('otter-hui.txt'), formats('rev-interview.txt')] });
    otter = r[0]!.sourceId!;
    rev = r[1]!.sourceId!;
    core.closeProject();
  }, 60_000);

  it('lists every label with its transcript, turns and suggestion; --source and --json narrow and structure it', () => {
    const r = runFocal(['speakers', study], env);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Hui with the rōpū, Porirua (source ${otter})`);
    expect(r.stdout).toMatch(/Mere Tawhiri\s+2 turns\s+→ new participant "Mere Tawhiri"/);
    expect(r.stdout).toMatch(/Ngaire Pōtae\s+2 turns\s+→ new participant "Ngaire Pōtae"/);
    expect(r.stdout).toMatch(/5 labels, 5 not linked yet/);
    const json = review('--source', String(rev));
    expect(json.map((j) => j.label)).toEqual(['Speaker 1', 'Ngaire Pōtae']);
    expect(json.every((j) => j.sourceId === rev)).toBe(true);
  }, 180_000);

  it('map --not-speaker marks a label; --new creates and links a person with a role', () => {
    const ns = runFocal(['speakers', 'map', study, '--source', String(otter), '--label', 'Will', '--not-speaker'], env);
    expect(ns.stderr).toBe('');
    expect(ns.stdout.trim()).toBe('Will: not a speaker (its 2 turns are now unattributed text)');
    expect(review('--source', String(otter)).find((j) => j.label === 'Will')).toMatchObject({ notSpeaker: true, participantId: null });

    const made = runFocal(['speakers', 'map', study, '--label', 'Speaker 1', '--new', 'Sam Lee', '--role', 'interviewer'], env);
    expect(made.stderr).toBe('');
    expect(made.stdout.trim()).toBe('Speaker 1 → Sam Lee (interviewer, new participant)');
    expect(runFocal(['speakers', study], env).stdout).toMatch(/Speaker 1\s+2 turns\s+linked: Sam Lee \(interviewer\)/);
  }, 180_000);

  it('map LABEL PERSON links a label to a person already in the register', () => {
    runFocal(['speakers', 'map', study, '--source', String(otter), '--label', 'Mere Tawhiri', '--new', 'Mere Tawhiri'], env);
    const r = runFocal(['speakers', 'map', study, '--source', String(otter), 'Hēmi Te Whata', 'mere tawhiri'], env);
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('Hēmi Te Whata → Mere Tawhiri (participant)');
    const nobody = runFocal(['speakers', 'map', study, '--source', String(rev), 'Ngaire Pōtae', 'Nobody Here'], env);
    expect(nobody.code).toBe(1);
    expect(nobody.stderr).toMatch(/^focal: there is no participant named 'Nobody Here'.*--new/);
  }, 180_000);

  it('accept links every remaining label to its suggestion, skipping labels marked not a speaker', () => {
    const r = runFocal(['speakers', 'accept', study], env);
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('1 label linked; 0 left to decide');
    const rows = review();
    expect(rows.filter((j) => j.participantId === null).map((j) => j.label)).toEqual(['Will']);
    expect(runFocal(['speakers', 'accept', study], env).stdout.trim()).toBe('Nothing to link: every label is linked or marked not a speaker');
  }, 180_000);

  it('bad input is one line on stderr: usage errors exit 2, unknown labels 1', () => {
    const noChoice = runFocal(['speakers', 'map', study, '--label', 'Will'], env);
    expect(noChoice.code).toBe(2);
    expect(noChoice.stderr).toMatch(/^focal: give one of --participant NAME, --new NAME or --not-speaker/);
    const two = runFocal(['speakers', 'map', study, '--label', 'Will', '--not-speaker', '--new', 'X'], env);
    expect(two.code).toBe(2);
    const unknown = runFocal(['speakers', 'map', study, '--source', String(rev), '--label', 'Koro', '--not-speaker'], env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(new RegExp(`^focal: source ${rev} has no speaker label 'Koro'; its labels are: Speaker 1, Ngaire Pōtae`));
    const badSource = runFocal(['speakers', study, '--source', 'abc'], env);
    expect(badSource.code).toBe(2);
    expect(badSource.stderr).toMatch(/^focal: --source wants a source id/);
  }, 180_000);
});
