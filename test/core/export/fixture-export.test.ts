/**
 * The fixture tests: after importing the transcripts and the register, mapping every
 * speaker and coding every turn, nothing David Chen or Priya Sharma said is exported, the hui
 * passage withdrawn at the speaker's request never is, no exported file (docx, xlsx, csv, md,
 * each read back) holds a real name from the register, the NHI number, the phone number or the
 * email address, and Koro Hemi (who consented to be named) may be attributed by name while the
 * others appear under their pseudonyms with their roles.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ExportFormat } from '../../../shared/domain/quotes';
import { testCore } from '../../support/core';
import { acceptAllCandidates, approveQuotes, codeEveryTurn, importAndMap, recordRopu } from './fixture-project';

const FORMATS: ExportFormat[] = ['docx', 'xlsx', 'csv', 'md'];

async function readBack(format: ExportFormat, file: string): Promise<string> {
  if (format === 'docx') return (await mammoth.extractRawText({ path: file })).value;
  if (format === 'xlsx') {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const cells: string[] = [];
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => cells.push(String(c.value ?? '')))));
    return cells.join('\n');
  }
  return readFileSync(file, 'utf8');
}

const REAL_NAMES = ['Aroha Ngata', 'Tama Rewiri', 'Mere Tawhiri', 'Koro Hemi', 'Waiata Henare', 'Rachel Moana', 'David Chen', 'Priya Sharma', 'Sam Lee', 'Geoff Baker'];
// Surnames and first names too; "Koro" is also Koro Hemi's chosen pseudonym, so it may appear.
const NAME_PARTS = REAL_NAMES.flatMap((n) => n.split(' ')).filter((p) => p !== 'Koro');
const IDENTIFIERS = [/ZAB\s?1234/i, /021\s?555\s?0143/, /0215550143/, /priya\.sharma@example\.org/i, /@example\.org/i];
// Distinctive words of David Chen's and Priya Sharma's talk, and of the withdrawn hui turn.
const DAVID_AND_PRIYA = ['commissioning', 'afterthought', 'locals choosing locals', 'shoulder tapping', 'peer-nician', 'clinician', 'dyslexic', 'assignments'];
const WITHDRAWN_TURN = /not for the report|Kōrero withdrawn/i;

describe('exporting the fixture study', () => {
  const { api, core, dir } = testCore();
  let ropu = { groupId: 0, kaitiakiId: 0 };
  const files = new Map<ExportFormat, string>();
  const exportTo = async (format: ExportFormat, name: string, options?: Parameters<typeof api['export-quotes']>[0]['options']) => {
    core.host.chooseExportPath = async () => join(dir, name);
    return api['export-quotes']({ selection: {}, format, options });
  };

  beforeAll(async () => {
    await api['project-new']({ name: 'Peer support study', path: join(dir, 'study.focal') });
    await importAndMap(api);
    await codeEveryTurn(api);
    acceptAllCandidates(core);
    ropu = await recordRopu(api, core);
    const hui = (await api['sources-list']({})).find((s) => s.mode === 'tikanga')!;
    const huiQuotes = (await api['quotes-list']({ sourceId: hui.id })).map((q) => q.id);
    approveQuotes(core, ropu.groupId, ropu.kaitiakiId, huiQuotes);
    for (const f of FORMATS) {
      const r = await exportTo(f, `bank.${f}`);
      expect(r.path).toBe(join(dir, `bank.${f}`));
      files.set(f, r.path!);
    }
  }, 60_000);

  it('exports some quotes from every mainstream transcript and the hui, and blocks the rest with reasons', async () => {
    const quotes = await api['quotes-list']({});
    const passed = quotes.filter((q) => q.gate.passed);
    const blocked = quotes.filter((q) => !q.gate.passed);
    expect(passed.length).toBeGreaterThan(5);
    expect(new Set(passed.map((q) => q.sourceTitle)).size).toBeGreaterThanOrEqual(3);
    for (const q of blocked) expect(q.gate.reasons.length).toBeGreaterThan(0);
    // The hui has no group set: its rōpū is the group most of its speakers belong to, so the
    // facilitator's turns are blocked for her own consent only, not for the research team's records.
    const facilitator = quotes.filter((q) => q.speakers.some((s) => s.name === 'Waiata Henare'));
    expect(facilitator.length).toBe(3);
    for (const q of facilitator) expect(q.gate.reasons.map((r) => r.code)).toEqual(['no-quote-consent']);
    const audit = await api['audit-exports']({});
    expect(audit.map((a) => a.format)).toEqual(['md', 'csv', 'xlsx', 'docx']);
    for (const a of audit) {
      expect(a.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(a.items).toHaveLength(quotes.length);
      expect(a.passed).toBe(passed.length);
      expect(a.gateVersion).toBe(1);
      expect(a.actor).toBe('Test Coder');
    }
  });

  it('exports nothing David Chen or Priya Sharma said', async () => {
    const people = await api['participants-list']({});
    const ids = ['David Chen', 'Priya Sharma'].map((n) => people.find((p) => p.name === n)!.id);
    const quotes = await api['quotes-list']({});
    const theirs = quotes.filter((q) => q.speakers.some((s) => ids.includes(s.participantId!)));
    expect(theirs.length).toBe(4);
    for (const q of theirs) {
      expect(q.gate.passed).toBe(false);
      expect(q.gate.reasons.map((r) => r.code)).toEqual(expect.arrayContaining([expect.stringMatching(/no-quote-consent|participant-withdrawn/)]));
    }
    for (const [format, file] of files) {
      const text = await readBack(format, file);
      for (const w of DAVID_AND_PRIYA) expect(text, `${format} holds "${w}"`).not.toContain(w);
    }
  });

  it('never exports the hui passage withdrawn at the speaker’s request, marked or not', async () => {
    const quotes = await api['quotes-list']({});
    const withdrawn = quotes.find((q) => WITHDRAWN_TURN.test(q.original) || /not for the report/.test(q.original))!;
    expect(withdrawn.gate.reasons.map((r) => r.code)).toContain('passage-withdrawn');
    for (const [format, file] of files) expect(await readBack(format, file), format).not.toMatch(WITHDRAWN_TURN);
    // Marking it explicitly keeps it blocked, and the mark is listed.
    const mark = await api['passage-mark-add']({ sourceId: withdrawn.sourceId, start: withdrawn.start, end: withdrawn.end, kind: 'withdrawn', reason: 'asked at the hui' });
    expect((await api['passage-marks-list']({ sourceId: withdrawn.sourceId })).map((m) => m.id)).toEqual([mark.id]);
    const again = (await api['quotes-list']({ quoteIds: [withdrawn.id] }))[0]!;
    expect(again.gate.reasons.map((r) => r.code)).toContain('passage-withdrawn');
  });

  it('no exported file holds a real name from the register, the NHI number, the phone number or the email address', async () => {
    for (const [format, file] of files) {
      const text = await readBack(format, file);
      expect(text.length).toBeGreaterThan(200);
      for (const n of REAL_NAMES) expect(text, `${format} holds ${n}`).not.toContain(n);
      for (const p of NAME_PARTS) expect(text, `${format} holds ${p}`).not.toMatch(new RegExp(`\\b${p}\\b`, 'u'));
      for (const re of IDENTIFIERS) expect(text, `${format} matches ${re}`).not.toMatch(re);
      // Macrons intact, UTF-8.
      expect(text).toContain('whānau');
    }
  });

  it('attributes others by pseudonym and role, the hui to the rōpū, and Koro Hemi by name only where asked and consented', async () => {
    const md = readFileSync(files.get('md')!, 'utf8');
    expect(md).toContain('(Kate, peer support worker)');
    expect(md).toContain('(Rick, manager)');
    expect(md).toContain('(Rōpū A, group interview)');
    expect(md).not.toContain('Koro Hemi');
    const named = await exportTo('md', 'named.md', { attribution: { naming: 'consented-names', groupForTikanga: false } });
    const text = readFileSync(named.path!, 'utf8');
    expect(text).toContain('(Koro Hemi, kaumātua)');
    expect(text).toContain('(Huia, peer supporter)');
    expect(text).toContain('(Kate, peer support worker)');
    for (const n of REAL_NAMES.filter((x) => x !== 'Koro Hemi')) expect(text).not.toContain(n);
    // Forcing real names blocks everyone who did not consent to be named.
    const forced = await api['quotes-list']({ options: { attribution: { naming: 'real-names', groupForTikanga: false } } });
    for (const q of forced.filter((x) => x.gate.passed)) expect(q.speakers.every((s) => s.name === 'Koro Hemi')).toBe(true);
    expect(forced.filter((x) => x.gate.passed).length).toBeGreaterThan(0);
  });

  it('writes CSV and Excel with one row per quote: code, quote, attribution, source, mode', async () => {
    const csv = readFileSync(files.get('csv')!, 'utf8');
    expect(csv.startsWith('\uFEFFquote_id,code,quote,attribution,source,mode\r\n')).toBe(true);
    expect(csv).toMatch(/\r\n\d+,Themes\/The relationship,"To be honest[^"]*","\(Rick, manager\)",individual-interview-manager,Mainstream\r\n/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(files.get('xlsx')!);
    const ws = wb.getWorksheet('Quotes')!;
    expect(ws.getRow(1).values).toEqual([undefined, 'Quote id', 'Code', 'Quote', 'Attribution', 'Source', 'Mode']);
    expect(ws.rowCount - 1).toBe((await api['audit-exports']({})).find((a) => a.format === 'xlsx')!.passed);
  });

  it('keeps mainstream and tikanga-based quotes in separate labelled sections, each grouped by code', async () => {
    const docx = await readBack('docx', files.get('docx')!);
    const main = docx.indexOf('\nMainstream focus groups and interviews\n');
    const tikanga = docx.indexOf('\nTikanga-based kōrero\n');
    expect(main).toBeGreaterThan(0);
    expect(tikanga).toBeGreaterThan(main);
    // Every hui quote is in the tikanga section, every other quote before it.
    expect(docx.slice(main, tikanga)).not.toContain('Kia ora');
    expect(docx.slice(tikanga)).toMatch(/Kia ora/);
    // Headings follow the code tree: "Themes" once per section, then each child code under it.
    expect(docx.slice(main, tikanga).match(/^Themes$/gm)).toHaveLength(1);
    expect(docx).toMatch(/^Themes\n\nPeer roles\n\n“For me it's hope/m);
    expect(docx).toMatch(/^Whanaungatanga\n\n“Kia ora/m);
  });

  it('without the kaitiaki’s approval no hui quote leaves', async () => {
    core.requireProject().db.prepare("UPDATE approvals SET revoked_at = 'now'").run();
    const r = await exportTo('csv', 'no-approval.csv');
    const csv = readFileSync(r.path!, 'utf8');
    expect(csv).not.toContain('Tikanga-based');
    expect(r.reasonCounts['no-kaitiaki-approval']).toBeGreaterThan(0);
    core.requireProject().db.prepare('UPDATE approvals SET revoked_at = NULL').run();
  });
});
