/**
 * Hovering a te reo term in a transcript shows its gloss from the project glossary. Wraps the
 * transcript view without changing it: the word under the pointer is found from the DOM
 * (caretPositionFromPoint), its source offset from the text run's data-start, and the term from
 * the glossary matches of the source text (folded, so whanau and whānau both show "family").
 */
import { useMemo, useRef, useState, type ReactNode } from 'react';
import { termAt, useGlossary } from './useGlossary';
import './glossary.css';

interface Tip {
  term: string;
  gloss: string;
  x: number;
  y: number;
}

function caretAt(x: number, y: number): { node: Node; offset: number } | null {
  const doc = document as Document & { caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null };
  if (doc.caretPositionFromPoint) {
    const p = doc.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  const r = document.caretRangeFromPoint?.(x, y);
  return r ? { node: r.startContainer, offset: r.startOffset } : null;
}

/** Below and right of the pointer, flipped left or up near the window's edge so it is never cut off. */
function tipPlace(tip: Tip): React.CSSProperties {
  const flipX = tip.x + 12 + TIP_WIDTH > window.innerWidth;
  const flipY = tip.y + 16 + TIP_HEIGHT > window.innerHeight;
  return {
    ...(flipX ? { right: window.innerWidth - tip.x + 12 } : { left: tip.x + 12 }),
    ...(flipY ? { bottom: window.innerHeight - tip.y + 12 } : { top: tip.y + 16 }),
  };
}
/** Room the tip may need: its max-width (22em at 12.5 px) and about three lines. */
const TIP_WIDTH = 290;
const TIP_HEIGHT = 80;

export function GlossaryHover({ text, children }: { text: string; children: ReactNode }) {
  const { match } = useGlossary();
  const matches = useMemo(() => match(text), [match, text]);
  const [tip, setTip] = useState<Tip | null>(null);
  const frame = useRef(0);

  const onMove = (e: React.MouseEvent) => {
    if (!matches.length) return;
    const { clientX, clientY } = e;
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(() => {
      const caret = caretAt(clientX, clientY);
      const run = caret?.node.nodeType === Node.TEXT_NODE ? caret.node.parentElement?.closest<HTMLElement>('[data-start]') : null;
      if (!caret || !run) return setTip(null);
      const offset = Number(run.dataset.start) + caret.offset;
      const hit = termAt(matches, offset) ?? termAt(matches, offset - 1);
      if (!hit) return setTip(null);
      setTip((t) => (t && t.term === hit.entry.term && Math.abs(t.x - clientX) < 40 ? t : { term: hit.entry.term, gloss: hit.entry.gloss, x: clientX, y: clientY }));
    });
  };

  return (
    // Scrolling moves the text from under the tip: hide it until the pointer moves again.
    <div className="gl-hover" onMouseMove={onMove} onMouseLeave={() => setTip(null)} onWheel={() => setTip(null)}>
      {children}
      {tip && (
        <div className="gl-tip" role="tooltip" style={tipPlace(tip)}>
          <span className="gl-tip-term">{tip.term}</span>
          <span className="gl-tip-gloss">{tip.gloss}</span>
        </div>
      )}
    </div>
  );
}
