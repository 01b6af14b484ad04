/**
 * Agreement figures from counts. For m coders and N units (characters or turns), everything the
 * three measures need is hist[k] (units coded by exactly k coders) and each coder's coded total.
 *
 * - Percent agreement: units on which every coder made the same call (all coded or none coded) / N.
 *   Uncoded text counts: units nobody coded agree, as NVivo counts them.
 * - Cohen's kappa (two coders, NVivo's definition on characters): (po − pe) / (1 − pe), pe from each
 *   coder's share of coded units. When pe = 1 (both coded all or nothing) NVivo reports 1 if they
 *   agree; so does Focal.
 * - Krippendorff's alpha (nominal, values coded/not coded, m ≥ 2 coders, no missing values):
 *   1 − (n − 1)·D / (2·n₀·n₁) with n = m·N pairable values, n₁ the coded values, n₀ the rest, and D
 *   the disagreeing pairs in the coincidence matrix, Σ_units 2·k·(m − k)/(m − 1). Undefined (null)
 *   when there is no variation at all (every value the same).
 * - Over coded units only: units all coders coded / units anyone coded (null when nobody coded).
 */

export interface Counts {
  /** Units compared. */
  units: number;
  /** hist[k] = units coded by exactly k coders. */
  hist: number[];
  /** Units each coder coded. */
  coded: number[];
}

export interface Figures {
  units: number;
  percentAgreement: number | null;
  kappa: number | null;
  alpha: number | null;
  /** Units coded by at least one coder. */
  codedUnits: number;
  /** Agreement over codedUnits only: units all coders coded / codedUnits. */
  codedAgreement: number | null;
}

export function figures(c: Counts): Figures {
  const m = c.coded.length;
  const N = c.units;
  const none = c.hist[0] ?? 0;
  const all = c.hist[m] ?? 0;
  const codedUnits = N - none;
  const out: Figures = { units: N, percentAgreement: N ? (none + all) / N : null, kappa: null, alpha: null, codedUnits, codedAgreement: codedUnits ? all / codedUnits : null };
  if (!N) return out;
  if (m === 2) {
    const po = (none + all) / N;
    const pa = c.coded[0]! / N;
    const pb = c.coded[1]! / N;
    const pe = pa * pb + (1 - pa) * (1 - pb);
    out.kappa = pe >= 1 ? (po >= 1 ? 1 : 0) : (po - pe) / (1 - pe);
  }
  if (m >= 2) {
    const n = m * N;
    let n1 = 0;
    let disagreeing = 0;
    for (let k = 0; k <= m; k++) {
      const units = c.hist[k] ?? 0;
      n1 += k * units;
      disagreeing += (units * 2 * k * (m - k)) / (m - 1);
    }
    const n0 = n - n1;
    out.alpha = n0 === 0 || n1 === 0 ? null : 1 - ((n - 1) * disagreeing) / (2 * n0 * n1);
  }
  return out;
}

/** Counts summed (pooling weights every row by its units). */
export function addCounts(into: Counts | null, c: Counts): Counts {
  if (!into) return { units: c.units, hist: [...c.hist], coded: [...c.coded] };
  into.units += c.units;
  c.hist.forEach((v, k) => (into.hist[k] = (into.hist[k] ?? 0) + v));
  c.coded.forEach((v, k) => (into.coded[k] = (into.coded[k] ?? 0) + v));
  return into;
}

/** Kappa bands (Landis & Koch), for colour in the view and words in the CLI. */
export function kappaBand(k: number | null): 'none' | 'poor' | 'slight' | 'fair' | 'moderate' | 'substantial' | 'almost-perfect' {
  if (k === null) return 'none';
  if (k < 0) return 'poor';
  if (k <= 0.2) return 'slight';
  if (k <= 0.4) return 'fair';
  if (k <= 0.6) return 'moderate';
  if (k <= 0.8) return 'substantial';
  return 'almost-perfect';
}
