/** Withdrawal takes effect at once, marks the person's coded segments, lists what it affected, and touches nothing else; passage marks. */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { testCore } from '../../support/core';
import { codeEveryTurn, importAndMap } from '../export/fixture-project';

describe('withdrawal and passage marks', () => {
  const { api, core, dir } = testCore();
  let rachel = 0;
  let vtt = 0;
  let peerRoles = 0;

  beforeAll(async () => {
    await api['project-new']({ name: 'Withdrawal', path: join(dir, 'w.focal') });
    await importAndMap(api);
    const codes = await codeEveryTurn(api);
    peerRoles = codes.get('focus-group-lived-experience.vtt')!;
    rachel = (await api['participants-list']({})).find((p) => p.name === 'Rachel Moana')!.id;
    vtt = (await api['sources-list']({})).find((s) => s.format === 'vtt')!.id;
  }, 60_000);

  it("marks Priya Sharma's segments withdrawn in retrieval and nobody else's", async () => {
    const segs = await api['segments-list']({ codeId: peerRoles });
    const flagged = segs.filter((s) => s.withdrawn);
    expect(flagged.map((s) => s.speakers.map((p) => p.name))).toEqual([['Priya Sharma'], ['Priya Sharma']]);
    expect(segs.filter((s) => !s.withdrawn).every((s) => s.speakers.every((p) => p.name !== 'Priya Sharma'))).toBe(true);
  });

  it("makes a participant's talk unexportable the moment they withdraw, lists what it affects, and touches nothing else", async () => {
    const before = await api['quotes-list']({ sourceId: vtt });
    const rachelsQuotes = before.filter((q) => q.speakers.some((s) => s.participantId === rachel));
    expect(rachelsQuotes.length).toBe(2);
    expect(rachelsQuotes.every((q) => q.gate.passed || q.gate.reasons.every((r) => r.code === 'identifier-unresolved'))).toBe(true);
    const codingsBefore = core.requireProject().db.prepare('SELECT count(*) FROM codings').pluck().get();

    await api['participant-update']({ id: rachel, consent: { withdrawnOn: '2020-05-01' } });

    const after = await api['quotes-list']({ sourceId: vtt });
    for (const q of after) {
      const was = before.find((b) => b.id === q.id)!;
      if (rachelsQuotes.some((r) => r.id === q.id)) expect(q.gate.reasons.map((r) => r.code)).toContain('participant-withdrawn');
      else expect(q.gate).toEqual(was.gate);
    }
    const fx = await api['withdrawal-effects']({ participantId: rachel });
    expect(fx.withdrawnOn).toBe('2020-05-01');
    expect(fx.sources).toEqual([{ sourceId: vtt, title: expect.any(String), turns: 2 }]);
    expect(fx.segments).toHaveLength(2);
    expect(fx.segments.every((s) => s.codePath === 'Themes/Peer roles')).toBe(true);
    expect(fx.quotes.map((q) => q.quoteId).sort()).toEqual(rachelsQuotes.map((q) => q.id).sort());
    // Nothing deleted or changed: codings stay, the retrieval flag shows it.
    expect(core.requireProject().db.prepare('SELECT count(*) FROM codings').pluck().get()).toBe(codingsBefore);
    const segs = await api['segments-list']({ codeId: peerRoles });
    expect(segs.filter((s) => s.withdrawn).length).toBe(4);
    // Undoing the withdrawal restores exportability.
    await api['participant-update']({ id: rachel, consent: { withdrawnOn: null } });
    expect((await api['quotes-list']({ sourceId: vtt })).map((q) => q.gate)).toEqual(before.map((q) => q.gate));
  });

  it('marks, lists and removes passages, with the audit log recording each', async () => {
    const detail = await api['source-get']({ sourceId: vtt });
    const turn = detail.blocks.find((b) => b.kind === 'turn')!;
    const mark = await api['passage-mark-add']({ sourceId: vtt, start: turn.start, end: turn.start + 20, kind: 'restricted', reason: 'names a workplace' });
    expect(mark).toMatchObject({ sourceId: vtt, kind: 'restricted', reason: 'names a workplace', text: detail.text.slice(turn.start, turn.start + 20), createdBy: 'Test Coder' });
    expect(await api['passage-marks-list']({})).toHaveLength(1);
    await expect(api['passage-mark-add']({ sourceId: vtt, start: 0, end: detail.text.length + 5, kind: 'withdrawn' })).rejects.toMatchObject({ code: 'bad-input' });
    await api['passage-mark-remove']({ id: mark.id });
    expect(await api['passage-marks-list']({ sourceId: vtt })).toEqual([]);
    await expect(api['passage-mark-remove']({ id: mark.id })).rejects.toMatchObject({ code: 'not-found' });
    const actions = core.requireProject().db.prepare("SELECT action FROM audit_log WHERE action LIKE 'passage-%' ORDER BY id").pluck().all();
    expect(actions).toEqual(['passage-marked', 'passage-unmarked']);
  });
});
