/** Counts as shown in the UI: NZ digit grouping and simple English plurals. */
const nz = new Intl.NumberFormat('en-NZ');

export function formatCount(n: number): string {
  return nz.format(n);
}

/** "1 source", "0 sources", "1,204 words". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}
