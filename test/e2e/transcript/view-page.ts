/**
 * Page helpers for the transcript view, shared by its UI test and its benchmark (so no vitest
 * imports here): open a source from the sources list, and select source text the way a drag does.
 */
import type { Locator, Page } from 'playwright-core';

export const VIEW = '[data-testid="transcript-view"]';

export const NOT_MOUNTED =
  'The workspace does not mount <TranscriptView> yet: the middle pane still shows its own plain transcript ' +
  '(renderer/src/workspace/TranscriptPane.tsx). Render <TranscriptView source={…} /> from ' +
  'renderer/src/transcript/TranscriptView.tsx there, run npm run build, and run this again.';

/** Clicks the source in the sources list and waits for the transcript view (or explains why it never came). */
export async function openSource(page: Page, title: RegExp | string, timeoutMs = 15_000): Promise<Locator> {
  await page.getByRole('list', { name: 'Sources' }).getByRole('button', { name: title }).click();
  const view = page.locator(VIEW);
  // The shell's older plain reader is an <article class="transcript">: seeing it means the view is not wired in.
  const either = page.locator(`${VIEW}, article.transcript`).first();
  await either.waitFor({ timeout: timeoutMs });
  if ((await view.count()) === 0) throw new Error(NOT_MOUNTED);
  return view;
}

/**
 * Selects `needle` inside the first turn spoken by `speaker` with a DOM Range, exactly as a mouse
 * drag leaves it, and returns the view's reported selection ("start:end", or null). With
 * fromLabel, the selection starts inside the speaker's name instead and runs to the end of `needle`.
 * The page script is a string: the tests' tsconfig has no DOM types, and it runs in the page anyway.
 */
export async function selectInTurn(page: Page, speaker: string, needle: string, opts: { fromLabel?: boolean } = {}): Promise<string | null> {
  const args = JSON.stringify({ view: VIEW, speaker, needle, fromLabel: opts.fromLabel ?? false });
  return page.evaluate(`(${SELECT_IN_TURN})(${args})`) as Promise<string | null>;
}

const SELECT_IN_TURN = `async ({ view, speaker, needle, fromLabel }) => {
  const turns = Array.from(document.querySelectorAll(view + ' .tv-turn'));
  const turn = turns.find((t) => t.querySelector('.tv-speaker')?.textContent === speaker);
  const body = turn?.querySelector('.tv-body');
  if (!body) throw new Error('no turn by ' + speaker);
  const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
  let node = walker.nextNode();
  while (node && !node.textContent.includes(needle)) node = walker.nextNode();
  if (!node) throw new Error(needle + ' is not in the first turn by ' + speaker);
  const at = node.textContent.indexOf(needle);
  const label = turn.querySelector('.tv-speaker').firstChild;
  const selection = window.getSelection();
  if (fromLabel) selection.setBaseAndExtent(label, 3, node, at + needle.length);
  else selection.setBaseAndExtent(node, at, node, at + needle.length);
  // selectionchange fires asynchronously; the view reads it on the next task.
  await new Promise((r) => setTimeout(r, 50));
  return document.querySelector(view)?.getAttribute('data-selection') ?? null;
}`;
