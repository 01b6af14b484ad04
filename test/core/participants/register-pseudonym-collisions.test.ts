/**
 * A real name is never a pseudonym: register import refuses a row whose pseudonym is someone's real
 * name or another participant's pseudonym (file, row and column named), and the project check reports
 * any such pseudonym already in a project, and two participants sharing one.
 */
import { describe, expect, it } from 'vitest';
import { testCore } from '../../support/core';

describe('pseudonyms that are real names', () => {
  const { api, core, path } = testCore();
  let n = 0;
  const fresh = async () => api['project-new']({ name: 'Register', path: path(`collide-${++n}.focal`) });
  const people = async () => new Map((await api['participants-list']({})).filter((p) => p.kind === 'person').map((p) => [p.name, p.pseudonym]));

  it('import-refuses-real-name-pseudonym', async () => {
    await fresh();
    const csv = [
      'name,pseudonym,consent_named',
      'Aroha Ngata,Huia,no',
      'Tama Rewiri,Aroha,no', // Aroha Ngata's first name
      'Mere Tawhiri,Rewiri,no', // Tama Rewiri's surname
      'Geoff Baker,Huia,no', // Aroha Ngata's pseudonym
      'Sam Lee,Priya Sharma,no', // the full name of someone later in the file
      'Priya Sharma,Priya,no', // her own first name, without consent to be named
      'Koro Hemi,Koro,yes', // his own first name, and he consents to be named: allowed
      'David Chen,Tom,no',
      'Rachel Moana,tom,no', // David Chen's pseudonym, folded
    ].join('\n');
    const r = await api['participants-import-csv']({ fileName: 'register.csv', csv });
    expect(r.warnings).toEqual([
      "register.csv row 3: column pseudonym: 'Aroha' is Aroha Ngata's real name, so it cannot be a pseudonym; choose another",
      "register.csv row 4: column pseudonym: 'Rewiri' is Tama Rewiri's real name, so it cannot be a pseudonym; choose another",
      "register.csv row 5: column pseudonym: 'Huia' is already Aroha Ngata's pseudonym; choose another so quotes are not confused",
      "register.csv row 6: column pseudonym: 'Priya Sharma' is Priya Sharma's real name, so it cannot be a pseudonym; choose another",
      "register.csv row 7: column pseudonym: 'Priya' is part of Priya Sharma's own name, so it cannot be their pseudonym (unless they consent to be named); choose another",
      "register.csv row 10: column pseudonym: 'tom' is already David Chen's pseudonym; choose another so quotes are not confused",
    ]);
    expect(r.created).toBe(3);
    expect(await people()).toEqual(new Map([['Aroha Ngata', 'Huia'], ['Koro Hemi', 'Koro'], ['David Chen', 'Tom']]));
  });

  it('import-refuses-pseudonym-that-is-a-name-already-in-the-project', async () => {
    await fresh();
    await api['participants-import-csv']({ fileName: 'a.csv', csv: 'name,pseudonym\nAroha Ngata,Huia\n' });
    const r = await api['participants-import-csv']({ fileName: 'b.csv', csv: 'name,pseudonym\nTama Rewiri,Ngata\nMere Tawhiri,HUIA\nAroha Ngata,Huia\n' });
    expect(r.warnings).toEqual([
      "b.csv row 2: column pseudonym: 'Ngata' is Aroha Ngata's real name, so it cannot be a pseudonym; choose another",
      "b.csv row 3: column pseudonym: 'HUIA' is already Aroha Ngata's pseudonym; choose another so quotes are not confused",
    ]);
    expect(r).toMatchObject({ created: 0, updated: 1 });
  });

  it('check-reports-pseudonym-collisions-in-the-project', async () => {
    await fresh();
    await api['participants-import-csv']({ fileName: 'a.csv', csv: 'name,pseudonym,consent_named\nAroha Ngata,Huia,no\nTama Rewiri,Rawiri,no\nKoro Hemi,Koro,yes\n' });
    // Written behind the import's back (an older project, or another tool): the check still finds them.
    const db = core.requireProject().db;
    db.prepare("UPDATE participants SET pseudonym = 'Aroha' WHERE name = 'Tama Rewiri'").run();
    db.prepare("INSERT INTO participants (kind, name, pseudonym, role, created_at) VALUES ('person', 'Mere Tawhiri', 'Huia', 'participant', '2026-01-01T00:00:00Z')").run();
    const problems = (await api['project-check']({})).filter((p) => p.kind === 'pseudonym-collision');
    expect(problems.map((p) => [p.severity, p.message])).toEqual([
      ['error', "Tama Rewiri's pseudonym “Aroha” is the real name of Aroha Ngata: it would print that name."],
      ['warning', "Koro Hemi's pseudonym “Koro” is part of their own name (they consented to be named)."],
      ['error', "Mere Tawhiri and Aroha Ngata have the same pseudonym, “Huia”: their quotes would read as one person's."],
    ]);
  });
});
