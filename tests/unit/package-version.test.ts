import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { readPackageVersion } from '../../src/cli/package-version.js';

const root = mkdtempSync(join(tmpdir(), 'nb-version-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('readPackageVersion', () => {
  it('finds newsbrief\'s package.json above the sources and above the compiled CLI, passing other packages by', () => {
    mkdirSync(join(root, 'app/dist/src/cli'), { recursive: true });
    mkdirSync(join(root, 'app/node_modules/x/src/cli'), { recursive: true });
    writeFileSync(join(root, 'app/package.json'), JSON.stringify({ name: 'newsbrief', version: '1.2.3' }));
    writeFileSync(join(root, 'app/node_modules/x/package.json'), JSON.stringify({ name: 'x', version: '9.9.9' }));
    expect(readPackageVersion(pathToFileURL(join(root, 'app/dist/src/cli/main.js')))).toBe('1.2.3');
    expect(readPackageVersion(pathToFileURL(join(root, 'app/node_modules/x/src/cli/main.js')))).toBe('1.2.3');
  });

  it('is null where no newsbrief package.json is above', () => {
    mkdirSync(join(root, 'lone/src/cli'), { recursive: true });
    expect(readPackageVersion(pathToFileURL(join(root, 'lone/src/cli/main.js')))).toBeNull();
  });
});
