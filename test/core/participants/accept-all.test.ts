/** "Accept all suggestions" never fails on a label that names only a role: it goes to the research-team person, or is asked once. */
import { beforeAll, describe, expect, it } from 'vitest';
import { testCore } from '../../support/core';

function world() {
  const t = testCore();
  const addSource = (title: string, labels: string[]): number => {
    const db = t.core.requireProject().db;
    const sourceId = Number(
      db.prepare("INSERT INTO sources (title, mode, format, file_name, content_hash, text, word_count, imported_at) VALUES (?, 'tikanga', 'txt', ?, ?, '', 0, 'now')").run(title, `${title}.txt`, title).lastInsertRowid,
    );
    labels.forEach((label, seq) => {
      const speakerId = Number(db.prepare('INSERT INTO speakers (source_id, label) VALUES (?, ?)').run(sourceId, label).lastInsertRowid);
      db.prepare("INSERT INTO blocks (source_id, seq, kind, speaker_id, start, end) VALUES (?, ?, 'turn', ?, 0, 0)").run(sourceId, seq, speakerId);
    });
    return sourceId;
  };
  const names = async () => (await t.api['participants-list']({})).map((p) => p.name);
  return { ...t, addSource, names };
}

describe('accept all with generic labels, one research-team person', () => {
  const { api, addSource, names, path } = world();
  let waiata = 0;
  beforeAll(async () => {
    await api['project-new']({ name: 'One facilitator', path: path('one.focal') });
    waiata = (await api['participant-create']({ name: 'Waiata Henare', role: 'facilitator' })).id;
    await api['participant-create']({ name: 'Aroha Ngata', role: 'peer supporter' });
    addSource('Hui 1', ['Facilitator', 'Aroha Ngata']);
    addSource('Hui 2', ['FACILITATOR', 'Interviewer', 'Tama']);
  });

  it('suggests the one research-team person for Facilitator, FACILITATOR and Interviewer', async () => {
    const rows = await api['speakers-review']({});
    for (const label of ['Facilitator', 'FACILITATOR', 'Interviewer']) expect(rows.find((r) => r.label === label)!.suggestion).toMatchObject({ participantId: waiata, name: 'Waiata Henare' });
    expect(rows.find((r) => r.label === 'Interviewer')!.suggestion.role).toBe('interviewer');
  });

  it('links them all without error and creates nobody called Facilitator', async () => {
    const r = await api['speakers-accept-all']({});
    expect(r.question).toBeNull();
    expect(r.rows.every((x) => x.participantId !== null)).toBe(true);
    expect(r.rows.filter((x) => x.participantId === waiata).map((x) => x.label).sort()).toEqual(['FACILITATOR', 'Facilitator', 'Interviewer']);
    expect(r.rows.find((x) => x.label === 'Interviewer')!.role).toBe('interviewer');
    expect((await names()).sort()).toEqual(['Aroha Ngata', 'Tama', 'Waiata Henare']);
    // Again: nothing left, still no error.
    const again = await api['speakers-accept-all']({});
    expect(again).toMatchObject({ linked: 0, question: null });
  });
});

describe('accept all with generic labels, two research-team people (or none)', () => {
  const { api, addSource, names, path } = world();
  let sam = 0;
  beforeAll(async () => {
    await api['project-new']({ name: 'Two facilitators', path: path('two.focal') });
    await api['participant-create']({ name: 'Waiata Henare', role: 'facilitator' });
    sam = (await api['participant-create']({ name: 'Sam Lee', role: 'researcher' })).id;
    addSource('Hui 1', ['Facilitator', 'Aroha Ngata']);
    addSource('Hui 2', ['FACILITATOR', 'Interviewer']);
  });

  it('links the rest and asks once about all the generic labels', async () => {
    const r = await api['speakers-accept-all']({});
    expect(r.question).not.toBeNull();
    expect(r.question!.labels.sort()).toEqual(['FACILITATOR', 'Facilitator', 'Interviewer']);
    expect(r.question!.candidates.map((c) => c.name).sort()).toEqual(['Sam Lee', 'Waiata Henare']);
    expect(r.rows.find((x) => x.label === 'Aroha Ngata')!.participantId).not.toBeNull();
    expect(r.rows.filter((x) => x.participantId === null)).toHaveLength(3);
    expect(await names()).not.toContain('Facilitator');
  });

  it('the one answer links every generic label to that person, with the role each label names', async () => {
    const r = await api['speakers-accept-all']({ researchTeam: { participantId: sam } });
    expect(r.question).toBeNull();
    const linked = r.rows.filter((x) => ['Facilitator', 'FACILITATOR', 'Interviewer'].includes(x.label));
    expect(linked.every((x) => x.participantId === sam)).toBe(true);
    expect(linked.find((x) => x.label === 'Interviewer')!.role).toBe('interviewer');
  });

  it('a new research-team person may be named in the answer, but never one called after a role', async () => {
    addSource('Hui 3', ['Moderator']);
    await expect(api['speakers-accept-all']({ researchTeam: { create: { name: 'Facilitator' } } })).rejects.toMatchObject({ code: 'bad-input' });
    const r = await api['speakers-accept-all']({ researchTeam: { create: { name: 'Hine Walker', role: 'researcher' } } });
    expect(r.question).toBeNull();
    expect(await names()).toContain('Hine Walker');
  });

  it('a label naming only a role is marked generic in the review, so the UI asks instead of offering to create "Interviewer"', async () => {
    addSource('Hui 4', ['INTERVIEWER']);
    const row = (await api['speakers-review']({ unmappedOnly: true })).find((x) => x.label === 'INTERVIEWER')!;
    expect(row.suggestion).toMatchObject({ participantId: null, generic: true, role: 'interviewer' });
    const r = await api['speakers-accept-all']({});
    expect(r.question!.labels).toEqual(['INTERVIEWER']);
    expect(await names()).not.toContain('Interviewer');
  });
});
