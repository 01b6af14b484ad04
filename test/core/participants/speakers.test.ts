import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SpeakerReviewRow } from '../../../shared/domain/project';
import { testCore } from '../../support/core';

const register = readFileSync(join(process.cwd(), 'test/fixtures/participants.csv'), 'utf8');

describe('speaker review and mapping', () => {
  const { api, core, path } = testCore();
  const ids = new Map<string, number>();
  let focusGroup = 0;
  let interview = 0;

  /** A minimal transcript: one source, its speaker labels, and `turns` turns for each. */
  const addSource = (title: string, speakers: Array<[label: string, turns: number]>): number => {
    const db = core.requireProject().db;
    const sourceId = Number(
      db.prepare("INSERT INTO sources (title, mode, format, file_name, content_hash, text, word_count, imported_at) VALUES (?, 'mainstream', 'txt', ?, ?, '', 0, 'now')").run(title, `${title}.txt`, title).lastInsertRowid,
    );
    let seq = 0;
    for (const [label, turns] of speakers) {
      const speakerId = Number(db.prepare('INSERT INTO speakers (source_id, label) VALUES (?, ?)').run(sourceId, label).lastInsertRowid);
      ids.set(`${title}/${label}`, speakerId);
      for (let t = 0; t < turns; t++) db.prepare("INSERT INTO blocks (source_id, seq, kind, speaker_id, start, end) VALUES (?, ?, 'turn', ?, 0, 0)").run(sourceId, seq++, speakerId);
    }
    return sourceId;
  };
  const row = (rows: SpeakerReviewRow[], label: string) => rows.find((r) => r.label === label)!;

  beforeAll(async () => {
    await api['project-new']({ name: 'Speakers', path: path('speakers.focal') });
    await api['participants-import-csv']({ fileName: 'participants.csv', csv: register });
    focusGroup = addSource('Focus group 1', [['Facilitator (Sam Lee)', 3], ['GEOFF', 2], ['Aroha Ngata', 4], ['INTERVIEWER', 1]]);
    interview = addSource('Interview 2', [['Geoff', 5], ['Koro', 1], ['Participant 3', 2]]);
  });

  it('suggests participants and roles from the labels', async () => {
    const people = new Map((await api['participants-list']({})).map((p) => [p.name, p.id]));
    const rows = await api['speakers-review']({});
    expect(rows.map((r) => r.label)).toEqual(['Facilitator (Sam Lee)', 'GEOFF', 'Aroha Ngata', 'INTERVIEWER', 'Geoff', 'Koro', 'Participant 3']);
    expect(row(rows, 'Facilitator (Sam Lee)')).toMatchObject({ sourceId: focusGroup, sourceTitle: 'Focus group 1', participantId: null, role: 'participant', turnCount: 3, suggestion: { participantId: people.get('Sam Lee'), name: 'Sam Lee', role: 'facilitator' } });
    expect(row(rows, 'GEOFF').suggestion).toEqual({ participantId: people.get('Geoff Baker'), name: 'Geoff Baker', role: 'participant' });
    expect(row(rows, 'Geoff').suggestion.participantId).toBe(people.get('Geoff Baker'));
    expect(row(rows, 'Aroha Ngata').suggestion).toEqual({ participantId: people.get('Aroha Ngata'), name: 'Aroha Ngata', role: 'participant' });
    // Two research-team people in the register (Waiata Henare, Sam Lee): who the interviewer was is asked, never guessed or created.
    expect(row(rows, 'INTERVIEWER').suggestion).toEqual({ participantId: null, name: 'Interviewer', role: 'interviewer', generic: true });
    expect(row(rows, 'Koro').suggestion).toEqual({ participantId: people.get('Koro Hemi'), name: 'Koro Hemi', role: 'kaumātua' });
    expect(row(rows, 'Participant 3').suggestion).toEqual({ participantId: null, name: 'Participant 3', role: 'participant' });
    expect((await api['speakers-review']({ sourceId: interview })).map((r) => r.label)).toEqual(['Geoff', 'Koro', 'Participant 3']);
    await expect(api['speakers-review']({ sourceId: 999 })).rejects.toMatchObject({ code: 'not-found' });
  });

  it('maps GEOFF and Geoff to Geoff Baker, merging the labels', async () => {
    const geoff = (await api['participants-list']({})).find((p) => p.name === 'Geoff Baker')!;
    const kinds: string[][] = [];
    const off = core.on('changed', (e) => kinds.push(e.kinds));
    const rows = await api['speakers-map']({ speakerIds: [ids.get('Focus group 1/GEOFF')!, ids.get('Interview 2/Geoff')!], participantId: geoff.id });
    off();
    expect(kinds).toEqual([['participants', 'sources']]);
    expect(new Set(rows.map((r) => r.sourceId))).toEqual(new Set([focusGroup, interview]));
    expect(row(rows, 'GEOFF')).toMatchObject({ participantId: geoff.id, suggestion: { participantId: geoff.id, name: 'Geoff Baker' } });
    expect(row(rows, 'Geoff').participantId).toBe(geoff.id);
    const detail = await api['participant-get']({ id: geoff.id });
    expect(detail.speakers.map((s) => [s.label, s.sourceTitle])).toEqual([['GEOFF', 'Focus group 1'], ['Geoff', 'Interview 2']]);
    const unmapped = await api['speakers-review']({ unmappedOnly: true });
    expect(unmapped.map((r) => r.label)).not.toContain('GEOFF');
    expect(unmapped.map((r) => r.label)).not.toContain('Geoff');
    const entry = core.requireProject().db.prepare("SELECT detail FROM audit_log WHERE action = 'speakers-mapped' ORDER BY id DESC").pluck().get() as string;
    expect(JSON.parse(entry)).toMatchObject({ labels: ['GEOFF', 'Geoff'], participantId: geoff.id, created: false });
  });

  it('maps to a participant created in the same step, with a session role', async () => {
    const rows = await api['speakers-map']({ speakerIds: [ids.get('Focus group 1/INTERVIEWER')!], create: { name: 'Jo Bloggs' }, role: 'interviewer' });
    expect(rows.every((r) => r.sourceId === focusGroup)).toBe(true);
    const jo = (await api['participants-list']({})).find((p) => p.name === 'Jo Bloggs')!;
    expect(jo).toMatchObject({ kind: 'person', role: 'participant' });
    expect(row(rows, 'INTERVIEWER')).toMatchObject({ participantId: jo.id, role: 'interviewer' });
  });

  it('unmaps labels, and refuses unknown speakers or participants without changing anything', async () => {
    const geoffLabel = ids.get('Focus group 1/GEOFF')!;
    const rows = await api['speakers-map']({ speakerIds: [geoffLabel], unmap: true });
    expect(row(rows, 'GEOFF').participantId).toBeNull();
    await expect(api['speakers-map']({ speakerIds: [geoffLabel, 9999], participantId: 1 })).rejects.toMatchObject({ code: 'not-found', message: /Speaker label id\(s\) 9999/ });
    await expect(api['speakers-map']({ speakerIds: [geoffLabel], participantId: 9999 })).rejects.toMatchObject({ code: 'not-found', message: /no participant with id 9999/ });
    await expect(api['speakers-map']({ speakerIds: [geoffLabel], create: { name: 'Ann' }, unmap: true })).rejects.toMatchObject({ code: 'bad-input' });
    await expect(api['speakers-map']({ speakerIds: [geoffLabel], create: { name: 'Geoff Baker' } })).rejects.toMatchObject({ code: 'conflict' });
    expect(row(await api['speakers-review']({ sourceId: focusGroup }), 'GEOFF').participantId).toBeNull();
  });
});
