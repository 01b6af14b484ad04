/**
 * Kaupapa Māori frame templates (resources/frames/*.json): Te Whare Tapa Whā, Te Wheke, the
 * Meihana model, kaupapa Māori values. Offered, never imposed: creating a frame from a template
 * copies its codes into a new kaupapa Māori frame, which the analysts then edit as their own.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import type { CodeFrame } from '../../../shared/domain/project';
import type { FrameTemplate, FrameTemplateCode, FrameTemplateSummary } from '../../../shared/domain/tikanga';
import type { FocalCore } from '../app/focal-core';
import { FocalError } from '../errors';
import { undoable } from '../history/history';
import { resourcePath } from '../resources';
import { paletteColour } from '../../../shared/domain/code-palette';

const codeSchema: z.ZodType<FrameTemplateCode> = z.lazy(() =>
  z.object({
    name: z.string().trim().min(1).max(300),
    description: z.string().max(5000).default(''),
    color: z.string().regex(/^#[0-9a-fA-F]{6}$/).optional(),
    children: z.array(codeSchema).optional(),
  }),
);
const templateSchema = z.object({ name: z.string().trim().min(1).max(200), description: z.string().default(''), source: z.string().default(''), codes: z.array(codeSchema).min(1) });

export function loadTemplates(): FrameTemplate[] {
  const dir = resourcePath('frames');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const parsed = templateSchema.safeParse(JSON.parse(readFileSync(`${dir}/${f}`, 'utf8')));
      if (!parsed.success) throw new FocalError('internal', `The frame template resources/frames/${f} is not valid: ${parsed.error.issues[0]?.message ?? 'bad shape'}.`);
      return { id: f.replace(/\.json$/, ''), ...parsed.data, name: parsed.data.name.normalize('NFC') };
    });
}

const count = (codes: FrameTemplateCode[]): number => codes.reduce((n, c) => n + 1 + count(c.children ?? []), 0);

export function listTemplates(): FrameTemplateSummary[] {
  return loadTemplates().map((t) => ({ id: t.id, name: t.name, description: t.description, source: t.source, codeCount: count(t.codes), topLevel: t.codes.map((c) => c.name) }));
}

export function getTemplate(id: string): FrameTemplate {
  const t = loadTemplates().find((x) => x.id === id);
  if (!t) throw new FocalError('not-found', `There is no frame template "${id}"; the templates are: ${loadTemplates().map((x) => x.id).join(', ')}.`);
  return t;
}

/** Creates a kaupapa Māori frame holding a copy of the template's codes (one undoable step). */
export function createFrameFromTemplate(core: FocalCore, input: { template: string; name?: string | undefined; skip?: string[] | undefined }): { frame: CodeFrame; codes: number } {
  const db = core.requireProject().db;
  const t = getTemplate(input.template);
  const name = (input.name?.trim() || t.name).normalize('NFC');
  if (db.prepare('SELECT 1 FROM code_frames WHERE name = ? COLLATE NOCASE').get(name)) {
    throw new FocalError('conflict', `A code frame named "${name}" already exists; give the new frame another name, or edit the one you have.`);
  }
  const skip = new Set(input.skip ?? []);
  const now = core.now();
  let made = 0;
  const frameId = undoable(db, `Add frame "${name}" from a template`, now, () => {
    const frameId = Number(db.prepare("INSERT INTO code_frames (name, kind, description, created_at) VALUES (?, 'kaupapa-maori', ?, ?)").run(name, `${t.description}${t.source ? ` (${t.source})` : ''}`, now).lastInsertRowid);
    const insert = db.prepare('INSERT INTO codes (frame_id, parent_id, name, color, description, position, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
    const add = (codes: FrameTemplateCode[], parentId: number | null, color: string | null) =>
      codes
        .filter((c) => !skip.has(c.name))
        .forEach((c, position) => {
          const own = c.color ?? color ?? paletteColour(position);
          const id = Number(insert.run(frameId, parentId, c.name.normalize('NFC'), own, c.description.normalize('NFC'), position, now).lastInsertRowid);
          made++;
          add(c.children ?? [], id, own);
        });
    add(t.codes, null, null); // each top-level code its own palette colour, sub-codes their parent's
    core.requireProject().audit(core.actor, 'frame-created-from-template', { template: t.id, name, codes: made }, now);
    return frameId;
  });
  core.emit('changed', { kinds: ['codes', 'history'] });
  return { frame: db.prepare('SELECT id, name, kind, description FROM code_frames WHERE id = ?').get(frameId) as CodeFrame, codes: made };
}
