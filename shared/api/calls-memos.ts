/** Calls about memos: rich-text notes on the project, a source, a code, a coded segment or a participant. */
import { z } from 'zod';
import type { Memo } from '../domain/memos';
import { call } from './define';
import { id } from './calls-sources';

const targetKind = z.enum(['project', 'source', 'code', 'coding', 'participant']);
const target = z
  .object({ kind: targetKind, id: id().nullable() })
  .refine((t) => (t.kind === 'project') === (t.id === null), 'a project memo has no target id; every other memo needs one');

export const memoCalls = {
  'memos-list': call(
    'Memos, newest first: all, or those about one target (kind, optionally id); query searches title and text, macrons optional.',
    z.object({ targetKind: targetKind.optional(), targetId: id().optional(), query: z.string().max(500).optional() }),
  ).returns<Memo[]>(),
  'memo-get': call('One memo, by id.', z.object({ id: id() })).returns<Memo>(),
  'memo-save': call(
    'Create a memo (no id) or update one (autosave): body is the Lexical state as JSON, bodyText its plain text for search.',
    z.object({
      id: id().optional(),
      target,
      title: z.string().max(300).optional(),
      body: z.string().max(2_000_000),
      bodyText: z.string().max(1_000_000),
    }),
  ).returns<Memo>(),
  'memo-delete': call('Delete a memo (undoable).', z.object({ id: id() })).returns<null>(),
};
