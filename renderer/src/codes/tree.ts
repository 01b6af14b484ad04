/**
 * Pure helpers over a frame's code list (parents before children, as codes-list returns it):
 * depths, paths, siblings, where a keyboard move sends a code, and the picker's fuzzy index.
 * No React, no DOM: unit-tested directly.
 */
import Fuse from 'fuse.js';
import type { Code } from '../../../shared/domain/project';
import { fold } from '../../../shared/text/fold';

export function depths(codes: Code[]): Map<number, number> {
  const depth = new Map<number, number>();
  for (const c of codes) depth.set(c.id, c.parentId === null ? 0 : (depth.get(c.parentId) ?? 0) + 1);
  return depth;
}

/** "Parent / Child / Grandchild" for every code. */
export function paths(codes: Code[]): Map<number, string> {
  const byId = new Map(codes.map((c) => [c.id, c]));
  const out = new Map<number, string>();
  const pathOf = (c: Code): string => {
    const known = out.get(c.id);
    if (known !== undefined) return known;
    const parent = c.parentId === null ? undefined : byId.get(c.parentId);
    const p = parent ? `${pathOf(parent)} / ${c.name}` : c.name;
    out.set(c.id, p);
    return p;
  };
  codes.forEach(pathOf);
  return out;
}

export function siblingsOf(codes: Code[], parentId: number | null): Code[] {
  return codes.filter((c) => c.parentId === parentId).sort((a, b) => a.position - b.position || a.id - b.id);
}

/** The ids inside a code (children, grandchildren...). */
export function descendantIds(codes: Code[], id: number): Set<number> {
  const out = new Set<number>();
  let grew = true;
  while (grew) {
    grew = false;
    for (const c of codes) {
      if (c.parentId !== null && (c.parentId === id || out.has(c.parentId)) && !out.has(c.id)) {
        out.add(c.id);
        grew = true;
      }
    }
  }
  return out;
}

export interface MoveTarget {
  parentId: number | null;
  /** Position among the new siblings, not counting the code itself. */
  position: number;
}

/**
 * Alt+Up/Down: one place up or down among siblings. Alt+Right: into the sibling above, as its
 * last child. Alt+Left: out of its parent, just after it. Null when there is nowhere to go.
 */
export function keyboardMove(codes: Code[], id: number, key: 'ArrowUp' | 'ArrowDown' | 'ArrowLeft' | 'ArrowRight'): MoveTarget | null {
  const code = codes.find((c) => c.id === id);
  if (!code) return null;
  const sibs = siblingsOf(codes, code.parentId);
  const i = sibs.findIndex((c) => c.id === id);
  if (key === 'ArrowUp') return i > 0 ? { parentId: code.parentId, position: i - 1 } : null;
  if (key === 'ArrowDown') return i < sibs.length - 1 ? { parentId: code.parentId, position: i + 1 } : null;
  if (key === 'ArrowRight') {
    const above = sibs[i - 1];
    return above ? { parentId: above.id, position: siblingsOf(codes, above.id).length } : null;
  }
  if (code.parentId === null) return null;
  const parent = codes.find((c) => c.id === code.parentId);
  if (!parent) return null;
  const parentSibs = siblingsOf(codes, parent.parentId);
  return { parentId: parent.parentId, position: parentSibs.findIndex((c) => c.id === parent.id) + 1 };
}

/** Where a drop before/after/inside `over` puts `dragged`. */
export function dropTarget(codes: Code[], over: Code, where: 'before' | 'after' | 'inside', dragged: number): MoveTarget {
  if (where === 'inside') return { parentId: over.id, position: siblingsOf(codes, over.id).filter((c) => c.id !== dragged).length };
  const sibs = siblingsOf(codes, over.parentId).filter((c) => c.id !== dragged);
  const i = sibs.findIndex((c) => c.id === over.id);
  return { parentId: over.parentId, position: where === 'before' ? i : i + 1 };
}

export interface PickerEntry {
  id: number;
  name: string;
  path: string;
  color: string;
  /** Folded keys: Fuse matches folded query against these, so `whanau` finds `Whānau`. */
  foldedName: string;
  foldedPath: string;
}

export interface PickerIndex {
  fuse: Fuse<PickerEntry>;
  entries: PickerEntry[];
}

export function pickerIndex(codes: Code[]): PickerIndex {
  const p = paths(codes);
  const entries = codes.map((c) => {
    const path = p.get(c.id) ?? c.name;
    return { id: c.id, name: c.name, path, color: c.color, foldedName: fold(c.name), foldedPath: fold(path) };
  });
  const fuse = new Fuse(entries, {
    keys: [
      { name: 'foldedName', weight: 2 },
      { name: 'foldedPath', weight: 1 },
    ],
    threshold: 0.35,
    ignoreLocation: true,
    includeScore: true,
  });
  return { fuse, entries };
}

/** Best matches for what was typed (folded first); all codes in tree order when nothing is typed. */
export function pick(index: PickerIndex, query: string, limit = 30): PickerEntry[] {
  const q = fold(query.trim());
  if (!q) return index.entries.slice(0, limit);
  return index.fuse.search(q, { limit }).map((r) => r.item);
}

/** True when a code with exactly this name (folded) exists: the picker then offers no "create". */
export function hasExactName(codes: Code[], name: string): boolean {
  const f = fold(name.trim());
  return codes.some((c) => fold(c.name) === f);
}
