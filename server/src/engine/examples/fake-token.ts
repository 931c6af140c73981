// Deterministic fake token bodies for rule examples, so that no token-shaped literal is written
// in the source (scanners such as gitleaks would flag it) while docs and tests stay stable.
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export function fakeToken(seed: number, length: number, charset = ALNUM): string {
  let state = seed >>> 0 || 1;
  let out = '';
  for (let i = 0; i < length; i++) {
    // xorshift32: cheap, seeded, and spread enough to have the entropy of a real token.
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    out += charset[(state >>> 0) % charset.length];
  }
  return out;
}
