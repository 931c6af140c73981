// Version of a package as resolved from a given package (exports maps hide package.json, so we
// resolve the entry point and walk up to the package folder).
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export function resolvedVersion(name: string, from: string): string | null {
  try {
    const req = createRequire(from);
    let dir = dirname(req.resolve(name));
    while (dir !== dirname(dir)) {
      const pj = join(dir, 'package.json');
      if (existsSync(pj)) {
        const json = JSON.parse(readFileSync(pj, 'utf8'));
        if (json.name === name) return json.version;
      }
      dir = dirname(dir);
    }
  } catch {
    // not resolvable from there
  }
  return null;
}
