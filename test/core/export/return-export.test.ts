/**
 * The return-to-the-group export on the fixture study: the rōpū's own kōrero (nothing of the
 * mainstream sessions), without the unreleased opening part, the restricted passage or the
 * withdrawn turn, speakers as the group decided and never a non-consenting person's real name; the
 * codes applied to it per frame; exactly the quotes the kaitiaki approved; audited like every
 * export; refused without the group's collective consent for return.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { beforeAll, describe, expect, it } from 'vitest';
import { testCore } from '../../support/core';
import { acceptAllCandidates, codeEveryTurn, importAndMap, recordRopu } from './fixture-project';
import { lockTestKey, unlockTestKey } from '../../support/kaitiaki-sign';

const OTHERS = ['Aroha Ngata', 'Tama Rewiri', 'Mere Tawhiri', 'Waiata Henare', 'Rachel Moana', 'David Chen', 'Priya Sharma', 'Sam Lee', 'Geoff Baker'];
const OTHER_PARTS = OTHERS.flatMap((n) => n.split(' '));
// Words only the mainstream transcripts hold.
const MAINSTREAM = ['commissioning', 'afterthought', 'shoulder tapping', 'dyslexic', 'Lived experience'];

describe('return-to-the-group export', () => {
  const { api, core, dir } = testCore();
  let groupId = 0;
  let huiId = 0;
  let approvedTexts: string[] = [];
  let refusedText = '';
  const db = () => core.requireProject().db;
  const exportTo = async (name: string, format: 'docx' | 'md', options?: Parameters<(typeof api)['export-return']>[0]['options']) => {
    const path = join(dir, name);
    core.host.chooseExportPath = async () => path;
    const r = await api['export-return']({ groupId, format, options });
    const text = format === 'docx' ? (await mammoth.extractRawText({ path })).value : readFileSync(path, 'utf8');
    return { r, text, path };
  };

  beforeAll(async () => {
    await api['project-new']({ name: 'Peer support study', path: join(dir, 'study.focal') });
    await importAndMap(api);
    await codeEveryTurn(api);
    acceptAllCandidates(core);
    const ropu = await recordRopu(api, core);
    groupId = ropu.groupId;
    const hui = (await api['sources-list']({})).find((s) => s.mode === 'tikanga')!;
    huiId = hui.id;
    // codeEveryTurn opened the hui to the mainstream frame to code it; closing it again (narrowing
    // needs nobody) leaves a mainstream code on the kōrero that is not one of the group's frames.
    await api['source-frames-set']({ sourceId: hui.id, frameIds: [] });
    await api['source-update']({ sourceId: hui.id, groupId });
    // A kaupapa Māori frame, one of its codes on Koro Hemi's last turn.
    const twtw = await api['frame-from-template']({ template: 'te-whare-tapa-wha' });
    const whanau = (await api['codes-list']({ frameId: twtw.frame.id })).find((c) => c.name === 'Taha whānau')!;
    const detail = await api['source-get']({ sourceId: hui.id });
    const koro = detail.speakers.find((s) => s.label === 'Koro Hemi')!;
    const turns = detail.blocks.filter((b) => b.kind === 'turn');
    const koroLast = turns.filter((b) => b.speakerId === koro.id).at(-1)!;
    await api['coding-apply']({ codeId: whanau.id, sourceId: hui.id, start: koroLast.start, end: koroLast.end });
    // The kaitiaki (their key unlocked): the facilitator's opening turn is a recorded mihimihi (not released); a passage restricted.
    unlockTestKey(core, groupId);
    const opening = turns[0]!;
    db().prepare('DELETE FROM codings WHERE source_id = ? AND start < ? AND end > ?').run(hui.id, opening.end, opening.start);
    await api['session-part-add']({ sourceId: hui.id, kind: 'mihimihi', phase: 'opening', recorded: true, start: opening.start, end: opening.end });
    const at = detail.text.indexOf('Hone Parata, he');
    await api['sensitivity-set']({ sourceId: hui.id, start: at, end: detail.text.indexOf('and he taught'), label: 'restricted' });
    // Quotes: two approved, one refused.
    const quotes = await api['quotes-list']({ sourceId: hui.id });
    const pick = (word: string) => quotes.find((q) => q.original.includes(word))!;
    const a = pick('whakapapa');
    const b = pick('tuakana-teina');
    const c = pick('Maaori mental health');
    await api['approval-record']({ scope: 'quote', decision: 'approved', quoteId: a.id, output: 'Return to the rōpū' });
    await api['approval-record']({ scope: 'quote', decision: 'approved', quoteId: b.id });
    await api['approval-record']({ scope: 'quote', decision: 'refused', quoteId: c.id, conditions: 'Not this one' });
    approvedTexts = [a.original.slice(0, 40), b.original.slice(0, 40)];
    refusedText = 'send them back to a wh';
    lockTestKey(core, groupId);
  }, 60_000);

  it("holds exactly the group's kōrero, its codes per frame and its approved quotes", async () => {
    const { r, text } = await exportTo('return.docx', 'docx');
    expect(r).toMatchObject({ sources: 1, quotes: 2, cancelled: false });
    expect(r.turns).toBeGreaterThan(8);
    expect(text).toContain('Kōrero returned to Rōpū A');
    expect(text).toContain('whakapapa');
    expect(text).toContain('Maaori mental health is whanau health');
    for (const w of MAINSTREAM) expect(text).not.toContain(w);
    // Codes: the group's own (kaupapa Māori) frames only, with counts; a mainstream code applied to the kōrero is not listed.
    expect(text).toMatch(/Te Whare Tapa Whā \(kaupapa Māori frame\)/);
    expect(text).toMatch(/Taha whānau: 1 passage\b/);
    expect(text).not.toMatch(/Themes › Whanaungatanga: \d+ passages/);
    expect(text).not.toMatch(/Peer roles|Workforce|The relationship/);
    // Quotes: the two approved, not the refused one (its words are in the kōrero once, not twice).
    const quotesPart = text.slice(text.indexOf('Quotes approved for use'));
    for (const t of approvedTexts) expect(quotesPart).toContain(t.replace(/\s+/g, ' ').slice(0, 30));
    expect(quotesPart).not.toContain(refusedText);
  });

  it('leaves out the unreleased opening part, the restricted passage and the withdrawn turn', async () => {
    const { r, text } = await exportTo('return.md', 'md');
    if (process.env.SHOW_RETURN) console.log(text);
    expect(text).not.toContain('Thank you for having us back');
    expect(text).not.toMatch(/passed now/);
    expect(text).toContain('My tuakana in this mahi was […]');
    expect(text).not.toMatch(/not for the report|withdrawn from the record/i);
    expect(r.withheld).toMatchObject({ 'unreleased tikanga part': 1, withdrawn: 1 });
    expect(text).not.toMatch(/Whakatau and mihi|Not recorded/);
  });

  it('never prints a real name of the register, except a consented name when asked for', async () => {
    const group = await exportTo('group.md', 'md');
    const named = await exportTo('named.md', 'md', { attribution: { naming: 'consented-names', groupForTikanga: false } });
    const pseud = await exportTo('pseud.md', 'md', { attribution: { naming: 'pseudonyms', groupForTikanga: false } });
    for (const t of [group.text, named.text, pseud.text]) {
      for (const n of OTHER_PARTS) expect(t, n).not.toMatch(new RegExp(`\\b${n}\\b`));
      expect(t).not.toMatch(/ZAB\s?1234|021 555 0143/);
    }
    expect(group.text).toMatch(/\*\*Rōpū A:\*\* Kia ora\. For us/);
    expect(group.text).toMatch(/\*\*Facilitator:\*\* And how does that sit/);
    expect(pseud.text).toMatch(/\*\*Huia, peer supporter:\*\* Kia ora\. For us/);
    expect(pseud.text).not.toContain('Koro Hemi');
    expect(named.text).toMatch(/\*\*Koro Hemi, kaumātua:\*\*/);
  });

  it('is audited like every export: exports row with the file hash, items, audit line', async () => {
    const { r, path } = await exportTo('audited.docx', 'docx');
    const row = db().prepare('SELECT profile, format, sha256, destination FROM exports WHERE id = ?').get(r.exportId) as { profile: string; format: string; sha256: string; destination: string };
    expect(row).toEqual({ profile: 'return', format: 'docx', sha256: createHash('sha256').update(readFileSync(path)).digest('hex'), destination: path });
    const items = db().prepare('SELECT quote_id AS q, source_id AS s, outcome FROM export_items WHERE export_id = ?').all(r.exportId) as Array<{ q: number | null; s: number; outcome: string }>;
    expect(items.every((i) => i.s === huiId)).toBe(true);
    expect(items.filter((i) => i.q !== null && i.outcome === 'passed')).toHaveLength(2);
    expect(items.filter((i) => i.q === null)).toHaveLength(r.turns);
    const actions = db().prepare('SELECT action FROM audit_log WHERE detail LIKE ?').pluck().all(`%"exportId":${r.exportId}%`);
    expect(actions).toEqual(expect.arrayContaining(['return-exported', 'return-document']));
  });

  it("leaves out another group's hui", async () => {
    const [copy] = await api['import-files']({ files: [{ name: 'hui-tupu-group-interview.txt', path: join(process.cwd(), 'test/fixtures/hui-tupu-group-interview.txt') }], onDuplicate: 'import' });
    const team = (await api['participants-list']({})).find((p) => p.name === 'research team')!;
    await api['source-update']({ sourceId: copy!.sourceId!, groupId: team.id });
    const { r } = await exportTo('one-group.md', 'md');
    expect(r.sources).toBe(1);
    const sources = db().prepare('SELECT DISTINCT source_id FROM export_items WHERE export_id = ?').pluck().all(r.exportId);
    expect(sources).toEqual([huiId]);
  });

  it("is refused (and the refusal audited) without the group's collective consent for return; other groups have nothing", async () => {
    const other = (await api['participants-list']({})).find((p) => p.name === 'Lived experience group 2')!;
    core.host.chooseExportPath = async () => join(dir, 'other.md');
    await expect(api['export-return']({ groupId: other.id, format: 'md' })).rejects.toMatchObject({ code: 'blocked-by-gate' });
    db().prepare('UPDATE collective_consents SET for_return = 0 WHERE group_id = ?').run(groupId);
    core.host.chooseExportPath = async () => join(dir, 'refused.md');
    await expect(api['export-return']({ groupId, format: 'md' })).rejects.toMatchObject({ code: 'blocked-by-gate', message: expect.stringMatching(/collective consent does not cover the return/) });
    expect(db().prepare("SELECT COUNT(*) FROM audit_log WHERE action = 'return-export-refused'").pluck().get()).toBe(2);
    db().prepare('UPDATE collective_consents SET for_return = 1 WHERE group_id = ?').run(groupId);
  });

  it('a quote bank that mixes modes labels every quote with its own mode, in each format', async () => {
    const out = async (format: 'docx' | 'md' | 'csv' | 'xlsx') => {
      const path = join(dir, `mixed.${format}`);
      core.host.chooseExportPath = async () => path;
      const r = await api['export-quotes']({ selection: {}, format });
      return { r, path };
    };
    const docx = await out('docx');
    expect(docx.r.exported).toBeGreaterThan(2);
    const lines = (await mammoth.extractRawText({ path: docx.path })).value.split('\n').filter((l) => /^\(.*\), /.test(l));
    expect(lines).toHaveLength(docx.r.exported);
    expect(lines.filter((l) => l.endsWith(' · Tikanga-based'))).toHaveLength(2);
    expect(lines.every((l) => / · (Tikanga-based|Mainstream)$/.test(l))).toBe(true);
    expect(lines.filter((l) => l.startsWith('(Rōpū A')).every((l) => l.endsWith('Tikanga-based'))).toBe(true);
    const md = readFileSync((await out('md')).path, 'utf8').split('\n').filter((l) => l.startsWith('> — '));
    expect(md.filter((l) => l.endsWith(' · Tikanga-based'))).toHaveLength(2);
    expect(md.every((l) => / · (Tikanga-based|Mainstream)$/.test(l))).toBe(true);
    const csv = readFileSync((await out('csv')).path, 'utf8').trim().split('\r\n').slice(1);
    expect(csv.filter((l) => l.endsWith(',Tikanga-based'))).toHaveLength(2);
    expect(csv.every((l) => /,(Tikanga-based|Mainstream)$/.test(l))).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile((await out('xlsx')).path);
    const modes = wb.getWorksheet('Quotes')!.getColumn(6).values.slice(2);
    expect(modes.filter((m) => m === 'Tikanga-based')).toHaveLength(2);
    expect(modes.every((m) => m === 'Tikanga-based' || m === 'Mainstream')).toBe(true);
  });
});
