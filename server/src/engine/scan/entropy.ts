// Shannon entropy, the gate gitleaks uses for low-signal secret rules (threshold 3.5 bits/char).
// Random alphanumerics reach about 4.6 bits/char at 36 chars; English words and repeated chunks
// stay under 3.5; a 40-hex commit SHA is about 3.7, which is why hashes are exempted separately.

/** Bits per character (UTF-16 code unit) of `s`; 0 for the empty string. */
export function shannonEntropy(s: string): number {
  const n = s.length;
  if (n === 0) return 0;
  const counts = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  let h = 0;
  for (const k of counts.values()) {
    const p = k / n;
    h -= p * Math.log2(p);
  }
  return h;
}
