/**
 * The text around a coded passage or a match, as shown in retrieval and the auto-code preview: cut
 * at a word boundary, with "…" only where text was left out. `clipped` says the core already cut
 * the context short (it gives at most so many characters, within the same turn); context shorter
 * than that runs to the start or end of the turn, so it gets no ellipsis.
 */
export function leadIn(before: string, max: number, clipped: boolean): string {
  let text = before;
  let cut = clipped;
  if (text.length > max) {
    text = text.slice(-max);
    cut = true;
  }
  if (cut) {
    // Drop the partial word the cut left at the start (not when it is all one word).
    const space = text.search(/\s/);
    if (space > 0 && space < text.length - 1) text = text.slice(space + 1);
    return `…${text.trimStart()}`;
  }
  return text;
}

export function tailOut(after: string, max: number, clipped: boolean): string {
  let text = after;
  let cut = clipped;
  if (text.length > max) {
    text = text.slice(0, max);
    cut = true;
  }
  if (cut) {
    const space = Math.max(text.lastIndexOf(' '), text.lastIndexOf('\n'));
    if (space > 0) text = text.slice(0, space);
    return `${text.trimEnd()}…`;
  }
  return text;
}
