/**
 * WCAG colour arithmetic for colours the app computes (heat shading, text on a code's colour):
 * relative luminance, contrast ratio, blending over a background, and the readable text colour.
 */
export type Rgb = readonly [number, number, number];

export function parseHex(hex: string): Rgb {
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) return [128, 128, 128];
  const h = m[1]!.length === 3 ? m[1]!.replace(/./g, (c) => c + c) : m[1]!;
  return [parseInt(h.slice(0, 2), 16), parseInt(h.slice(2, 4), 16), parseInt(h.slice(4, 6), 16)];
}

export const toHex = (c: Rgb): string => `#${c.map((v) => Math.round(Math.min(255, Math.max(0, v))).toString(16).padStart(2, '0')).join('')}`;
export const toRgb = (c: Rgb): string => `rgb(${c.map((v) => Math.round(v)).join(', ')})`;

/** WCAG 2 relative luminance of an sRGB colour. */
export function luminance([r, g, b]: Rgb): number {
  const lin = (v: number) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

export function contrast(a: Rgb, b: Rgb): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p) as [number, number];
  return (x + 0.05) / (y + 0.05);
}

/** `top` at opacity `alpha` over an opaque `under`. */
export const blend = (top: Rgb, alpha: number, under: Rgb): Rgb => [0, 1, 2].map((i) => top[i]! * alpha + under[i]! * (1 - alpha)) as unknown as Rgb;

const WHITE: Rgb = [255, 255, 255];
const INK: Rgb = [17, 20, 26];

/** White or near-black, whichever reads better on `bg` (one of the two always reaches 4.5:1). */
export function textOn(bg: Rgb): string {
  return contrast(WHITE, bg) >= contrast(INK, bg) ? '#ffffff' : toHex(INK);
}
