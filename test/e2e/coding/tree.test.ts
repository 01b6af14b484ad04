/** The code tree's pure helpers: keyboard moves, drop targets, paths and the macron-insensitive picker. */
import { describe, expect, it } from 'vitest';
import type { Code } from '../../../shared/domain/project';
import { dropTarget, hasExactName, keyboardMove, paths, pick, pickerIndex } from '../../../renderer/src/codes/tree';

let next = 1;
const code = (name: string, parentId: number | null, position: number): Code => ({
  id: next++,
  frameId: 1,
  parentId,
  name,
  color: '#336699',
  description: '',
  position,
  counts: { segments: 0, sources: 0, participants: 0 },
});

// Whānau (1) > Connection (2), Whakapapa (3); Māori health (4); Trust (5)
const whanau = code('Whānau', null, 0);
const connection = code('Connection', whanau.id, 0);
const whakapapa = code('Whakapapa', whanau.id, 1);
const health = code('Māori health', null, 1);
const trust = code('Trust', null, 2);
const codes = [whanau, connection, whakapapa, health, trust];

describe('keyboard moves', () => {
  it('moves up and down among siblings, and not past the ends', () => {
    expect(keyboardMove(codes, health.id, 'ArrowUp')).toEqual({ parentId: null, position: 0 });
    expect(keyboardMove(codes, health.id, 'ArrowDown')).toEqual({ parentId: null, position: 2 });
    expect(keyboardMove(codes, whanau.id, 'ArrowUp')).toBeNull();
    expect(keyboardMove(codes, whakapapa.id, 'ArrowDown')).toBeNull();
  });

  it('nests under the sibling above (last child), and un-nests to just after the parent', () => {
    expect(keyboardMove(codes, health.id, 'ArrowRight')).toEqual({ parentId: whanau.id, position: 2 });
    expect(keyboardMove(codes, whanau.id, 'ArrowRight')).toBeNull();
    expect(keyboardMove(codes, connection.id, 'ArrowLeft')).toEqual({ parentId: null, position: 1 });
    expect(keyboardMove(codes, trust.id, 'ArrowLeft')).toBeNull();
  });
});

describe('drop targets', () => {
  it('puts a dragged code before, after or inside the code it is dropped on', () => {
    expect(dropTarget(codes, health, 'before', trust.id)).toEqual({ parentId: null, position: 1 });
    expect(dropTarget(codes, whanau, 'after', trust.id)).toEqual({ parentId: null, position: 1 });
    expect(dropTarget(codes, whanau, 'inside', trust.id)).toEqual({ parentId: whanau.id, position: 2 });
    // Its own old place does not count: dragging Whānau below Māori health lands it at 1.
    expect(dropTarget(codes, health, 'after', whanau.id)).toEqual({ parentId: null, position: 1 });
  });
});

describe('the quick picker', () => {
  const index = pickerIndex(codes);

  it('writes paths like the tree', () => {
    expect(paths(codes).get(whakapapa.id)).toBe('Whānau / Whakapapa');
  });

  it('finds codes with or without macrons, and by their parent', () => {
    expect(pick(index, 'whanau')[0]?.name).toBe('Whānau');
    expect(pick(index, 'maori')[0]?.name).toBe('Māori health');
    expect(pick(index, 'Maaori')[0]?.name).toBe('Māori health');
    expect(pick(index, 'conection')[0]?.name).toBe('Connection');
    expect(pick(index, '').map((e) => e.name)).toEqual(['Whānau', 'Connection', 'Whakapapa', 'Māori health', 'Trust']);
    expect(pick(index, 'zzzz')).toEqual([]);
  });

  it('offers to create only when no code has that name, macrons aside', () => {
    expect(hasExactName(codes, 'whanau')).toBe(true);
    expect(hasExactName(codes, ' TRUST ')).toBe(true);
    expect(hasExactName(codes, 'Tuakana teina')).toBe(false);
  });
});
