/**
 * Marks talk that is never exported (passages marked withdrawn or restricted, withdrawn
 * participants' turns): the exact range as a CSS Custom Highlight (a wash and a strike), and on
 * each block it touches a class that draws a hatched bar in the margin and, on a turn, a badge
 * beside the speaker's name, whose tooltip says why. The text stays text.
 *
 * Only attributes change (classes, a title): Lexical's mutation observer watches child lists and
 * text, and would take out any element added to its blocks from outside a reconciliation.
 *
 * Applied after every rebuild or patch of the document (a patched block is a new element, and a
 * highlight's ranges point into the old text nodes), and whenever the marks change.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useLayoutEffect, type RefObject } from 'react';
import type { TranscriptExportMark } from '../../../shared/domain/quotes-from';
import type { DateFormat } from '../../../shared/format/dates';
import type { DocIndex } from './build';
import { markLook, marksByBlock } from './export-marks';
import { allRuns, domRangeFor } from './selection';

const LOOKS = ['withdrawn', 'restricted'] as const;
const highlightName = (look: (typeof LOOKS)[number]) => `tv-nx-${look}`;
const MARKER = 'tv-nx';
const BLOCK_CLASS = 'tv-nx-block';

interface Props {
  marks: TranscriptExportMark[];
  dateFormat: DateFormat;
  indexRef: RefObject<DocIndex>;
}

export function ExportMarksPlugin({ marks, dateFormat, indexRef }: Props) {
  const [editor] = useLexicalComposerContext();
  useLayoutEffect(() => {
    const registry = typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight !== 'undefined' ? CSS.highlights : null;
    const marked: Array<{ dom: HTMLElement; holder: HTMLElement; classes: string[] }> = [];
    const clear = () => {
      for (const m of marked.splice(0)) {
        m.dom.classList.remove(...m.classes);
        m.holder.removeAttribute('title');
      }
      for (const look of LOOKS) registry?.delete(highlightName(look));
    };
    const apply = () => {
      clear();
      if (!marks.length) return;
      const index = indexRef.current;
      const runs = allRuns(index);
      if (registry) {
        for (const look of LOOKS) {
          const ranges = marks.filter((m) => markLook(m) === look).map((m) => domRangeFor(editor, runs, m.start, m.end)).filter((r): r is Range => r !== null);
          if (ranges.length) {
            const h = new Highlight(...ranges);
            h.priority = -1; // under the flash of a jump
            registry.set(highlightName(look), h);
          }
        }
      }
      for (const b of marksByBlock(index, marks, dateFormat).values()) {
        const block = index[b.blockIndex];
        const dom = block ? editor.getElementByKey(block.key) : null;
        if (!dom) continue;
        const title = b.titles.join('\n');
        // The margin bar and the badge are drawn by CSS on the speaker line (or on the block for a
        // note), so the tooltip is that element's title.
        const who = dom.querySelector<HTMLElement>(':scope > .tv-who');
        const holder = who ?? dom;
        const classes = [BLOCK_CLASS, ...[...b.looks].map((l) => `${MARKER}-${l}`), ...(who ? [] : [`${MARKER}-no-who`])];
        dom.classList.add(...classes);
        holder.title = title;
        marked.push({ dom, holder, classes });
      }
    };
    apply();
    // Only updates that rebuilt or patched blocks move the text nodes; a selection change does not.
    const stop = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves }) => {
      if (dirtyElements.size || dirtyLeaves.size) apply();
    });
    return () => {
      stop();
      clear();
    };
  }, [editor, marks, dateFormat, indexRef]);
  return null;
}
