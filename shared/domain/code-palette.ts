/**
 * The code colour palette: new codes take the next entry. 32 colours chosen by farthest-point
 * selection in CIEDE2000 over normal vision and the three dichromacies (Machado 2009 simulation),
 * each at 2:1 or more against both the light and the dark page; test/core/coding/code-palette.test.ts
 * checks all of that. The order matters: the first codes of a project get the most distinct colours.
 */
export const CODE_PALETTE: readonly { hex: string; name: string }[] = [
  { hex: '#3c5ad2', name: 'Blue' },
  { hex: '#b4b400', name: 'Olive yellow' },
  { hex: '#963c00', name: 'Rust' },
  { hex: '#00c3d2', name: 'Cyan' },
  { hex: '#ff4b87', name: 'Pink' },
  { hex: '#4b5a4b', name: 'Dark sage' },
  { hex: '#1e963c', name: 'Green' },
  { hex: '#783c69', name: 'Plum' },
  { hex: '#c369ff', name: 'Lilac' },
  { hex: '#a5a5a5', name: 'Grey' },
  { hex: '#f0a587', name: 'Peach' },
  { hex: '#f03c1e', name: 'Red' },
  { hex: '#966969', name: 'Rosewood' },
  { hex: '#8787b4', name: 'Lavender grey' },
  { hex: '#699687', name: 'Sage' },
  { hex: '#006987', name: 'Petrol' },
  { hex: '#c3004b', name: 'Crimson' },
  { hex: '#c300a5', name: 'Magenta' },
  { hex: '#5a00f0', name: 'Violet' },
  { hex: '#96b4ff', name: 'Sky' },
  { hex: '#87b45a', name: 'Leaf' },
  { hex: '#878769', name: 'Khaki' },
  { hex: '#694b2d', name: 'Brown' },
  { hex: '#ff87d2', name: 'Candy pink' },
  { hex: '#87c3a5', name: 'Mint' },
  { hex: '#5a87d2', name: 'Cornflower' },
  { hex: '#b496b4', name: 'Mauve' },
  { hex: '#874bff', name: 'Purple' },
  { hex: '#b4875a', name: 'Tan' },
  { hex: '#87780f', name: 'Mustard' },
  { hex: '#5a6978', name: 'Slate' },
  { hex: '#d25aa5', name: 'Orchid' },
];

/** The colour for the n-th code (0-based), wrapping after the palette. */
export const paletteColour = (n: number): string => CODE_PALETTE[((n % CODE_PALETTE.length) + CODE_PALETTE.length) % CODE_PALETTE.length]!.hex;
