import { describe, expect, it } from 'vitest';
import { callNames, contract } from '../../../shared/api/contract';
import { FocalApiError } from '../../../shared/api/errors';
import { allHandlers } from '../../../electron/core/api/handlers';
import { testCore } from '../../support/core';

describe('the API contract', () => {
  it('has a handler for every call and no handler without a call', () => {
    expect(Object.keys(allHandlers).sort()).toEqual([...callNames].sort());
  });

  it('gives every call a one-line description and a schema', () => {
    for (const name of callNames) {
      const spec = contract[name];
      expect(spec.doc.length, name).toBeGreaterThan(10);
      expect(spec.doc, name).not.toContain('\n');
      expect(typeof spec.input.safeParse, name).toBe('function');
    }
  });

  it('names calls in kebab-case, noun first', () => {
    for (const name of callNames) expect(name).toMatch(/^[a-z]+(-[a-z]+)+$/);
  });
});

describe('dispatch', () => {
  const { core, api, path } = testCore();

  it('rejects an unknown call without throwing', async () => {
    const env = await core.call('drop-all-tables', {});
    expect(env).toEqual({ ok: false, error: { code: 'unknown-call', message: 'Focal has no API call named "drop-all-tables".' } });
  });

  it('rejects bad input with the field named and no stack trace', async () => {
    const env = await core.call('project-new', { name: 42 });
    expect(env.ok).toBe(false);
    if (env.ok) return;
    expect(env.error.code).toBe('bad-input');
    expect(env.error.message).toMatch(/^project-new: name: /);
    expect(env.error.message).not.toMatch(/at .*\.ts:\d+/);
    expect(env.error.issues?.[0]).toMatch(/^name:/);
  });

  it('rejects an empty project name after trimming', async () => {
    await expect(api['project-new']({ name: '   ', path: path('blank.focal') })).rejects.toMatchObject({ code: 'bad-input' });
  });

  it('answers no-project for project calls before a project is open', async () => {
    const err = await api['sources-list']({}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FocalApiError);
    expect(err).toMatchObject({ code: 'no-project', message: expect.stringMatching(/No project is open/) });
  });

  it('creates, lists, closes and reopens a project, remembering it as recent', async () => {
    const info = await api['project-new']({ name: 'Lived experience', path: path('lived.focal') });
    expect(info).toMatchObject({ name: 'Lived experience', counts: { sources: 0, participants: 0, codes: 0, codings: 0, memos: 0 } });
    expect(await api['sources-list']({})).toEqual([]);
    const frames = await api['frames-list']({});
    expect(frames).toEqual([expect.objectContaining({ name: 'Codes', kind: 'mainstream' })]);
    await api['project-close']({});
    expect(await api['project-info']({})).toBeNull();
    const reopened = await api['project-open']({ path: path('lived.focal') });
    expect(reopened?.name).toBe('Lived experience');
    const recent = await api['app-recent-projects']({});
    expect(recent[0]).toMatchObject({ path: path('lived.focal'), name: 'Lived experience', exists: true });
  });

  it('returns null when the host dialog is cancelled', async () => {
    expect(await api['project-open']({})).toBeNull();
    expect(await api['project-new']({ name: 'x' })).toBeNull();
  });

  it('renames and keeps the new name in the recent list', async () => {
    await api['project-open']({ path: path('lived.focal') });
    const renamed = await api['project-rename']({ name: 'Lived experience (round 2)' });
    expect(renamed.name).toBe('Lived experience (round 2)');
    expect((await api['app-recent-projects']({}))[0]?.name).toBe('Lived experience (round 2)');
  });

  it('stores preferences and reports them in app-info', async () => {
    await api['app-prefs-set']({ userName: 'Waiata Henare' });
    const info = await api['app-info']({});
    expect(info.prefs).toEqual({ userName: 'Waiata Henare', dateFormat: 'nz', theme: 'system' });
    expect(info.platform).toBe('cli');
  });

  it('turns an unexpected failure into an internal error envelope', async () => {
    const p = core.requireProject();
    p.db.exec('DROP TABLE code_frames');
    const env = await core.call('frames-list', {});
    expect(env.ok).toBe(false);
    if (!env.ok) {
      expect(env.error.code).toBe('internal');
      expect(env.error.message).toMatch(/^frames-list failed: /);
    }
  });
});

describe('code tree reads', () => {
  const { api, path, core } = testCore();
  it('lists codes of one frame or all frames, parents before children, with counts', async () => {
    await api['project-new']({ name: 'Codes', path: path('codes.focal') });
    const db = core.requireProject().db;
    const now = new Date().toISOString();
    db.prepare("INSERT INTO code_frames (name, kind, created_at) VALUES ('Kaupapa Māori', 'kaupapa-maori', ?)").run(now);
    db.prepare("INSERT INTO codes (id, frame_id, parent_id, name, position, created_at) VALUES (1, 1, NULL, 'Hope', 1, ?), (2, 1, 1, 'Lived experience', 0, ?), (3, 2, NULL, 'Taha wairua', 0, ?), (4, 1, NULL, 'Access', 0, ?)").run(now, now, now, now);
    expect((await api['codes-list']({ frameId: 1 })).map((c) => c.name)).toEqual(['Access', 'Hope', 'Lived experience']);
    expect((await api['codes-list']({})).map((c) => c.name)).toEqual(['Access', 'Hope', 'Lived experience', 'Taha wairua']);
    expect((await api['codes-list']({ frameId: 2 }))[0]).toMatchObject({ name: 'Taha wairua', counts: { segments: 0, sources: 0, participants: 0 } });
  });
});
