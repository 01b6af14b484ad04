/**
 * The two Lexical node types the transcript is made of.
 *
 * SourceTextNode: a run of transcript text that knows where it starts in `source.text`, so a
 * Lexical caret (node, offset) is an exact source offset. Its type differs from plain 'text', so
 * Lexical never merges neighbouring runs and the offsets stay put.
 *
 * TranscriptBlockNode: one block (turn, note, heading, text). Its DOM carries the speaker label,
 * the timestamp and the coding stripes as non-Lexical elements (contenteditable=false,
 * user-select: none) beside the body; `getDOMSlot` points Lexical at the body, so the label is
 * never a node, never in a selection's text and never shifts an offset.
 */
import { ElementNode, TextNode, type EditorConfig, type ElementDOMSlot, type LexicalEditor, type LexicalNode, type NodeKey } from 'lexical';
import { safeColor } from './labels';
import type { BlockPlan, SegmentKind, Stripe } from './offsets';

/** How one covering highlight is painted on a run of text. */
export interface Paint {
  color: string;
  label: string;
  /** Which underline row (0 = lowest) this highlight uses throughout its block. */
  lane: number;
}

export class SourceTextNode extends TextNode {
  __start: number;
  __segment: SegmentKind;
  __highlightIds: number[];
  __paint: Paint[];

  override $config() {
    return this.config('tv-source-text', { extends: TextNode });
  }

  // Every argument has a default: $config builds clones with the no-argument constructor.
  constructor(text = '', start = 0, segment: SegmentKind = 'speech', highlightIds: number[] = [], paint: Paint[] = [], key: NodeKey | undefined = undefined) {
    super(text, key);
    this.__start = start;
    this.__segment = segment;
    this.__highlightIds = highlightIds;
    this.__paint = paint;
  }

  override afterCloneFrom(prev: this): void {
    super.afterCloneFrom(prev);
    this.__start = prev.__start;
    this.__segment = prev.__segment;
    this.__highlightIds = prev.__highlightIds;
    this.__paint = prev.__paint;
  }

  getSourceStart(): number {
    return this.getLatest().__start;
  }

  getHighlightIds(): number[] {
    return this.getLatest().__highlightIds;
  }

  override createDOM(config: EditorConfig, editor?: LexicalEditor): HTMLElement {
    const dom = super.createDOM(config, editor);
    dom.className = this.__segment === 'annotation' ? 'tv-annotation' : 'tv-speech';
    dom.dataset.start = String(this.__start);
    paintHighlights(dom, this.__paint);
    return dom;
  }

  override updateDOM(prev: this, dom: HTMLElement, config: EditorConfig): boolean {
    if (prev.__segment !== this.__segment || prev.__start !== this.__start || paintKey(prev.__paint) !== paintKey(this.__paint)) return true;
    return super.updateDOM(prev, dom, config);
  }
}

const paintKey = (paint: Paint[]) => paint.map((p) => `${p.color}/${p.lane}/${p.label}`).join(';');

/**
 * Each covering highlight adds a translucent fill (so overlaps blend into a mix of their colours)
 * and a 2px underline in its own lane (so overlaps stay distinguishable even when colours are close).
 * All are background layers: no extra elements, nothing that could enter the text.
 */
function paintHighlights(dom: HTMLElement, paint: Paint[]): void {
  if (paint.length === 0) return;
  const solid = (c: string) => `linear-gradient(${c}, ${c})`;
  const lines = paint.map((p) => ({ image: solid(safeColor(p.color)), size: '100% 2px', position: `0 calc(100% - ${2 * p.lane}px)` }));
  const fills = paint.map((p) => ({ image: solid(`color-mix(in srgb, ${safeColor(p.color)} 24%, transparent)`), size: '100% 100%', position: '0 0' }));
  const layers = [...lines, ...fills];
  dom.classList.add('tv-hl');
  dom.style.backgroundImage = layers.map((l) => l.image).join(', ');
  dom.style.backgroundSize = layers.map((l) => l.size).join(', ');
  dom.style.backgroundPosition = layers.map((l) => l.position).join(', ');
  dom.style.backgroundRepeat = 'no-repeat';
  dom.title = paint.map((p) => p.label).join(', ');
}

export function $createSourceTextNode(text: string, start: number, segment: SegmentKind, highlightIds: number[], paint: Paint[]): SourceTextNode {
  return new SourceTextNode(text, start, segment, highlightIds, paint);
}

export function $isSourceTextNode(node: LexicalNode | null | undefined): node is SourceTextNode {
  return node instanceof SourceTextNode;
}

export interface BlockLook {
  blockId: number;
  kind: BlockPlan['kind'];
  speaker: string;
  /** The label as written, shown as a tooltip when a participant's name replaces it. */
  speakerLabel: string;
  role: string;
  facilitator: boolean;
  time: string;
  /** Text under a label marked "Not a speaker": the label, shown above it and credited to no one. */
  headLabel?: string;
  stripes: Stripe[];
}

export class TranscriptBlockNode extends ElementNode {
  __look: BlockLook;

  override $config() {
    return this.config('tv-block', { extends: ElementNode });
  }

  constructor(look: BlockLook = EMPTY_LOOK, key: NodeKey | undefined = undefined) {
    super(key);
    this.__look = look;
  }

  override afterCloneFrom(prev: this): void {
    super.afterCloneFrom(prev);
    this.__look = prev.__look;
  }

  getLook(): BlockLook {
    return this.getLatest().__look;
  }

  setLook(look: BlockLook): this {
    const self = this.getWritable();
    self.__look = look;
    return self;
  }

  override createDOM(): HTMLElement {
    const look = this.__look;
    const dom = document.createElement('div');
    dom.className = `tv-block tv-${look.kind}${look.facilitator ? ' tv-facilitator' : ''}`;
    dom.dataset.blockId = String(look.blockId);
    const stripes = fixed('div', 'tv-stripes');
    stripes.setAttribute('aria-hidden', 'true');
    renderStripes(stripes, look.stripes);
    dom.append(stripes);
    if (look.kind === 'turn' && (look.speaker || look.time)) dom.append(renderWho(look));
    else if (look.kind === 'text' && look.headLabel) dom.append(renderHeadLabel(look));
    dom.append(document.createElement(look.kind === 'heading' ? 'h3' : look.kind === 'turn' ? 'p' : 'div'));
    (dom.lastElementChild as HTMLElement).className = 'tv-body';
    return dom;
  }

  override updateDOM(prev: this, dom: HTMLElement): boolean {
    const a = prev.__look;
    const b = this.__look;
    if (a.kind !== b.kind || a.speaker !== b.speaker || a.time !== b.time || a.role !== b.role || a.facilitator !== b.facilitator || a.headLabel !== b.headLabel) return true;
    if (stripeKey(a.stripes) !== stripeKey(b.stripes)) renderStripes(dom.firstElementChild as HTMLElement, b.stripes);
    return false;
  }

  // Children go into the body element, after the stripes and the speaker label.
  override getDOMSlot(element: HTMLElement): ElementDOMSlot<HTMLElement> {
    return super.getDOMSlot(element).withElement(element.lastElementChild as HTMLElement);
  }
}

const EMPTY_LOOK: BlockLook = { blockId: 0, kind: 'text', speaker: '', speakerLabel: '', role: '', facilitator: false, time: '', stripes: [] };

/** An element that is not transcript text: never editable, never selectable. */
function fixed(tag: string, className: string): HTMLElement {
  const el = document.createElement(tag);
  el.className = className;
  el.contentEditable = 'false';
  return el;
}

/** The label of unattributed text, as the transcriber wrote it: not a speaker, so no name or role. */
function renderHeadLabel(look: BlockLook): HTMLElement {
  const head = fixed('div', 'tv-who tv-not-speaker');
  const label = document.createElement('span');
  label.className = 'tv-head-label';
  label.textContent = look.headLabel ?? '';
  label.title = 'Marked “Not a speaker” in the speaker review: this text is credited to no one';
  head.append(label);
  if (look.time) {
    const time = document.createElement('span');
    time.className = 'tv-time';
    time.textContent = look.time;
    head.append(time);
  }
  return head;
}

function renderWho(look: BlockLook): HTMLElement {
  const who = fixed('div', 'tv-who');
  if (look.speaker) {
    const name = document.createElement('span');
    name.className = 'tv-speaker';
    name.textContent = look.speaker;
    if (look.speakerLabel !== look.speaker) name.title = `Written in the transcript as “${look.speakerLabel}”`;
    who.append(name);
  }
  if (look.facilitator && look.role) {
    const role = document.createElement('span');
    role.className = 'tv-role';
    role.textContent = look.role.toLowerCase();
    who.append(role);
  }
  if (look.time) {
    const time = document.createElement('span');
    time.className = 'tv-time';
    time.textContent = look.time;
    who.append(time);
  }
  return who;
}

function renderStripes(container: HTMLElement, stripes: Stripe[]): void {
  container.replaceChildren(
    ...stripes.map((s) => {
      const bar = document.createElement('span');
      bar.className = 'tv-stripe';
      bar.style.backgroundColor = safeColor(s.color);
      bar.title = s.label;
      return bar;
    }),
  );
}

function stripeKey(stripes: Stripe[]): string {
  return stripes.map((s) => `${s.color}:${s.label}`).join(';');
}

export function $createTranscriptBlockNode(look: BlockLook): TranscriptBlockNode {
  return new TranscriptBlockNode(look);
}

export function $isTranscriptBlockNode(node: LexicalNode | null | undefined): node is TranscriptBlockNode {
  return node instanceof TranscriptBlockNode;
}
