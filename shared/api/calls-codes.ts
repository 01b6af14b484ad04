/** Calls about code frames, the code tree, codings, retrieval and undo. */
import { z } from 'zod';
import type { AutoCodePreview, Coding, CodingsPatch, DeletePreview, HistoryState, Segment } from '../domain/coding';
import type { Code, CodeFrame } from '../domain/project';
import { call } from './define';
import { id } from './calls-sources';

const color = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'colours are #rrggbb');
const offset = z.number().int().nonnegative();
const range = { sourceId: id(), start: offset, end: offset };
const validRange = (v: { start: number; end: number }) => v.end > v.start;

/** Hits of a preview the person kept or unticked. */
export const hitRefs = z.array(z.object({ sourceId: id(), start: z.number().int().nonnegative(), end: z.number().int().nonnegative() })).max(100_000);

const autoCode = z
  .object({
    codeId: id(),
    speaker: z.string().trim().min(1).max(300).optional(),
    participantId: id().optional(),
    pattern: z.string().min(1).max(500).optional(),
    wholeWord: z.boolean().optional(),
    scope: z.enum(['match', 'turn']).optional(),
    sourceIds: z.array(id()).max(10_000).optional(),
    mode: z.enum(['mainstream', 'tikanga', 'both']).optional(),
    keep: hitRefs.optional(),
    skip: hitRefs.optional(),
  })
  .refine((v) => [v.speaker, v.participantId, v.pattern].filter((x) => x !== undefined).length === 1, 'give exactly one of speaker, participantId or pattern');

export const codeCalls = {
  'frames-list': call("The project's code frames (mainstream, kaupapa Māori, ...).", z.object({})).returns<CodeFrame[]>(),
  'frame-create': call(
    'Add a code frame (each frame has its own code tree).',
    z.object({ name: z.string().trim().min(1).max(200), kind: z.enum(['mainstream', 'kaupapa-maori']), description: z.string().max(5000).optional() }),
  ).returns<CodeFrame>(),
  'codes-list': call('The code tree of one frame (all frames when none is given), parents before children.', z.object({ frameId: id().optional() })).returns<Code[]>(),
  'code-create': call(
    'Add a code to a frame, at the top level or under a parent.',
    z.object({ frameId: id(), parentId: id().nullable().optional(), name: z.string().trim().min(1, 'a code needs a name').max(300), color: color.optional(), description: z.string().max(20_000).optional() }),
  ).returns<Code>(),
  'code-update': call(
    'Rename, recolour or describe a code.',
    z.object({ id: id(), name: z.string().trim().min(1).max(300).optional(), color: color.optional(), description: z.string().max(20_000).optional() }),
  ).returns<Code>(),
  'code-move': call(
    'Move a code under another parent (null: top level) at a position among its siblings.',
    z.object({ id: id(), parentId: id().nullable(), position: z.number().int().nonnegative().optional() }),
  ).returns<Code[]>(),
  'code-merge': call(
    'Merge codes into a target: their codings move over, identical codings collapse, children move under the target.',
    z.object({ ids: z.array(id()).min(1).max(1000), targetId: id() }),
  ).returns<Code>(),
  'code-delete-preview': call('What deleting a code (and its children) would remove.', z.object({ id: id() })).returns<DeletePreview>(),
  'code-delete': call('Delete a code, its children and their codings (undoable).', z.object({ id: id() })).returns<null>(),

  'coding-apply': call(
    'Apply a code to a range of a transcript; with the coding, what changed (the coding and the code\'s new counts) for the view to patch itself.',
    z.object({ codeId: id(), ...range }).refine(validRange, 'end must be after start'),
  ).returns<Coding & { changes: CodingsPatch }>(),
  'coding-apply-blocks': call('Apply a code to whole speaker turns.', z.object({ codeId: id(), blockIds: z.array(id()).min(1).max(100_000) })).returns<Coding[]>(),
  'coding-remove': call(
    'Remove a code from a range: codings inside it go, codings that overlap it are trimmed or split.',
    z.object({ codeId: id(), ...range }).refine(validRange, 'end must be after start'),
  ).returns<{ removed: number; trimmed: number; changes: CodingsPatch }>(),
  'codings-list': call('Codings in one transcript (optionally one frame), by position.', z.object({ sourceId: id(), frameId: id().optional() })).returns<Coding[]>(),
  'segments-list': call(
    "A code's coded segments across the project, with speaker, source and context; filterable.",
    z.object({
      codeId: id(),
      includeChildren: z.boolean().optional(),
      sourceId: id().optional(),
      participantId: id().optional(),
      groupId: id().optional(),
      mode: z.enum(['mainstream', 'tikanga']).optional(),
    }),
  ).returns<Segment[]>(),

  'autocode-preview': call('What auto-coding would code: every turn of a speaker/participant, or every match of a text (macrons optional).', autoCode).returns<AutoCodePreview>(),
  'autocode-apply': call('Auto-code (one undo step); ranges already coded with the code are skipped.', autoCode).returns<{ coded: number; skipped: number }>(),

  'history-state': call('What undo and redo would do next.', z.object({})).returns<HistoryState>(),
  'history-undo': call('Undo the last coding or code-tree action.', z.object({})).returns<HistoryState>(),
  'history-redo': call('Redo the last undone action.', z.object({})).returns<HistoryState>(),
};
