/**
 * Compiles the apps' TypeScript to plain JavaScript under dist/ (same layout as the sources), for the
 * production image: `node dist/apps/api/src/main.js` needs neither TypeScript nor @swc-node/register.
 * The `@zhengdun/*` aliases of tsconfig.base.json are rewritten to relative paths, so Node resolves
 * them without a loader. Also writes the prebuilt workflow bundle (dist/workflow-bundle.js, started
 * with WORKFLOW_BUNDLE_PATH) and copies the web UI's build when there is one.
 *   node -r @swc-node/register infra/scripts/build-dist.ts
 */
import fs from 'node:fs';
import path from 'node:path';
import { transformSync } from '@swc-node/core';
import { readDefaultTsConfig, tsCompilerOptionsToSwcConfig } from '@swc-node/register/read-default-tsconfig';
import { bundleCaseWorkflows } from '@zhengdun/temporal';

const root = path.resolve(__dirname, '../..');
const out = path.join(root, 'dist');
/** What the running processes import; tests, specs and the development scripts stay out. */
const SOURCES = ['apps/api/src', 'apps/worker/src', 'libs', 'workflows/src', 'infra/scripts/register-search-attributes.ts', 'libs/temporal/src/temporal-cli.js'];
const SKIP = /\.(spec|e2e-spec)\.ts$|\.d\.ts$|\/node_modules\/|\/test\//;

const { compilerOptions } = JSON.parse(fs.readFileSync(path.join(root, 'tsconfig.base.json'), 'utf8')) as { compilerOptions: { paths: Record<string, string[]> } };

function sourceFiles(target: string): string[] {
  const full = path.join(root, target);
  if (!fs.statSync(full).isDirectory()) return [full];
  return fs.readdirSync(full, { withFileTypes: true }).flatMap((entry) => {
    const child = path.join(target, entry.name);
    if (entry.isDirectory()) return sourceFiles(child);
    return entry.name.endsWith('.ts') && !SKIP.test(`/${child}`) ? [path.join(root, child)] : [];
  });
}

/** `@zhengdun/x` → the relative path of its entry from `file`, as require() takes it. */
function rewriteAliases(code: string, file: string): string {
  return code.replace(/require\("(@zhengdun\/[\w-]+)"\)/g, (whole, alias: string) => {
    const target = compilerOptions.paths[alias]?.[0];
    if (!target) return whole;
    let relative = path.relative(path.dirname(file), path.join(root, target.replace(/\.ts$/, '')));
    if (!relative.startsWith('.')) relative = `./${relative}`;
    return `require(${JSON.stringify(relative)})`;
  });
}

async function main(): Promise<void> {
  fs.rmSync(out, { recursive: true, force: true });
  const files = SOURCES.flatMap(sourceFiles);
  // The options `node -r @swc-node/register` compiles with in development, so both run the same code.
  const tsconfig = readDefaultTsConfig(path.join(root, 'tsconfig.base.json'));
  for (const file of files) {
    const target = path.join(out, path.relative(root, file)).replace(/\.ts$/, '.js');
    fs.mkdirSync(path.dirname(target), { recursive: true });
    if (file.endsWith('.js')) {
      fs.copyFileSync(file, target);
      continue;
    }
    const { code } = transformSync(fs.readFileSync(file, 'utf8'), file, { ...tsCompilerOptionsToSwcConfig(tsconfig, file), sourcemap: false, paths: undefined, baseUrl: undefined });
    fs.writeFileSync(target, rewriteAliases(code, file));
  }
  console.log(`compiled ${files.length} files to ${out}`);

  const { code } = await bundleCaseWorkflows();
  fs.writeFileSync(path.join(out, 'workflow-bundle.js'), code);
  console.log(`workflow bundle: dist/workflow-bundle.js (${(code.length / 1024).toFixed(0)} KiB)`);

  const web = path.join(root, 'apps/web/dist');
  if (fs.existsSync(path.join(web, 'index.html'))) {
    fs.cpSync(web, path.join(out, 'apps/web/dist'), { recursive: true });
    console.log('web UI: dist/apps/web/dist');
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
