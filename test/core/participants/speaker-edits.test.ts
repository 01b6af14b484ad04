/**
 * Speaker review edits after import: "Not a speaker", merging labels, moving turns to another
 * label (split, reassign). Each is one undoable step, audited; codings never move or change.
 */
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { SourceDetail } from '../../../shared/domain/project';
import { testCore } from '../../support/core';

const otter = { name: 'otter-hui.txt', path: join(process.cwd(), 'test/fixtures/formats/otter-hui.txt') };
const rev = { name: 'rev-interview.txt', path: join(process.cwd(), 'test/fixtures/formats/rev-interview.txt') };

describe('speaker review edits', () => {
  const { api, core, path } = testCore();
  let sourceId = 0;
  let otherSourceId = 0;
  let codeId = 0;
  let n = 0;

  const db = () => core.requireProject().db;
  const source = (): Promise<SourceDetail> => api['source-get']({ sourceId });
  const labelId = async (label: string, id = sourceId) => (await api['speakers-review']({ sourceId: id })).find((r) => r.label === label)!.speakerId;
  const turnsOf = (d: SourceDetail, label: string) => {
    const sp = d.speakers.find((s) => s.label === label)!;
    return d.blocks.filter((b) => b.speakerId === sp.id);
  };
  const codings = () => db().prepare('SELECT id, code_id, source_id, start, end FROM codings ORDER BY id').all();
  const audit = (action: string) => db().prepare('SELECT detail FROM audit_log WHERE action = ? ORDER BY id DESC').pluck().get(action) as string | undefined;

  beforeEach(async () => {
    await api['project-new']({ name: 'Speaker edits', path: path(`edits-${++n}.focal`) });
    const [r, r2] = await api['import-files']({ files: [otter, rev] });
    sourceId = r!.sourceId!;
    otherSourceId = r2!.sourceId!;
    const frame = await api['frame-create']({ name: 'Themes', kind: 'mainstream' });
    codeId = (await api['code-create']({ frameId: frame.id, name: 'Whakapapa' })).id;
    const d = await source();
    // One coding on each of Will's turns, one across Mere's first turn and Hēmi's.
    for (const t of turnsOf(d, 'Will')) await api['coding-apply']({ codeId, sourceId, start: t.start, end: t.end });
    const mere = turnsOf(d, 'Mere Tawhiri')[0]!;
    const hemi = turnsOf(d, 'Hēmi Te Whata')[0]!;
    await api['coding-apply']({ codeId, sourceId, start: mere.start + 3, end: hemi.end });
  });

  it('marks a label "Not a speaker": its turns become unattributed text, codings stay, one undo restores it', async () => {
    const before = await source();
    const codingsBefore = codings();
    const will = await labelId('Will');
    const willTurns = turnsOf(before, 'Will').map((b) => b.id);
    const kinds: string[][] = [];
    const off = core.on('changed', (e) => kinds.push(e.kinds));
    const rows = await api['speakers-not-speaker']({ speakerIds: [will] });
    off();
    expect(kinds).toEqual([['participants', 'sources', 'history']]);
    expect(rows.find((r) => r.speakerId === will)).toMatchObject({ label: 'Will', notSpeaker: true, participantId: null, turnCount: 2 });

    const after = await source();
    expect(after.text).toBe(before.text);
    for (const id of willTurns) expect(after.blocks.find((b) => b.id === id)).toMatchObject({ kind: 'text', speakerId: null, labelId: will });
    expect(after.speakers.find((s) => s.id === will)).toMatchObject({ notSpeaker: true });
    expect(codings()).toEqual(codingsBefore);
    // Nobody is credited with the text: the segments have no speaker, and accept-all links no one to the label.
    const segs = await api['segments-list']({ codeId });
    const willSegs = segs.filter((s) => willTurns.some((id) => before.blocks.find((b) => b.id === id)!.start === s.start));
    expect(willSegs.length).toBe(2);
    for (const s of willSegs) expect(s.speakers).toEqual([]);
    const accepted = await api['speakers-accept-all']({ sourceIds: [sourceId] });
    expect(accepted.rows.find((r) => r.speakerId === will)).toMatchObject({ participantId: null, notSpeaker: true });
    await expect(api['speakers-map']({ speakerIds: [will], create: { name: 'Will' } })).rejects.toMatchObject({ code: 'bad-input', message: expect.stringMatching(/not a speaker/i) });
    expect(JSON.parse(audit('speakers-not-speaker')!)).toMatchObject({ sourceId, speakerIds: [will], labels: ['Will'], blocks: 2 });
    // `focal check` and the group set-up no longer ask for the label to be mapped.
    expect((await api['project-check']({})).some((p) => p.kind === 'speaker-unmapped' && p.speakerId === will)).toBe(false);
    expect((await api['group-setup-preview']({ sourceId })).unmappedLabels).not.toContain('Will');

    // Undo the accept-all first (not undoable: nothing to undo from it), then the "Not a speaker".
    const state = await api['history-state']({});
    expect(state.canUndo?.label).toBe('Not a speaker: "Will"');
    await api['history-undo']({});
    const undone = await source();
    expect(undone.blocks.map((b) => [b.id, b.kind, b.speakerId])).toEqual(before.blocks.map((b) => [b.id, b.kind, b.speakerId]));
    expect(undone.speakers.find((s) => s.id === will)).toMatchObject({ notSpeaker: false });
    expect(codings()).toEqual(codingsBefore);
    await api['history-redo']({});
    expect((await source()).blocks.filter((b) => b.labelId === will).length).toBe(2);
  });

  it('turns a not-speaker label back into a speaker with restore', async () => {
    const will = await labelId('Will');
    const before = await source();
    await api['speakers-not-speaker']({ speakerIds: [will] });
    await api['speakers-not-speaker']({ speakerIds: [will], restore: true });
    const d = await source();
    expect(d.blocks.map((b) => [b.id, b.kind, b.speakerId, b.labelId])).toEqual(before.blocks.map((b) => [b.id, b.kind, b.speakerId, null]));
  });

  it('merges labels of one transcript into the first: turns move, the others go, undo restores', async () => {
    const before = await source();
    const codingsBefore = codings();
    const mere = await labelId('Mere Tawhiri');
    const hemi = await labelId('Hēmi Te Whata');
    const rows = await api['speakers-merge']({ speakerIds: [mere, hemi] });
    expect(rows.map((r) => r.label)).toEqual(['Mere Tawhiri', 'Will']);
    expect(rows[0]!.turnCount).toBe(3);
    const d = await source();
    expect(d.speakers.map((s) => s.label)).toEqual(['Mere Tawhiri', 'Will']);
    expect(turnsOf(d, 'Mere Tawhiri').map((b) => b.id)).toEqual([...turnsOf(before, 'Mere Tawhiri'), ...turnsOf(before, 'Hēmi Te Whata')].map((b) => b.id).sort((a, b) => a - b));
    expect(codings()).toEqual(codingsBefore);
    expect(JSON.parse(audit('speakers-merged')!)).toMatchObject({ sourceId, into: mere, speakerIds: [hemi], labels: ['Hēmi Te Whata'] });
    await api['history-undo']({});
    const undone = await source();
    expect(undone.speakers).toEqual(before.speakers);
    expect(undone.blocks).toEqual(before.blocks);
  });

  it('refuses to merge labels from two transcripts, or one label alone', async () => {
    const mere = await labelId('Mere Tawhiri');
    const ngaire = await labelId('Ngaire Pōtae', otherSourceId);
    await expect(api['speakers-merge']({ speakerIds: [mere, ngaire] })).rejects.toMatchObject({ code: 'bad-input', message: expect.stringMatching(/same participant/) });
    await expect(api['speakers-merge']({ speakerIds: [mere] })).rejects.toMatchObject({ code: 'bad-input' });
  });

  it('reassigns a turn to another label, and splits a label by moving turns to a new one', async () => {
    const before = await source();
    const codingsBefore = codings();
    const [first, second] = turnsOf(before, 'Mere Tawhiri');
    const will = await labelId('Will');
    await api['speakers-reassign']({ blockIds: [second!.id], speakerId: will });
    let d = await source();
    expect(d.blocks.find((b) => b.id === second!.id)!.speakerId).toBe(will);
    expect(JSON.parse(audit('turns-reassigned')!)).toMatchObject({ sourceId, blockIds: [second!.id], to: will });

    const rows = await api['speakers-reassign']({ blockIds: [first!.id], newLabel: 'Mere (kuia)' });
    const split = rows.find((r) => r.label === 'Mere (kuia)')!;
    expect(split).toMatchObject({ turnCount: 1, participantId: null, sourceId });
    d = await source();
    // Mere has no turns left: the empty label is removed rather than offered for linking.
    expect(d.speakers.map((s) => s.label)).toEqual(['Hēmi Te Whata', 'Will', 'Mere (kuia)']);
    expect(d.blocks.find((b) => b.id === first!.id)!.speakerId).toBe(split.speakerId);
    expect(codings()).toEqual(codingsBefore);

    // Two undos, two steps back.
    await api['history-undo']({});
    await api['history-undo']({});
    const undone = await source();
    expect(undone.speakers).toEqual(before.speakers);
    expect(undone.blocks).toEqual(before.blocks);
  });

  it('makes unattributed text a turn of a label', async () => {
    const will = await labelId('Will');
    const d0 = await source();
    const ids = turnsOf(d0, 'Will').map((b) => b.id);
    await api['speakers-not-speaker']({ speakerIds: [will] });
    const mere = await labelId('Mere Tawhiri');
    await api['speakers-reassign']({ blockIds: [ids[0]!], speakerId: mere });
    const d = await source();
    expect(d.blocks.find((b) => b.id === ids[0])).toMatchObject({ kind: 'turn', speakerId: mere, labelId: null });
  });

  it('refuses turns from two transcripts, headings and notes, unknown ids, a label that exists, and a target in another transcript', async () => {
    const d = await source();
    const other = await api['source-get']({ sourceId: otherSourceId });
    const mereTurn = turnsOf(d, 'Mere Tawhiri')[0]!.id;
    const will = await labelId('Will');
    const ngaire = await labelId('Ngaire Pōtae', otherSourceId);
    await expect(api['speakers-reassign']({ blockIds: [mereTurn, other.blocks[0]!.id], speakerId: will })).rejects.toMatchObject({ code: 'bad-input', message: expect.stringMatching(/one transcript/) });
    await expect(api['speakers-reassign']({ blockIds: [mereTurn], speakerId: ngaire })).rejects.toMatchObject({ code: 'bad-input', message: expect.stringMatching(/another transcript/) });
    await expect(api['speakers-reassign']({ blockIds: [999_999], speakerId: will })).rejects.toMatchObject({ code: 'not-found' });
    await expect(api['speakers-reassign']({ blockIds: [mereTurn], newLabel: 'Will' })).rejects.toMatchObject({ code: 'bad-input', message: expect.stringMatching(/already/) });
    await expect(api['speakers-reassign']({ blockIds: [mereTurn], speakerId: will, newLabel: 'X' } as never)).rejects.toMatchObject({ code: 'bad-input' });
    const note = d.blocks.find((b) => b.kind === 'note' || b.kind === 'heading');
    if (note) await expect(api['speakers-reassign']({ blockIds: [note.id], speakerId: will })).rejects.toMatchObject({ code: 'bad-input' });
    // Nothing was half-done.
    expect((await source()).blocks).toEqual(d.blocks);
  });
});
