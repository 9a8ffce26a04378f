import { readFileSync } from 'node:fs';

/**
 * The version in newsbrief's package.json, found by walking up from `from` (the sources in a
 * checkout sit two folders below it, the compiled CLI three), or null when there is none: an
 * operator reporting a problem, or told a database was "written by a newer newsbrief", asks
 * `newsbrief --version`.
 */
export function readPackageVersion(from: URL): string | null {
  for (let dir = new URL('./', from); ; dir = new URL('../', dir)) {
    const version = versionIn(new URL('package.json', dir));
    if (version !== null) return version;
    if (new URL('../', dir).href === dir.href) return null;
  }
}

function versionIn(file: URL): string | null {
  try {
    const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown; version?: unknown };
    return pkg.name === 'newsbrief' && typeof pkg.version === 'string' ? pkg.version : null;
  } catch {
    return null;
  }
}
