/**
 * metadata-is-gated: every text field that goes into an export (the project name as its title and
 * file name, code names in headings and columns, a participant's role in the attribution, a group's
 * attribution, source titles taken from file names) passes through detection and the rules. An
 * undecided identifier there blocks the quote or becomes a neutral label with the reason listed,
 * the same as in talk.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { testCore } from '../../support/core';
import { addPerson, addTranscript, mapSpeaker } from '../gate/gate-fixture';

describe('export gate: metadata is checked like talk', () => {
  const { api, core, path } = testCore();
  const db = () => core.requireProject().db;
  let sourceId = 0;
  let text = '';
  let codeId = 0;
  let ana = 0;
  const exported: string[] = [];

  beforeAll(async () => {
    await api['project-new']({ name: 'Voices of Tarquin Smythe', path: path('meta.focal') });
    ana = addPerson(db(), { name: 'Ana Pōtae', pseudonym: 'Mele', role: 'staff at Greenbank Community Trust', quote: 'yes', named: 'no' });
    const ben = addPerson(db(), { name: 'Ben Hohaia', pseudonym: 'Tama', role: 'peer worker', quote: 'yes', named: 'no' });
    const t = addTranscript(db(), 'Interview with Ana Pōtae', 'mainstream', [
      { label: 'Ana', text: 'The waiting room was always full and nobody had time for us.' },
      { label: 'Ben', text: 'Having someone who had been there made all the difference to me.' },
    ]);
    mapSpeaker(db(), t.speakers.get('Ana')!, ana);
    mapSpeaker(db(), t.speakers.get('Ben')!, ben);
    sourceId = t.sourceId;
    text = t.text;
    const [frame] = await api['frames-list']({});
    codeId = (await api['code-create']({ frameId: frame!.id, name: 'What Dr Fenwick-Price did' })).id;
    await api['code-create']({ frameId: frame!.id, name: 'Lived experience' });
    for (const from of ['The waiting room', 'Having someone']) {
      const start = text.indexOf(from);
      const end = text.indexOf('.', start) + 1;
      await api['quote-from-selection']({ sourceId, start, end, codeId });
    }
    let n = 0;
    core.host.chooseExportPath = async (suggested) => {
      exported.push(suggested);
      return path(`bank-${++n}.md`);
    };
  });

  const exportMd = async () => {
    const r = await api['export-quotes']({ selection: {}, format: 'md' });
    return { r, file: r.path ? readFileSync(r.path, 'utf8') : '' };
  };

  it('blocks a quote whose attribution (the role) holds an undecided identifier, naming the field', async () => {
    const quotes = await api['quotes-list']({});
    const anas = quotes.find((q) => q.original.startsWith('The waiting room'))!;
    expect(anas.gate.passed).toBe(false);
    const reason = anas.gate.reasons.find((x) => x.code === 'identifier-unresolved')!;
    expect(reason.message).toMatch(/role/);
    expect(reason.fix?.candidates?.join(' ')).toMatch(/Greenbank/);
  });

  it('writes no undecided name from the project name, code names or source title into the file or its name', async () => {
    const { r, file } = await exportMd();
    expect(r.exported).toBe(1);
    for (const leak of ['Tarquin', 'Smythe', 'Fenwick', 'Ana Pōtae', 'Greenbank']) {
      expect(file).not.toContain(leak);
      expect(exported.at(-1)).not.toContain(leak);
    }
    // Neutral labels stand in, and the result says why.
    expect(file).toMatch(/^# Quote bank/m);
    expect(file).toMatch(/## Code \d+/);
    expect(r.notes.join('\n')).toMatch(/project name/i);
    expect(r.notes.join('\n')).toMatch(/code/i);
    // The audit's file name is metadata too.
    await api['audit-export-csv']({});
    expect(exported.at(-1)).toMatch(/export audit\.csv$/);
    expect(exported.at(-1)).not.toMatch(/Tarquin|Smythe/);
  });

  it('uses the rules once the identifiers are decided', async () => {
    await api['pseudo-rule-save']({ term: 'Tarquin Smythe', replacement: '[name]', category: 'third-party' });
    await api['pseudo-rule-save']({ term: 'Fenwick-Price', replacement: '[doctor]', category: 'staff' });
    await api['pseudo-rule-save']({ term: 'Greenbank Community Trust', replacement: '[a community trust]', category: 'organisation' });
    const { r, file } = await exportMd();
    expect(r.exported).toBe(2);
    expect(file).toContain('# Quote bank: Voices of [name]');
    expect(file).toContain('What Dr [doctor] did');
    expect(file).toContain('(Mele, staff at [a community trust])');
    expect(file).not.toMatch(/Greenbank|Fenwick|Tarquin|Pōtae/);
    expect(r.notes).toEqual([]);
  });

  it('a group attribution goes through the rules too', async () => {
    const { checkQuotes, exportOptions } = await import('../../../electron/core/export/check-quotes');
    const group = addPerson(db(), { kind: 'group', name: 'Rōpū Greenbank', attribution: 'Rōpū of Moana Hetaraka, group interview' });
    db().prepare("UPDATE sources SET mode = 'tikanga', group_id = ? WHERE id = ?").run(group, sourceId);
    const [q] = checkQuotes(core, {}, exportOptions({}));
    expect(q!.out).toBeNull();
    const reason = q!.gate.reasons.find((x) => x.code === 'identifier-unresolved');
    expect(reason?.message).toMatch(/attribution/);
    db().prepare("UPDATE sources SET mode = 'mainstream', group_id = NULL WHERE id = ?").run(sourceId);
  });
});
