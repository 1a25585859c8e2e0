/**
 * The words county staff use (docs/domain.md): 整顿对象, 列入整顿名单 — never 案件 or 立案, which are
 * discipline-inspection words (a village branch "立案" reads as a disciplinary case). A text search of
 * what people read: the built web app, and every message the API and the domain can answer with (their
 * sources; the ledger and the OpenAPI document are searched in their own tests).
 */
import fs from 'node:fs';
import path from 'node:path';

const repoRoot = path.resolve(__dirname, '../..');
const WRONG_WORDS = /案件|立案/g;

function filesUnder(dir: string, extensions: readonly string[]): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(full, extensions);
    return extensions.some((extension) => entry.name.endsWith(extension)) ? [full] : [];
  });
}

function hits(files: readonly string[]): string[] {
  return files.flatMap((file) => [...fs.readFileSync(file, 'utf8').matchAll(WRONG_WORDS)].map((match) => `${path.relative(repoRoot, file)}: ${match[0]}`));
}

it('the built web app never says 案件 or 立案', () => {
  const dist = path.join(repoRoot, 'apps/web/dist');
  expect({ built: fs.existsSync(path.join(dist, 'index.html')) }).toEqual({ built: true });
  const files = filesUnder(dist, ['.js', '.html', '.css']);
  expect(files.length).toBeGreaterThan(1);
  expect(hits(files)).toEqual([]);
});

it('no message of the API, the domain, the campaigns or the workflows says 案件 or 立案', () => {
  const sources = ['apps/api/src', 'libs/domain/src', 'libs/campaigns/src', 'workflows/src', 'apps/web/src'].flatMap((dir) => filesUnder(path.join(repoRoot, dir), ['.ts', '.tsx']))
    // Tests name the words to look for them.
    .filter((file) => !/\.spec\.tsx?$/.test(file));
  expect(sources.length).toBeGreaterThan(100);
  expect(hits(sources)).toEqual([]);
});
