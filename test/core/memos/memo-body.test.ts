/**
 * bad-memo-body-contained: a memo body must be Lexical's editor state. The core refuses to save
 * anything else, and a memo whose stored body is not (a file edited by hand, an old bug) comes back
 * with the problem named and an empty body, so the editor opens it as an error in its pane only.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { testCore } from '../../support/core';

const state = (text: string) =>
  JSON.stringify({
    root: {
      type: 'root', version: 1, direction: 'ltr', format: '', indent: 0,
      children: [{ type: 'paragraph', version: 1, direction: 'ltr', format: '', indent: 0, textFormat: 0, textStyle: '', children: [{ type: 'text', version: 1, text, detail: 0, format: 0, mode: 'normal', style: '' }] }],
    },
  });

describe('memo bodies are Lexical editor state', () => {
  const { api, core, path } = testCore();
  beforeAll(async () => {
    await api['project-new']({ name: 'Memos', path: path('m.focal') });
  });

  it('saves a real editor state and an empty memo', async () => {
    const m = await api['memo-save']({ target: { kind: 'project', id: null }, body: state('Kia ora, whānau'), bodyText: 'Kia ora, whānau' });
    expect(m.bodyProblem).toBeNull();
    const empty = await api['memo-save']({ target: { kind: 'project', id: null }, body: '', bodyText: '' });
    expect(empty.bodyProblem).toBeNull();
  });

  it('refuses a body that is not editor state', async () => {
    for (const body of ['<b>hello</b>', '{"root": 1}', '{"root": {"type": "root", "children": "x"}}', JSON.stringify({ root: { type: 'paragraph', children: [] } }), '[]']) {
      await expect(api['memo-save']({ target: { kind: 'project', id: null }, body, bodyText: 'x' })).rejects.toThrow(/memo/i);
    }
  });

  it('returns a stored body that is not editor state as a named problem, never as the raw body', async () => {
    const m = await api['memo-save']({ target: { kind: 'project', id: null }, body: state('ok'), bodyText: 'ok' });
    core.requireProject().db.prepare('UPDATE memos SET body = ? WHERE id = ?').run('{"root": {"children": [{"type": 5}]}}', m.id);
    const got = await api['memo-get']({ id: m.id });
    expect(got.body).toBe('');
    expect(got.bodyProblem).toMatch(/not in the editor's format/);
    const listed = (await api['memos-list']({})).find((x) => x.id === m.id)!;
    expect(listed.bodyProblem).toMatch(/editor/);
    // The plain text is still there to read and search.
    expect(listed.bodyText).toBe('ok');
  });
});
