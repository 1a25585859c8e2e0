/**
 * The words county staff use (docs/domain.md): 整顿对象, 列入整顿名单 — never the discipline-inspection
 * words for "case" and "opening a case" (WORDS_NOBODY_READS: a village branch so described reads as a
 * disciplinary case). A text search of
 * what people read: the built web app, and every message the API and the domain can answer with (their
 * sources; the ledger and the OpenAPI document are searched in their own tests).
 */
import fs from 'node:fs';
import path from 'node:path';
import { WORDS_NOBODY_READS } from '@zhengdun/domain';

const repoRoot = path.resolve(__dirname, '../..');

function filesUnder(dir: string, extensions: readonly string[]): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(full, extensions);
    return extensions.some((extension) => entry.name.endsWith(extension)) ? [full] : [];
  });
}

function hits(files: readonly string[]): string[] {
  return files.flatMap((file) => [...fs.readFileSync(file, 'utf8').matchAll(WORDS_NOBODY_READS)].map((match) => `${path.relative(repoRoot, file)}: ${match[0]}`));
}

it('the built web app never says the discipline-inspection words', () => {
  const dist = path.join(repoRoot, 'apps/web/dist');
  expect({ built: fs.existsSync(path.join(dist, 'index.html')) }).toEqual({ built: true });
  const files = filesUnder(dist, ['.js', '.html', '.css']);
  expect(files.length).toBeGreaterThan(1);
  expect(hits(files)).toEqual([]);
});

it('no message of the API, the domain, the campaigns or the workflows says the discipline-inspection words', () => {
  const sources = ['apps/api/src', 'libs/domain/src', 'libs/campaigns/src', 'workflows/src', 'apps/web/src'].flatMap((dir) => filesUnder(path.join(repoRoot, dir), ['.ts', '.tsx']));

  expect(sources.length).toBeGreaterThan(100);
  expect(hits(sources)).toEqual([]);
});
