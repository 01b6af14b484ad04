import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Participant } from '../../../shared/domain/project';
import { testCore } from '../../support/core';

const register = readFileSync(join(process.cwd(), 'test/fixtures/participants.csv'), 'utf8');
const GROUPS = ['Lived experience group 2', 'research team', 'Service 7', 'Te Whare Oranga rōpū'];

describe('importing the participant register', () => {
  const { api, core, path } = testCore();
  let n = 0;
  const fresh = async () => api['project-new']({ name: 'Register', path: path(`register-${++n}.focal`) });
  const byName = async () => new Map((await api['participants-list']({})).map((p) => [p.name, p]));
  const audit = () => core.requireProject().db.prepare('SELECT action, detail FROM audit_log ORDER BY id').all() as Array<{ action: string; detail: string }>;

  beforeEach(fresh);

  it('imports the 10 people and creates their 4 groups, with consent and macrons intact', async () => {
    const kinds: string[][] = [];
    const off = core.on('changed', (e) => kinds.push(e.kinds));
    const result = await api['participants-import-csv']({ fileName: 'C:\\data\\participants.csv', csv: register });
    off();
    expect(result).toEqual({ created: 10, updated: 0, groupsCreated: 4, warnings: [] });
    expect(kinds).toEqual([['participants', 'consent']]);

    const list = await api['participants-list']({});
    expect(list.filter((p) => p.kind === 'person')).toHaveLength(10);
    expect(list.filter((p) => p.kind === 'group').map((g) => g.name)).toEqual(GROUPS);
    expect(list.slice(0, 10).every((p) => p.kind === 'person')).toBe(true);

    const people = await byName();
    const get = async (name: string) => api['participant-get']({ id: people.get(name)!.id });
    expect((await get('David Chen')).consent).toMatchObject({ recording: 'yes', quote: 'no', named: 'no', withdrawnOn: null });
    expect((await get('Priya Sharma')).consent?.withdrawnOn).toBe('2010-09-01');
    const koro = await get('Koro Hemi');
    expect(koro).toMatchObject({ role: 'kaumātua', pseudonym: 'Koro', mode: 'tikanga', consent: { named: 'yes' } });
    const ropu = people.get('Te Whare Oranga rōpū')!;
    expect(ropu).toMatchObject({ kind: 'group', mode: 'tikanga' });
    expect(koro.groupIds).toEqual([ropu.id]);
    expect((await api['participant-get']({ id: ropu.id })).memberIds).toHaveLength(4);
    expect(people.get('Waiata Henare')?.pseudonym).toBeNull();
    expect((await get('Mere Tawhiri')).notes).toBe('asked that one passage be withdrawn');

    const entry = audit().find((a) => a.action === 'register-imported');
    expect(JSON.parse(entry!.detail)).toMatchObject({ fileName: 'participants.csv', created: 10, groupsCreated: 4 });
  });

  it('updates rather than duplicates when the register is imported again', async () => {
    await api['participants-import-csv']({ fileName: 'participants.csv', csv: register });
    const before = await api['participants-list']({});
    const edited = register.replace('David Chen,Tom,peer support worker', 'David Chen,Tommy,peer support worker');
    const again = await api['participants-import-csv']({ fileName: 'participants.csv', csv: edited });
    expect(again).toEqual({ created: 0, updated: 10, groupsCreated: 0, warnings: [] });
    const after = await api['participants-list']({});
    expect(after.map((p) => p.id)).toEqual(before.map((p) => p.id));
    expect(after.find((p) => p.name === 'David Chen')?.pseudonym).toBe('Tommy');
  });

  it('round-trips: export then import gives the same participants', async () => {
    await api['participants-import-csv']({ fileName: 'participants.csv', csv: register });
    const people = await byName();
    await api['participant-update']({ id: people.get('Aroha Ngata')!.id, attributes: { Age: 34, Iwi: 'Ngāti Porou' }, consent: { conditions: 'no quotes about whānau, "ever"' } });
    const before = await api['participants-list']({});
    const details = await Promise.all(before.map((p) => api['participant-get']({ id: p.id })));

    const exported = await api['participants-export-csv']({});
    expect(exported.fileName).toBe('participants.csv');
    expect(exported.csv.startsWith('\uFEFFname,pseudonym,role,group,mode,consent_recording,consent_quote,consent_named,withdrawn_on')).toBe(true);
    expect(exported.csv).toContain('kaumātua');
    expect(exported.csv).not.toMatch(/^Te Whare Oranga rōpū,/m);

    // Into the same project: nothing changes.
    expect(await api['participants-import-csv']({ fileName: 'participants.csv', csv: exported.csv })).toMatchObject({ created: 0, updated: 10, warnings: [] });
    expect(await Promise.all(before.map((p) => api['participant-get']({ id: p.id })))).toEqual(details);

    // Into a fresh project: the same people, consent, attributes and group members (ids aside).
    const strip = async (list: Participant[]) => {
      const names = new Map(list.map((p) => [p.id, p.name]));
      const all = await Promise.all(list.map((p) => api['participant-get']({ id: p.id })));
      return all.map(({ id: _id, groupIds, memberIds, ...rest }) =>
        // A group's own fields are not in the people register (its mode comes from the first row naming it).
        rest.kind === 'group'
          ? { name: rest.name, members: memberIds.map((m) => names.get(m)).sort() }
          : { ...rest, groups: groupIds.map((g) => names.get(g)) },
      );
    };
    const want = await strip(before);
    await fresh();
    expect(await api['participants-import-csv']({ fileName: 'participants.csv', csv: exported.csv })).toMatchObject({ created: 10, groupsCreated: 4, warnings: [] });
    expect(await strip(await api['participants-list']({}))).toEqual(want);
  });

  it('aborts with nothing written when there is no name column', async () => {
    const csv = 'person,pseudonym,role\nAroha Ngata,Huia,peer supporter\n';
    await expect(api['participants-import-csv']({ fileName: 'participants.csv', csv })).rejects.toMatchObject({
      code: 'import-failed',
      message: "participants.csv: no 'name' column; the first row must name the columns, e.g. name,pseudonym,role",
    });
    expect(await api['participants-list']({})).toEqual([]);
    expect(await api['attributes-list']({})).toEqual([]);
    expect(audit().some((a) => a.action === 'register-imported')).toBe(false);
  });

  it('skips a bad row with a warning naming the file, row and column, and imports the rest', async () => {
    const lines = register.trimEnd().split('\n');
    lines[7] = lines[7]!.replace(',,declined to be quoted', ',31/02/2010,declined to be quoted');
    lines[3] = ',Ngaio,manager,,tikanga,yes,yes,no,,';
    const result = await api['participants-import-csv']({ fileName: 'participants.csv', csv: lines.join('\n') });
    expect(result.warnings).toEqual(['participants.csv row 4: name is empty', "participants.csv row 8: withdrawn_on '31/02/2010' is not a date"]);
    expect(result.created).toBe(8);
    const people = await byName();
    expect(people.has('David Chen')).toBe(false);
    expect(people.has('Priya Sharma')).toBe(true);
  });

  it('reads headers however they are written, a BOM, NZ dates and yes/no variants', async () => {
    const csv = '\uFEFFReal Name, Consent quote ,CONSENT-RECORDING,Withdrawn On,Mode\r\nHēmi Walker,Y,1,01/09/2010,Tikanga-based\r\n"Smith, Jo",false,,,\r\n';
    expect(await api['participants-import-csv']({ fileName: 'reg.csv', csv })).toMatchObject({ created: 2, warnings: [] });
    const people = await byName();
    const hemi = await api['participant-get']({ id: people.get('Hēmi Walker')!.id });
    expect(hemi).toMatchObject({ mode: 'tikanga', consent: { quote: 'yes', recording: 'yes', named: 'unknown', withdrawnOn: '2010-09-01' } });
    const jo = await api['participant-get']({ id: people.get('Smith, Jo')!.id });
    expect(jo.consent).toMatchObject({ quote: 'no', recording: 'unknown' });
    expect(await api['attributes-list']({})).toEqual([]);
  });

  it('types the other columns as attributes and checks values against existing ones', async () => {
    const csv = [
      'name,Age,Interviewed,Region,Iwi,Favourite kai',
      'A One,34,15/06/2010,Auckland,Ngāti Porou,hāngī',
      'B Two,41,2010-06-16,Wellington,Tainui,pizza',
      'C Three,29,16/06/2010,Auckland,Ngāpuhi,sushi',
      'D Four,57,17/06/2010,Wellington,,kūmara',
    ].join('\n');
    await api['participants-import-csv']({ fileName: 'participants.csv', csv });
    const attrs = await api['attributes-list']({});
    expect(attrs.map((a) => [a.name, a.type, a.choices])).toEqual([
      ['Age', 'number', []],
      ['Interviewed', 'date', []],
      ['Region', 'choice', ['Auckland', 'Wellington']],
      ['Iwi', 'text', []],
      ['Favourite kai', 'text', []],
    ]);
    const a = await api['participant-get']({ id: (await byName()).get('A One')!.id });
    expect(a.attributes).toEqual({ Age: '34', Interviewed: '2010-06-15', Region: 'Auckland', Iwi: 'Ngāti Porou', 'Favourite kai': 'hāngī' });

    const bad = 'name,age,region\nE Five,forty,Auckland\nF Six,50,Nelson\nG Seven,51,wellington\n';
    const result = await api['participants-import-csv']({ fileName: 'more.csv', csv: bad });
    expect(result.warnings).toEqual(["more.csv row 2: age 'forty' is not a number", "more.csv row 3: region 'Nelson' is not one of the choices (Auckland, Wellington)"]);
    const g = await api['participant-get']({ id: (await byName()).get('G Seven')!.id });
    expect(g.attributes).toEqual({ Age: '51', Region: 'Wellington' });
  });

  it('refuses a file whose quotes are broken, writing nothing', async () => {
    const csv = 'name,notes\nAroha Ngata,"never closed\nTama Rewiri,fine\n';
    await expect(api['participants-import-csv']({ fileName: 'participants.csv', csv })).rejects.toMatchObject({ code: 'import-failed', message: /^participants\.csv: the quotes on row/ });
    expect(await api['participants-list']({})).toEqual([]);
  });
});
