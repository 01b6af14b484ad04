/**
 * Synthetic transcripts for benchmarks: plain-text focus groups with header lines, speaker
 * turns, bracketed notes and te reo, built from a seeded generator so runs are comparable.
 */
const WORDS = (
  'peer support whānau hope recovery kōrero relationship service manager training supervision ' +
  'funding community trust wellbeing lived experience listen connect aroha tautoko mahi hui ' +
  'clinical model paperwork safety care journey strength voice culture identity tikanga people ' +
  'worker role time young older family friends group together understand learn share'
).split(' ');
const SPEAKERS = ['Facilitator (Sam Lee)', 'Aroha Ngata', 'Tama Rewiri', 'Rachel Moana', 'David Chen', 'Mere Tawhiri', 'Geoff Baker'];

export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function syntheticTranscript(words: number, seed: number): string {
  const rnd = seededRandom(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const out = [`Title: Synthetic focus group ${seed}`, 'Date: 2024-03-15', 'Mode: focus group', 'Facilitators: Sam Lee', ''];
  let written = 0;
  while (written < words) {
    const n = 40 + Math.floor(rnd() * 120);
    const turn: string[] = [];
    for (let i = 0; i < n; i++) turn.push(pick(WORDS));
    if (rnd() < 0.1) turn.splice(Math.floor(n / 2), 0, '[laughter]');
    out.push(`${pick(SPEAKERS)}: ${turn.join(' ')}.`, '');
    written += n;
  }
  return out.join('\n');
}
