/**
 * What a memo body may be: Lexical's serialised editor state, built only from the node types the
 * memo editor registers (renderer/src/memos/MemoEditor.tsx: the core nodes plus lists). Lexical
 * throws on anything else while the view renders, so a body that is not this is refused on save,
 * and one found stored (a file edited by hand) is reported instead of handed to the editor.
 */

/** The node types the memo editor can load. */
const NODE_TYPES = new Set(['paragraph', 'text', 'linebreak', 'tab', 'list', 'listitem']);
const MAX_DEPTH = 64;

function nodeProblem(node: unknown, depth: number, where: string): string | null {
  if (depth > MAX_DEPTH) return `${where} is nested too deeply`;
  if (typeof node !== 'object' || node === null || Array.isArray(node)) return `${where} is not a node`;
  const n = node as Record<string, unknown>;
  if (typeof n.type !== 'string' || !NODE_TYPES.has(n.type)) return `${where} has a type the memo editor does not know (${JSON.stringify(n.type)?.slice(0, 40)})`;
  if (n.type === 'text' && typeof n.text !== 'string') return `${where} is a text node without text`;
  if ('children' in n) {
    if (!Array.isArray(n.children)) return `${where}'s children are not a list`;
    for (let i = 0; i < n.children.length; i++) {
      const p = nodeProblem(n.children[i], depth + 1, `${where} › node ${i + 1}`);
      if (p) return p;
    }
  }
  return null;
}

/** Why `body` is not a memo editor state, or null when it is ('' is an empty memo). */
export function memoBodyProblem(body: string): string | null {
  if (body === '') return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return 'it is not JSON';
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return 'it has no root';
  const root = (parsed as Record<string, unknown>).root;
  if (typeof root !== 'object' || root === null || Array.isArray(root)) return 'it has no root';
  const r = root as Record<string, unknown>;
  if (r.type !== undefined && r.type !== 'root') return 'its root is not a root node';
  if (!Array.isArray(r.children)) return "its root's children are not a list";
  for (let i = 0; i < r.children.length; i++) {
    const p = nodeProblem(r.children[i], 1, `node ${i + 1}`);
    if (p) return p;
  }
  return null;
}
