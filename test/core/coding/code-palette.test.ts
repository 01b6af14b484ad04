/**
 * New codes take their colours from one palette that stays distinct for 32 codes, also for
 * colour-blind readers: every pair of the first 32 codes' colours differs by CIEDE2000 ≥ 12 to
 * normal vision and ≥ 6 to protanopes, deuteranopes and tritanopes (Machado 2009 simulation), and
 * each colour keeps 2:1 against the light and the dark page so a stripe shows on both.
 */
import { describe, expect, it } from 'vitest';
import { contrastRatio, deltaE2000, hexToRgb, rgbToLab, simulate, type Deficiency, type Rgb } from '../../support/colour-vision';
import { testCore } from '../../support/core';

const N = 32;
const LIGHT_SURFACE: Rgb = [255, 255, 255];
const DARK_SURFACE: Rgb = [30, 34, 42]; // --surface in dark mode (renderer/src/styles/dark.css)

function worstPair(colours: string[], see: (c: Rgb) => Rgb): { d: number; pair: string } {
  let worst = { d: Infinity, pair: '' };
  const labs = colours.map((c) => rgbToLab(see(hexToRgb(c))));
  for (let i = 0; i < labs.length; i++)
    for (let j = i + 1; j < labs.length; j++) {
      const d = deltaE2000(labs[i]!, labs[j]!);
      if (d < worst.d) worst = { d, pair: `${colours[i]} (code ${i + 1}) and ${colours[j]} (code ${j + 1})` };
    }
  return worst;
}

describe('code colour palette', () => {
  const { api, path } = testCore();
  let colours: string[] = [];

  it('gives 32 new codes 32 different colours', async () => {
    await api['project-new']({ name: 'Palette', path: path('p.focal') });
    const frameId = (await api['frames-list']({}))[0]!.id;
    for (let i = 1; i <= N; i++) colours.push((await api['code-create']({ frameId, name: `Code ${i}` })).color);
    expect(new Set(colours).size).toBe(N);
  });

  it('keeps them apart to normal vision (ΔE2000 ≥ 12)', () => {
    const w = worstPair(colours, (c) => c);
    expect(w.d, w.pair).toBeGreaterThanOrEqual(12);
  });

  for (const kind of ['protanopia', 'deuteranopia', 'tritanopia'] as Deficiency[])
    it(`keeps them apart with ${kind} (ΔE2000 ≥ 6, Machado 2009)`, () => {
      const w = worstPair(colours, (c) => simulate(c, kind));
      expect(w.d, `${kind}: ${w.pair}`).toBeGreaterThanOrEqual(6);
    });

  it('shows each on the light and the dark page (contrast ≥ 2:1)', () => {
    for (const c of colours) {
      expect(contrastRatio(hexToRgb(c), LIGHT_SURFACE), `${c} on white`).toBeGreaterThanOrEqual(2);
      expect(contrastRatio(hexToRgb(c), DARK_SURFACE), `${c} on the dark surface`).toBeGreaterThanOrEqual(2);
    }
  });

  it('the simulation matches Machado 2009: pure red to a protanope is a dark olive', () => {
    const [r, g, b] = simulate([255, 0, 0], 'protanopia');
    expect(g).toBeGreaterThan(b);
    expect(Math.abs(r - g)).toBeLessThan(40);
  });
});
