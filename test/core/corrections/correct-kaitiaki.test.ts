/**
 * Correcting a tikanga-based session or a restricted (tapu) passage: only someone who may read it
 * (the kaitiaki with their key unlocked), anyone else refused with the kaitiaki named. A correction
 * changes the source's SHA-256, so no signed decision about words covers changed words: approvals
 * signed over the old text stop counting; an opening carries only through a correction the
 * kaitiaki signed (a reader's breaks it); undo brings the old text and them back.
 * Also: edits across a turn boundary are refused; a preview saves nothing; a stale edit is refused.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { signedOpenings } from '../../../electron/core/frames/frame-openings';
import { groupStatements } from '../../../electron/core/kaitiaki/statements';
import { quoteMatches, textSha } from '../../../electron/core/kaitiaki/subjects';
import { verifiedDecisions } from '../../../electron/core/kaitiaki/verified-decisions';
import { testCore } from '../../support/core';
import { actAs, buildWorld, MARKER, type World } from '../tikanga/mask-world';

describe('correcting tikanga-based and restricted text', () => {
  const { api, core, dir } = testCore();
  const as = actAs(core, dir);
  let w: World;
  const db = () => core.requireProject().db;
  const text = () => db().prepare('SELECT text FROM sources WHERE id = ?').pluck().get(w.hui.id) as string;
  const approvalCounts = () => {
    const q = db().prepare('SELECT id, start, end, cuts FROM quotes WHERE id = ?').get(w.tapuQuoteId) as { id: number; start: number; end: number; cuts: string };
    const t = text();
    return verifiedDecisions(db()).approvals.filter((a) => a.revokedAt === null && a.quote && quoteMatches(a.quote, { ...q, cuts: JSON.parse(q.cuts) }, textSha(t), t)).length;
  };

  beforeAll(async () => {
    w = await buildWorld(api, join(dir), as);
    as('Aroha Ngata');
  }, 120_000);

  it('refuses a non-kaitiaki correcting inside the tapu passage, at its edge, or anywhere in the tikanga-based hui, naming the kaitiaki', async () => {
    const before = text();
    for (const edit of [
      { start: w.tapu.start + 2, end: w.tapu.start + 4, text: 'xx' },
      { start: w.tapu.end, end: w.tapu.end, text: 's' },
      { start: w.tamaTurn.start, end: w.tamaTurn.start + 1, text: 'K' },
    ]) {
      const err = await api['source-correct']({ sourceId: w.hui.id, edits: [edit] }).catch((e: { code: string; message: string }) => e);
      expect(err).toMatchObject({ code: 'forbidden', message: expect.stringMatching(/Koro Hemi, kaitiaki of 'Te Whare Oranga rōpū'/) });
      expect(JSON.stringify(err)).not.toContain(MARKER);
      await expect(api['source-correct']({ sourceId: w.hui.id, edits: [edit], preview: true })).rejects.toMatchObject({ code: 'forbidden' });
    }
    expect(text()).toBe(before);
  });

  it('refuses an edit across a turn boundary, with the speakers named and the speaker review pointed to', async () => {
    as('Koro Hemi');
    const next = w.hui.blocks.find((b) => b.start >= w.tamaTurn.end && b.kind === 'turn')!;
    await expect(api['source-correct']({ sourceId: w.hui.id, edits: [{ start: w.tamaTurn.end - 2, end: next.start + 2, text: 'joined' }] })).rejects.toMatchObject({
      code: 'bad-input',
      message: expect.stringMatching(/crosses a turn boundary \(Tama Rewiri's turn and .+'s turn\).*speaker review/),
    });
    await expect(api['source-correct']({ sourceId: w.hui.id, edits: [{ start: w.tamaTurn.end, end: next.start, text: '' }] })).rejects.toMatchObject({ code: 'bad-input' });
    as('Aroha Ngata');
  });

  it("the kaitiaki corrects it: signed decisions over the old text stop counting; the correction is signed; undo restores them", async () => {
    as('Koro Hemi');
    const before = text();
    expect(approvalCounts()).toBe(1);
    expect(signedOpenings(db(), w.hui.id).has(w.frameId)).toBe(true);
    // A preview lists what would change and saves nothing.
    const at = w.tapu.start + MARKER.length + 1; // "Whitu", inside the quote and the tapu passage
    const edit = { start: at, end: at + 5, text: 'Whetu' };
    const preview = await api['source-correct']({ sourceId: w.hui.id, edits: [edit], preview: true });
    expect(preview).toMatchObject({ saved: false, quotesSentBack: [w.tapuQuoteId], historyLabel: null });
    expect(preview.statementsLapsed).toBeGreaterThan(0);
    expect(text()).toBe(before);
    // A correction typed against another text is refused.
    await expect(api['source-correct']({ sourceId: w.hui.id, edits: [edit], expectSha256: '0'.repeat(64) })).rejects.toMatchObject({ code: 'conflict' });

    const res = await api['source-correct']({ sourceId: w.hui.id, edits: [edit], expectSha256: textSha(before) });
    expect(res).toMatchObject({ saved: true, sha256Before: textSha(before), sha256After: textSha(text()), quotesSentBack: [w.tapuQuoteId] });
    expect(text().slice(at, at + 5)).toBe('Whetu');
    // The label still covers the passage, now with the corrected word.
    const label = db().prepare('SELECT start, end FROM sensitivity_labels WHERE id = ?').get(w.labelId) as { start: number; end: number };
    expect(text().slice(label.start, label.end)).toBe(`${MARKER} Whetu ${MARKER}`);
    // No decision about words covers the new words: the quote's approval no longer counts. The
    // opening to the mainstream frame (about the whole session) carries, through the kaitiaki's signed correction.
    expect(approvalCounts()).toBe(0);
    expect(signedOpenings(db(), w.hui.id).has(w.frameId)).toBe(true);
    expect(db().prepare('SELECT revoked_at FROM approvals WHERE quote_id = ?').pluck().get(w.tapuQuoteId)).not.toBeNull();
    // The correction itself is a signed statement naming both hashes (and no words); the log keeps the old hash.
    const signed = groupStatements(db(), w.ropuId).valid.filter((s) => s.body.kind === 'source-correct');
    expect(signed).toHaveLength(1);
    expect(signed[0]!.body.subject).toMatchObject({ source: { id: w.hui.id, sha256: textSha(before) }, to: { sha256: textSha(text()) } });
    expect(signed[0]!.bodyText).not.toContain('Whetu');
    expect(db().prepare('SELECT before_sha, after_sha FROM source_corrections WHERE source_id = ?').all(w.hui.id)).toEqual([{ before_sha: textSha(before), after_sha: textSha(text()) }]);
    const audit = db().prepare("SELECT actor, detail FROM audit_log WHERE action = 'source-corrected'").get() as { actor: string; detail: string };
    expect(audit.actor).toBe('Koro Hemi');
    expect(audit.detail).not.toContain('Whetu');
    expect(JSON.parse(audit.detail)).toMatchObject({ sha256Before: textSha(before), sha256After: textSha(text()), ranges: [{ start: at, end: at + 5, length: 5 }] });

    // Undo: the old text, the old hash, and so the signed decisions count again.
    await api['history-undo']({});
    expect(text()).toBe(before);
    expect(approvalCounts()).toBe(1);
    expect(signedOpenings(db(), w.hui.id).has(w.frameId)).toBe(true);
    as('Aroha Ngata');
  });

  it("a reader the kaitiaki named may correct in a kaupapa Māori frame; unsigned, it breaks the chain: the opening lapses until undone", async () => {
    as('Koro Hemi');
    await api['kaitiaki-readers-set']({ groupId: w.ropuId, readers: ['Aroha Ngata'] });
    as('Aroha Ngata');
    const at = text().indexOf(MARKER) + MARKER.length + 1;
    // Outside a kaupapa Māori frame the reader is refused, as anyone is.
    await expect(api['source-correct']({ sourceId: w.hui.id, edits: [{ start: at, end: at + 1, text: 'w' }], frameId: w.frameId })).rejects.toMatchObject({ code: 'forbidden' });
    const res = await api['source-correct']({ sourceId: w.hui.id, edits: [{ start: at, end: at + 1, text: 'w' }], frameId: w.kmFrameId });
    expect(res.saved).toBe(true);
    expect(groupStatements(db(), w.ropuId).valid.filter((s) => s.body.kind === 'source-correct')).toHaveLength(1);
    expect(signedOpenings(db(), w.hui.id).has(w.frameId)).toBe(false);
    await api['history-undo']({});
    expect(signedOpenings(db(), w.hui.id).has(w.frameId)).toBe(true);
  });

  it('a correction in a mainstream transcript needs nobody; one changing a gated quote sends it back', async () => {
    const fg = await api['source-get']({ sourceId: w.fgId });
    const turn = fg.blocks.find((b) => b.kind === 'turn')!;
    const res = await api['source-correct']({ sourceId: w.fgId, edits: [{ start: turn.start, end: turn.start, text: 'Um, ' }] });
    // An insertion at the quote's start stays outside it: the quote's words are unchanged.
    expect(res).toMatchObject({ saved: true, quotesSentBack: [], quotes: { kept: 1 } });
    const q = db().prepare('SELECT start, end FROM quotes WHERE id = ?').get(w.fgQuoteId);
    expect(q).toMatchObject({ start: turn.start + 4 });
    await api['history-undo']({});
  });
});
