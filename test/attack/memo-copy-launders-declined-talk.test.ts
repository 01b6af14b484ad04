/**
 * ATTACK: `selection-copy` with a memoId takes the memo "selection" as text from the caller, and the
 * only consent check on it is a verbatim search (48+ characters identical, code unit for code
 * unit). A declined participant's words pass if the text is changed in ways a reader never sees:
 * spaces as no-break spaces, a narrow no-break space, line breaks, upper case.
 * The text need not even be in the memo (nothing checks that the selection is the memo's text).
 *
 * (Adjusted by the fix: the memo path now copies only text the memo holds, so each case saves the text
 * in a memo first, as a person laundering words would; copying text the memo does not hold is refused.)
 *
 * Promised: no quote leaves the app unless consent allows it, on every path out. Expected: the
 * verbatim match reads text as detection does (normalised: NFKC, white space collapsed, case and
 * diacritics folded, invisible characters dropped), so each variant below is refused with
 * `no-quote-consent` like the plain copy is; and the memo path copies only text the memo holds.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SourceDetail } from '../../shared/domain/project';
import { testCore } from '../support/core';
import { importAndMap } from '../core/export/fixture-project';

describe('attack: laundering a declined participant’s words through a memo copy', () => {
  const { api, core, dir } = testCore();
  let declined = '';
  let fgId = 0;
  const memoWith = async (bodyText: string) =>
    (await api['memo-save']({ target: { kind: 'source', id: fgId }, body: '{"root":{"children":[]}}', bodyText })).id;

  beforeAll(async () => {
    core.host.writeClipboard = async () => {};
    await api['project-new']({ name: 'Memo launder', path: join(dir, 'm.focal') });
    await importAndMap(api);
    const sources: SourceDetail[] = await Promise.all((await api['sources-list']({})).map((s) => api['source-get']({ sourceId: s.id })));
    const fg = sources.find((s) => s.format === 'vtt')!;
    const david = fg.speakers.find((s) => s.label.includes('David'))!;
    const turn = fg.blocks.find((b) => b.kind === 'turn' && b.speakerId === david.id)!;
    // The part of David Chen's turn that holds no identifier: only his consent (declined) stops it.
    const raw = fg.text.slice(turn.start, turn.end);
    declined = raw.slice(raw.indexOf('The commissioning'));
    expect(declined.length).toBeGreaterThan(100);
    fgId = fg.id;
  }, 60_000);

  it('the plain words are refused (what the app already does)', async () => {
    const r = await api['selection-copy']({ memoId: await memoWith(`My notes.\n${declined}`), text: declined });
    expect(r.reasons.map((x) => x.code)).toContain('no-quote-consent');
  });

  it('refuses text the memo does not hold', async () => {
    const memoId = await memoWith('Only my own notes here.');
    await expect(api['selection-copy']({ memoId, text: declined })).rejects.toMatchObject({ code: 'bad-input' });
    await expect(api['selection-copy']({ memoId, text: 'Only my own notes here, and more.' })).rejects.toMatchObject({ code: 'bad-input' });
  });

  const variants: Array<[string, (s: string) => string]> = [
    ['no-break spaces', (s) => s.replace(/ /g, '\u00a0')],
    ['narrow no-break spaces', (s) => s.replace(/ /g, '\u202f')],
    ['a line break every few words', (s) => s.replace(/(\S+ \S+ \S+ \S+ \S+) /g, '$1\n')],
    ['upper case', (s) => s.toUpperCase()],
    ['zero-width spaces inside words', (s) => s.replace(/(\p{L}{3})(\p{L})/gu, '$1\u200b$2')],
    ['its punctuation changed and a line cut off each end', (s) => `and so on ${s.split(' ').slice(1, -1).join(' ').replace(/[,.]/g, ' ; ')} and then`],
  ];
  for (const [name, change] of variants) {
    it(`refuses the declined words written with ${name}`, async () => {
      const text = change(declined);
      const r = await api['selection-copy']({ memoId: await memoWith(text), text });
      expect(r.text).toBeNull();
      expect(r.reasons.map((x) => x.code)).toContain('no-quote-consent');
    });
  }
});
