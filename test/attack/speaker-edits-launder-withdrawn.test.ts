/**
 * Attack: a withdrawn participant's talk laundered by the speaker review edits. Marking their label
 * "Not a speaker", merging it into a consenting person's label, or giving their turns to another
 * label would leave their words credited to someone who did not withdraw (or to no one), so the
 * withdrawal no longer follows them into exports. Each is refused, naming the person and the fix;
 * giving a turn TO a withdrawn person (it was theirs all along) is allowed.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SourceDetail } from '../../shared/domain/project';
import { testCore } from '../support/core';

describe('speaker edits cannot launder a withdrawn participant’s talk', () => {
  const { api, path } = testCore();
  let source: SourceDetail;
  const label = (l: string) => source.speakers.find((s) => s.label === l)!;
  const turn = (l: string) => source.blocks.find((b) => b.speakerId === label(l).id)!;

  beforeAll(async () => {
    await api['project-new']({ name: 'Withdrawn', path: path('w.focal') });
    const [r] = await api['import-files']({ files: [{ name: 'otter-hui.txt', path: join(process.cwd(), 'test/fixtures/formats/otter-hui.txt') }] });
    source = await api['source-get']({ sourceId: r!.sourceId! });
    const hemi = await api['participant-create']({ name: 'Hēmi Te Whata' });
    const mere = await api['participant-create']({ name: 'Mere Tawhiri' });
    await api['speakers-map']({ speakerIds: [label('Hēmi Te Whata').id], participantId: hemi.id });
    await api['speakers-map']({ speakerIds: [label('Mere Tawhiri').id], participantId: mere.id });
    await api['participant-update']({ id: hemi.id, consent: { withdrawnOn: '2025-05-01' } });
    source = await api['source-get']({ sourceId: source.id });
  });

  it('refuses Not a speaker, merge and giving away turns for a withdrawn participant’s label; nothing changes', async () => {
    const hemi = label('Hēmi Te Whata').id;
    const mere = label('Mere Tawhiri').id;
    const refused = { code: 'bad-input', message: expect.stringMatching(/Hēmi Te Whata has withdrawn/) };
    await expect(api['speakers-not-speaker']({ speakerIds: [hemi] })).rejects.toMatchObject(refused);
    await expect(api['speakers-merge']({ speakerIds: [mere, hemi] })).rejects.toMatchObject(refused);
    await expect(api['speakers-merge']({ speakerIds: [hemi, mere] })).rejects.toMatchObject(refused);
    await expect(api['speakers-reassign']({ blockIds: [turn('Hēmi Te Whata').id], speakerId: mere })).rejects.toMatchObject(refused);
    await expect(api['speakers-reassign']({ blockIds: [turn('Hēmi Te Whata').id], newLabel: 'Someone' })).rejects.toMatchObject(refused);
    const after = await api['source-get']({ sourceId: source.id });
    expect(after.blocks).toEqual(source.blocks);
    expect(after.speakers).toEqual(source.speakers);
  });

  it('allows giving a turn to the withdrawn participant', async () => {
    const hemi = label('Hēmi Te Whata').id;
    await api['speakers-reassign']({ blockIds: [turn('Will').id], speakerId: hemi });
    expect((await api['source-get']({ sourceId: source.id })).blocks.find((b) => b.id === turn('Will').id)!.speakerId).toBe(hemi);
  });
});
