/** Handlers for memos. */
import { deleteMemo, getMemo, listMemos, saveMemo } from '../memos/memos';
import { handlers } from './handler-types';

export const memoHandlers = handlers({
  'memos-list': (i, core) => listMemos(core.requireProject().db, i),
  'memo-get': (i, core) => getMemo(core.requireProject().db, i.id),
  'memo-save': (i, core) => saveMemo(core, i),
  'memo-delete': (i, core) => deleteMemo(core, i.id),
});
