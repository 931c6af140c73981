// Imported first by extension.ts, so its line runs before the bundled modules after it are
// evaluated: the start of the bundle's evaluation, for the activation timings.
export const loadStarted = performance.now();
