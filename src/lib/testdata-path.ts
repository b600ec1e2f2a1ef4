/**
 * Third-party test data (schemas, XSDs, agency examples) lives outside the repository, in the
 * workplace's shared folder, because nobody on the team wrote it and some licences forbid shipping
 * it. Tests find it here: GALLEY_TESTDATA if set, else `../shared/testdata` beside the checkout,
 * else `/work/shared/testdata`.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// From src/lib/ (tests) and dist/lib/ (benchmarks) alike, the checkout is two folders up.
const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

function testdataRoot(): string {
  const candidates = [
    process.env['GALLEY_TESTDATA'],
    resolve(REPO_ROOT, '..', 'shared', 'testdata'),
    '/work/shared/testdata',
  ].filter((path): path is string => Boolean(path));
  const found = candidates.find((path) => existsSync(join(path, 'README.md')));
  if (!found)
    throw new Error(
      `third-party test data not found (looked in ${candidates.join(', ')}); set GALLEY_TESTDATA`,
    );
  return found;
}

/** The absolute path of a file or folder in the shared test data, e.g. `sitemaps/all-local.xsd`. */
export function testdataPath(relative: string): string {
  const path = join(testdataRoot(), relative);
  if (!existsSync(path)) throw new Error(`missing test data: ${path}`);
  return path;
}
