/**
 * The export gate, row by row (export-gate.md): for each row, a test that fails only that row;
 * one where everything passes; one that fails several rows at once.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { ReasonCode } from '../../../shared/domain/gate';
import { checkQuotes, exportOptions, type ExportOptionsInput } from '../../../electron/core/export/check-quotes';
import { testCore } from '../../support/core';
import { newKey, signRecorded } from '../../support/kaitiaki-sign';
import { addPerson, addTranscript, mapSpeaker, scenario } from './gate-fixture';

describe('export gate rows', () => {
  const { api, core, path } = testCore();
  const db = () => core.requireProject().db;
  const ids = {} as Record<'ana' | 'hine' | 'group' | 'kaitiaki' | 'main' | 'hui' | 'anaSpeaker' | 'qAna' | 'qHine' | 'qNote' | 'approval', number>;
  let huiRange = { start: 0, end: 0 };
  let anaRange = { start: 0, end: 0 };

  // The kaitiaki signs what each scenario records (as the app does when they decide); the gate reads only signed decisions.
  const check = (quoteId: number, o?: ExportOptionsInput) => {
    signRecorded(db(), ids.group);
    return checkQuotes(core, { quoteIds: [quoteId] }, exportOptions(o))[0]!;
  };
  const codes = (quoteId: number, o?: ExportOptionsInput) => check(quoteId, o).gate.reasons.map((r) => r.code);
  const only = (quoteId: number, mutate: () => void, expected: ReasonCode[], o?: ExportOptionsInput) =>
    expect(scenario(db(), mutate, () => codes(quoteId, o))).toEqual(expected);
  const run = (sql: string, ...args: unknown[]) => db().prepare(sql).run(...args);

  beforeAll(async () => {
    await api['project-new']({ name: 'Gate rows', path: path('gate.focal') });
    const d = db();
    ids.ana = addPerson(d, { name: 'Ana Pōtae', pseudonym: 'Mele', role: 'peer worker', quote: 'yes', named: 'no' });
    ids.kaitiaki = addPerson(d, { name: 'Rangi Kaitiaki', pseudonym: 'Whetu', role: 'kaitiaki', quote: 'yes', named: 'no' });
    ids.group = addPerson(d, { name: 'Te Rōpū Tautoko', kind: 'group', attribution: 'Rōpū A, group interview' });
    run('UPDATE participants SET kaitiaki_id = ? WHERE id = ?', ids.kaitiaki, ids.group);
    ids.hine = addPerson(d, { name: 'Hine Wairua', pseudonym: 'Aroha', role: 'peer supporter', quote: 'yes', named: 'no' });
    run('INSERT INTO group_members (group_id, member_id) VALUES (?, ?)', ids.group, ids.hine);

    const main = addTranscript(d, 'Focus group', 'mainstream', [
      { label: 'Ana', text: 'Peer support gave me hope when nothing else did.' },
      { label: null, text: '[laughter]' },
      { label: 'Ana', text: 'We were promised ten sessions and we got four [sighs].' },
    ]);
    ids.main = main.sourceId;
    ids.anaSpeaker = main.speakers.get('Ana')!;
    mapSpeaker(d, ids.anaSpeaker, ids.ana);
    anaRange = main.ranges[0]!;

    const hui = addTranscript(d, 'Hui', 'tikanga', [{ label: 'Hine', text: 'For us it starts with whakapapa, with the whānau.' }], ids.group);
    ids.hui = hui.sourceId;
    mapSpeaker(d, hui.speakers.get('Hine')!, ids.hine);
    huiRange = hui.ranges[0]!;
    run("INSERT INTO collective_consents (group_id, given_by_id, given_on, for_analysis, for_quotes, for_group_attribution, for_return, recorded_at) VALUES (?, ?, '2026-01-01', 1, 1, 1, 1, 'now')", ids.group, ids.kaitiaki);

    ids.qAna = (await api['quote-from-selection']({ sourceId: ids.main, ...anaRange })).quoteId!;
    ids.qNote = (await api['quote-from-selection']({ sourceId: ids.main, ...main.ranges[1]! })).quoteId!;
    ids.qHine = (await api['quote-from-selection']({ sourceId: ids.hui, ...huiRange })).quoteId!;
    ids.approval = Number(
      run("INSERT INTO approvals (group_id, kaitiaki_id, scope, quote_id, decision, decided_at) VALUES (?, ?, 'quote', ?, 'approved', '2026-02-01T00:00:00Z')", ids.group, ids.kaitiaki, ids.qHine).lastInsertRowid,
    );
  });

  it('passes a quote that meets every row, with the pseudonymised text, attribution, source, code and mode', () => {
    const ana = check(ids.qAna);
    expect(ana.gate).toEqual({ quoteId: ids.qAna, passed: true, reasons: [] });
    expect(ana.out).toEqual({ text: 'Peer support gave me hope when nothing else did.', attribution: '(Mele, peer worker)', sourceTitle: 'Focus group', codePath: 'Uncoded', mode: 'mainstream' });
    const hine = check(ids.qHine);
    expect(hine.gate.passed).toBe(true);
    // Tikanga-based kōrero is attributed to the group by default, as the group decided.
    expect(hine.out).toMatchObject({ attribution: '(Rōpū A, group interview)', mode: 'tikanga', text: 'For us it starts with whakapapa, with the whānau.' });
    expect(check(ids.qHine, { attribution: { groupForTikanga: false } }).out?.attribution).toBe('(Aroha, peer supporter)');
  });

  it('row 1: a speaker label not mapped to a participant', () => {
    only(ids.qAna, () => mapSpeaker(db(), ids.anaSpeaker, null), ['speaker-unmapped']);
    const r = scenario(db(), () => mapSpeaker(db(), ids.anaSpeaker, null), () => check(ids.qAna).gate.reasons[0]!);
    expect(r.fix).toMatchObject({ kind: 'map-speaker', speakerId: ids.anaSpeaker });
  });

  it('row 2: no consent to be quoted (declined or never recorded)', () => {
    only(ids.qAna, () => run("UPDATE consents SET quote = 'no' WHERE participant_id = ?", ids.ana), ['no-quote-consent']);
    only(ids.qAna, () => run("UPDATE consents SET quote = 'unknown' WHERE participant_id = ?", ids.ana), ['no-quote-consent']);
    only(ids.qAna, () => run('DELETE FROM consents WHERE participant_id = ?', ids.ana), ['no-quote-consent']);
    // A label mapped to a group speaking as one: the group's own consent, or its collective consent to quoting, is needed.
    only(ids.qAna, () => { run("UPDATE participants SET pseudonym = 'Rōpū B' WHERE id = ?", ids.group); mapSpeaker(db(), ids.anaSpeaker, ids.group); run('DELETE FROM collective_consents'); }, ['no-quote-consent']);
    only(ids.qAna, () => { run("UPDATE participants SET pseudonym = 'Rōpū B' WHERE id = ?", ids.group); mapSpeaker(db(), ids.anaSpeaker, ids.group); }, []);
  });

  it('row 3: withdrawn on or before the export date; a withdrawal dated later does not block yet', () => {
    only(ids.qAna, () => run("UPDATE consents SET withdrawn_on = '2010-09-01' WHERE participant_id = ?", ids.ana), ['participant-withdrawn']);
    only(ids.qAna, () => run("UPDATE consents SET withdrawn_on = '2999-01-01' WHERE participant_id = ?", ids.ana), []);
  });

  it('row 4: a passage marked withdrawn or restricted, and a turn noting its kōrero was withdrawn', () => {
    const mark = (kind: string) => () => run("INSERT INTO passage_marks (source_id, start, end, kind, reason, created_by, created_at) VALUES (?, ?, ?, ?, 'not for the report', 't', 'now')", ids.main, anaRange.start + 5, anaRange.start + 12, kind);
    only(ids.qAna, mark('withdrawn'), ['passage-withdrawn']);
    only(ids.qAna, mark('restricted'), ['passage-restricted']);
    only(ids.qAna, () => run("INSERT INTO annotations (source_id, start, end, text) VALUES (?, ?, ?, 'Kōrero withdrawn from the record at the request of the speaker.')", ids.main, anaRange.end - 1, anaRange.end), ['passage-withdrawn']);
    // A mark elsewhere in the transcript does not touch this quote.
    only(ids.qAna, () => run("INSERT INTO passage_marks (source_id, start, end, kind, created_by, created_at) VALUES (?, ?, ?, 'withdrawn', 't', 'now')", ids.main, anaRange.end + 2, anaRange.end + 6), []);
  });

  it('row 5: a detected identifier nobody has decided on', () => {
    const sentence = 'You can ring me on 021 555 0143 any time.';
    const withPhone = () => {
      run('UPDATE sources SET text = ? WHERE id = ?', sentence + db().prepare('SELECT substr(text, ?) FROM sources WHERE id = ?').pluck().get(anaRange.end + 1, ids.main), ids.main);
      run('UPDATE blocks SET end = ? WHERE source_id = ? AND seq = 0', sentence.length, ids.main);
      run('UPDATE quotes SET end = ? WHERE id = ?', sentence.length, ids.qAna);
    };
    // The text is rewritten here only to build the case; Focal never rewrites stored text.
    const r = scenario(db(), withPhone, () => check(ids.qAna));
    expect(r.gate.reasons.map((x) => x.code)).toEqual(['identifier-unresolved']);
    expect(r.gate.reasons[0]!.fix).toMatchObject({ kind: 'review-candidates', candidates: ['021 555 0143'] });
    expect(r.out).toBeNull();
    // Once a rule covers it, the quote passes and the number is replaced on the copy.
    const ruled = scenario(
      db(),
      () => {
        withPhone();
        run("INSERT INTO pseudonym_rules (term, variants, replacement, category, created_by, created_at) VALUES ('021 555 0143', '[]', '[phone number]', 'identifier', 't', 'now')");
      },
      () => check(ids.qAna),
    );
    expect(ruled.gate.passed).toBe(true);
    expect(ruled.out?.text).toBe('You can ring me on [phone number] any time.');
  });

  it('row 6: a real name forced on someone who did not consent to be named; consented names pass', () => {
    only(ids.qAna, () => {}, ['name-without-consent'], { attribution: { naming: 'real-names' } });
    const named = scenario(db(), () => run("UPDATE consents SET named = 'yes' WHERE participant_id = ?", ids.ana), () => check(ids.qAna, { attribution: { naming: 'real-names' } }));
    expect(named.gate.passed).toBe(true);
    expect(named.out?.attribution).toBe('(Ana Pōtae, peer worker)');
    // consented-names uses the pseudonym for anyone who did not consent, so nothing is blocked.
    expect(check(ids.qAna, { attribution: { naming: 'consented-names' } }).out?.attribution).toBe('(Mele, peer worker)');
  });

  it('row 7: attribution by pseudonym with no pseudonym set (people, or a group without its attribution)', () => {
    only(ids.qAna, () => run('UPDATE participants SET pseudonym = NULL WHERE id = ?', ids.ana), ['no-pseudonym']);
    only(ids.qHine, () => run('UPDATE participants SET attribution = NULL WHERE id = ?', ids.group), ['no-pseudonym']);
  });

  it('row 8: tikanga-based material without collective consent covering it', () => {
    only(ids.qHine, () => run('DELETE FROM collective_consents'), ['no-collective-consent']);
    only(ids.qHine, () => run("UPDATE collective_consents SET revoked_on = '2026-03-01'"), ['no-collective-consent']);
    only(ids.qHine, () => run('UPDATE collective_consents SET for_group_attribution = 0'), ['no-collective-consent']);
    // Without group attribution, consent to quote is enough.
    only(ids.qHine, () => run('UPDATE collective_consents SET for_group_attribution = 0'), [], { attribution: { groupForTikanga: false } });
    only(ids.qHine, () => run('UPDATE collective_consents SET for_return = 0'), ['no-collective-consent'], { profile: 'return' });
    // Mainstream material needs no collective consent.
    only(ids.qAna, () => run('DELETE FROM collective_consents'), []);
  });

  it("row 9: no approval by the group's kaitiaki, a refusal after it, a revoked one, or one by someone else", () => {
    only(ids.qHine, () => run('DELETE FROM approvals'), ['no-kaitiaki-approval']);
    only(ids.qHine, () => run("INSERT INTO approvals (group_id, kaitiaki_id, scope, quote_id, decision, decided_at) VALUES (?, ?, 'quote', ?, 'refused', '2026-03-01T00:00:00Z')", ids.group, ids.kaitiaki, ids.qHine), ['no-kaitiaki-approval']);
    only(ids.qHine, () => run("UPDATE approvals SET revoked_at = '2026-03-01T00:00:00Z'"), ['no-kaitiaki-approval']);
    // Signed by someone else's key (not the group's kaitiaki key), whatever the row says.
    only(ids.qHine, () => { signRecorded(db(), ids.group); run("DELETE FROM kaitiaki_statements WHERE kind = 'approval'"); signRecorded(db(), ids.group, newKey()); }, ['no-kaitiaki-approval']);
    // An approval of a named export covers the quotes in that export only.
    const perExport = () => {
      run('DELETE FROM approvals');
      run("INSERT INTO approvals (group_id, kaitiaki_id, scope, export_label, decision, decided_at) VALUES (?, ?, 'export', 'Report to the rōpū', 'approved', 'now')", ids.group, ids.kaitiaki);
    };
    only(ids.qHine, perExport, [], { approvalLabel: 'Report to the rōpū' });
    only(ids.qHine, perExport, ['no-kaitiaki-approval'], { approvalLabel: 'Another report' });
    only(ids.qHine, perExport, ['no-kaitiaki-approval']);
    // The quote's own decision outranks the export's: a refusal of the quote stands against a later blanket approval.
    const refusedThenExport = () => {
      run('DELETE FROM approvals');
      run("INSERT INTO approvals (group_id, kaitiaki_id, scope, quote_id, decision, decided_at) VALUES (?, ?, 'quote', ?, 'refused', '2026-03-01T00:00:00Z')", ids.group, ids.kaitiaki, ids.qHine);
      run("INSERT INTO approvals (group_id, kaitiaki_id, scope, export_label, decision, decided_at) VALUES (?, ?, 'export', 'Report to the rōpū', 'approved', '2026-03-02T00:00:00Z')", ids.group, ids.kaitiaki);
    };
    only(ids.qHine, refusedThenExport, ['no-kaitiaki-approval'], { approvalLabel: 'Report to the rōpū' });
  });

  it('row 10: sensitivity labels: community use only passes only in a return-to-group export; restricted never', () => {
    const label = (l: string, range: boolean) => () =>
      run("INSERT INTO sensitivity_labels (source_id, start, end, label, set_by_id, set_at) VALUES (?, ?, ?, ?, ?, 'now')", ids.hui, range ? huiRange.start : null, range ? huiRange.end : null, l, ids.kaitiaki);
    only(ids.qHine, label('community', false), ['label-community-only']);
    only(ids.qHine, label('community', true), [], { profile: 'return' });
    only(ids.qHine, label('restricted', true), ['label-restricted']);
    only(ids.qHine, label('restricted', false), ['label-restricted'], { profile: 'return' });
    only(ids.qHine, label('open', false), []);
    // Labels apply to mainstream sources too.
    only(ids.qAna, () => run("INSERT INTO sensitivity_labels (source_id, label, set_by_id, set_at) VALUES (?, 'restricted', ?, 'now')", ids.main, ids.kaitiaki), ['label-restricted']);
  });

  it('row 11: a recorded opening or closing tikanga part, unless the kaitiaki released it', () => {
    const part = (released: boolean) => () =>
      run("INSERT INTO session_parts (source_id, kind, phase, recorded, start, end, released_by_approval_id) VALUES (?, 'karakia', 'opening', 1, ?, ?, ?)", ids.hui, huiRange.start, huiRange.start + 10, released ? ids.approval : null);
    only(ids.qHine, part(false), ['tikanga-part']);
    only(ids.qHine, part(true), []);
    only(ids.qHine, () => run("INSERT INTO session_parts (source_id, kind, phase, recorded, start, end) VALUES (?, 'korero', 'korero', 1, ?, ?)", ids.hui, huiRange.start, huiRange.end), []);
  });

  it('row 12: a range made only of non-speech notes is not a quote; notes inside speech are left out of the words', () => {
    only(ids.qNote, () => {}, ['not-speech']);
    const both = scenario(db(), () => run('UPDATE quotes SET end = (SELECT length(text) FROM sources WHERE id = ?) WHERE id = ?', ids.main, ids.qAna), () => check(ids.qAna));
    expect(both.gate.passed).toBe(true);
    expect(both.out?.text).toBe('Peer support gave me hope when nothing else did.\n\nWe were promised ten sessions and we got four.');
    expect(both.out?.text).not.toMatch(/laughter|sighs/);
  });

  it('lists every failing row at once, in table order, each with its fix', () => {
    const r = scenario(
      db(),
      () => {
        run("UPDATE consents SET quote = 'no', withdrawn_on = '2010-09-01' WHERE participant_id = ?", ids.ana);
        run('UPDATE participants SET pseudonym = NULL WHERE id = ?', ids.ana);
        run("INSERT INTO passage_marks (source_id, start, end, kind, created_by, created_at) VALUES (?, ?, ?, 'restricted', 't', 'now')", ids.main, anaRange.start, anaRange.end);
      },
      () => check(ids.qAna),
    );
    expect(r.gate.passed).toBe(false);
    expect(r.gate.reasons.map((x) => [x.row, x.code])).toEqual([
      [2, 'no-quote-consent'],
      [3, 'participant-withdrawn'],
      [4, 'passage-restricted'],
      [7, 'no-pseudonym'],
    ]);
    expect(r.gate.reasons.map((x) => x.fix?.kind ?? null)).toEqual(['trim-quote', null, null, 'set-pseudonym']);
    expect(r.out).toBeNull();
    const tikanga = scenario(db(), () => { run('DELETE FROM approvals'); run('DELETE FROM collective_consents'); }, () => codes(ids.qHine, { attribution: { naming: 'real-names', groupForTikanga: false } }));
    expect(tikanga).toEqual(['name-without-consent', 'no-collective-consent', 'no-kaitiaki-approval']);
  });

  it('editorial cuts: the cut words never leave, the mark shows where they were', async () => {
    const cutStart = anaRange.start + 'Peer support gave me hope'.length;
    const updated = await api['quote-update']({ id: ids.qAna, cuts: [{ start: cutStart, end: anaRange.end - 1, mark: '[…]' }] });
    expect(updated.original).toBe('Peer support gave me hope […].');
    expect(updated.out?.text).toBe('Peer support gave me hope […].');
    await api['quote-update']({ id: ids.qAna, cuts: [] });
    await expect(api['quote-update']({ id: ids.qAna, cuts: [{ start: anaRange.start, end: anaRange.end, mark: '...' }] })).rejects.toMatchObject({ code: 'bad-input' });
  });
});
