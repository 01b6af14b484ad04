/**
 * Builds (and incrementally updates) the Lexical tree from a plan. Called inside one discrete
 * `editor.update`, so a 2,000-turn transcript is one reconciliation, not thousands of React renders.
 *
 * The index returned maps each block to its node key and signature, so a change of highlights
 * rebuilds only the blocks whose rendering changed, and maps source offsets back to the text
 * nodes (for scrollTo and flashing a range).
 */
import { $getNodeByKey, $getRoot, type NodeKey } from 'lexical';
import { $createSourceTextNode, $createTranscriptBlockNode, $isTranscriptBlockNode, type BlockLook, type SourceTextNode } from './nodes';
import type { BlockPlan, TranscriptHighlight } from './offsets';

export interface Run {
  start: number;
  end: number;
  key: NodeKey;
}

export interface IndexedBlock {
  id: number;
  key: NodeKey;
  start: number;
  end: number;
  signature: string;
  runs: Run[];
}

export type DocIndex = IndexedBlock[];

function lookOf(b: BlockPlan): BlockLook {
  return {
    blockId: b.id,
    kind: b.kind,
    speaker: b.speaker?.name ?? '',
    speakerLabel: b.speaker?.label ?? '',
    role: b.speaker?.role ?? '',
    facilitator: b.speaker?.facilitator ?? false,
    time: b.time ?? '',
    headLabel: b.headLabel ?? '',
    stripes: b.stripes,
  };
}

function $textNodes(text: string, b: BlockPlan, byId: Map<number, TranscriptHighlight>): { nodes: SourceTextNode[]; runs: Run[] } {
  const nodes: SourceTextNode[] = [];
  const runs: Run[] = [];
  for (const s of b.segments) {
    const hs = s.highlightIds.map((id) => byId.get(id)).filter((h): h is TranscriptHighlight => h !== undefined);
    const node = $createSourceTextNode(
      text.slice(s.start, s.end),
      s.start,
      s.kind,
      s.highlightIds,
      hs.map((h) => ({ color: h.color, label: h.label, lane: s.lanes[s.highlightIds.indexOf(h.id)] ?? 0 })),
    );
    nodes.push(node);
    runs.push({ start: s.start, end: s.end, key: node.getKey() });
  }
  return { nodes, runs };
}

/** Replaces the whole document. */
export function $buildDocument(text: string, plan: BlockPlan[], highlights: TranscriptHighlight[]): DocIndex {
  const byId = new Map(highlights.map((h) => [h.id, h]));
  const root = $getRoot();
  root.clear();
  const index: DocIndex = [];
  const blocks = plan.map((b) => {
    const block = $createTranscriptBlockNode(lookOf(b));
    const { nodes, runs } = $textNodes(text, b, byId);
    block.append(...nodes);
    index.push({ id: b.id, key: block.getKey(), start: b.start, end: b.end, signature: b.signature, runs });
    return block;
  });
  root.append(...blocks);
  return index;
}

/**
 * Rebuilds only the blocks whose signature changed (e.g. one coding added). Returns null when the
 * plan no longer lines up with the document (different blocks), meaning: build from scratch.
 */
export function $updateDocument(text: string, plan: BlockPlan[], highlights: TranscriptHighlight[], index: DocIndex): DocIndex | null {
  if (plan.length !== index.length || plan.some((b, i) => b.id !== index[i]?.id || b.start !== index[i]?.start || b.end !== index[i]?.end)) return null;
  const byId = new Map(highlights.map((h) => [h.id, h]));
  return plan.map((b, i) => {
    const old = index[i] as IndexedBlock;
    if (old.signature === b.signature) return old;
    const block = $getNodeByKey(old.key);
    if (!$isTranscriptBlockNode(block)) throw new Error(`transcript block ${b.id} is missing from the editor`);
    block.setLook(lookOf(b));
    block.clear();
    const { nodes, runs } = $textNodes(text, b, byId);
    block.append(...nodes);
    return { ...old, signature: b.signature, runs };
  });
}
