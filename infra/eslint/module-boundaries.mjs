// Module boundaries between the workspace's projects, by their Nx tags (project.json `tags`).
// The same idea as @nx/enforce-module-boundaries, which is not installed here: every import (static,
// dynamic, `require`, re-export, `import type`) is resolved to a file, the file to the project that
// holds it, and the importing project's tags must allow that project's tags. Aliases come from
// tsconfig.base.json, so a relative path that reaches into another project is caught like an alias.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SKIPPED_DIRECTORIES = new Set(['node_modules', 'dist', '.data', '.temporal-cli', '.git']);

/** Every project.json within three levels of the root: apps/*, libs/*, workflows, test. */
function readProjects() {
  const projects = [];
  const walk = (directory, depth) => {
    const file = path.join(directory, 'project.json');
    if (fs.existsSync(file)) {
      const { name, tags = [] } = JSON.parse(fs.readFileSync(file, 'utf8'));
      projects.push({ name, root: directory, tags });
    }
    if (depth === 0) return;
    for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
      if (entry.isDirectory() && !entry.name.startsWith('.') && !SKIPPED_DIRECTORIES.has(entry.name)) walk(path.join(directory, entry.name), depth - 1);
    }
  };
  walk(repoRoot, 2);
  return projects;
}

function readAliases() {
  const { compilerOptions } = JSON.parse(fs.readFileSync(path.join(repoRoot, 'tsconfig.base.json'), 'utf8'));
  return new Map(Object.entries(compilerOptions.paths ?? {}).map(([alias, [target]]) => [alias, path.join(repoRoot, target)]));
}

let workspace;
function loadWorkspace() {
  // Read once per lint run: project.json and tsconfig.base.json do not change while ESLint runs.
  workspace ??= { projects: readProjects(), aliases: readAliases() };
  return workspace;
}

const isInside = (file, directory) => file === directory || file.startsWith(directory + path.sep);

function projectOf(file, projects) {
  let best;
  for (const project of projects) if (isInside(file, project.root) && (!best || project.root.length > best.root.length)) best = project;
  return best;
}

/** The file (or directory) an import names, or undefined for a package from node_modules. */
function resolveImport(source, importer, aliases) {
  if (source.startsWith('.')) return path.resolve(path.dirname(importer), source);
  if (source.startsWith('/')) return source;
  const exact = aliases.get(source);
  if (exact) return exact;
  for (const [alias, target] of aliases) if (source.startsWith(`${alias}/`)) return path.join(target, source.slice(alias.length + 1));
  return undefined;
}

const describeProject = (project) => `${project.name} (${project.tags.join(', ') || 'no tags'})`;

export const moduleBoundariesRule = {
  meta: {
    type: 'problem',
    docs: { description: 'imports between projects follow the tags of their project.json' },
    schema: [
      {
        type: 'object',
        properties: {
          /** Folders that are no Nx project but have rules of their own (bench, infra), with their tags. */
          extraProjects: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' }, root: { type: 'string' }, tags: { type: 'array', items: { type: 'string' } } } } },
          /** `sourceTag` may import only projects with one of `onlyDependOnLibsWithTags` (`*`: any). */
          depConstraints: { type: 'array', items: { type: 'object', properties: { sourceTag: { type: 'string' }, onlyDependOnLibsWithTags: { type: 'array', items: { type: 'string' } } } } },
          /** Folders within one project that must not import another folder of it (e.g. core → modules). */
          forbiddenPaths: { type: 'array', items: { type: 'object', properties: { from: { type: 'string' }, to: { type: 'string' }, message: { type: 'string' } } } },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      untagged: 'Project {{source}} has no tag that a dependency constraint names: tag it in its project.json.',
      forbidden: 'A project tagged {{tags}} may not import {{target}}; allowed: {{allowed}}.',
      forbiddenPath: 'Files under {{from}} may not import from {{to}}: {{message}}',
    },
  },
  create(context) {
    const options = context.options[0] ?? {};
    const { aliases } = loadWorkspace();
    const projects = [
      ...loadWorkspace().projects,
      ...(options.extraProjects ?? []).map((project) => ({ ...project, root: path.join(repoRoot, project.root) })),
    ];
    const importer = path.resolve(context.cwd, context.filename);
    const source = projectOf(importer, projects);
    if (!source) return {};
    const constraints = (options.depConstraints ?? []).filter((constraint) => source.tags.includes(constraint.sourceTag));
    const forbiddenPaths = (options.forbiddenPaths ?? [])
      .map((rule) => ({ ...rule, fromPath: path.join(repoRoot, rule.from), toPath: path.join(repoRoot, rule.to) }))
      // A spec may test shared machinery against a module's real classes: tests may import anything.
      .filter((rule) => isInside(importer, rule.fromPath) && !/\.spec\.tsx?$/.test(importer));

    function check(node, specifier) {
      if (typeof specifier !== 'string') return;
      const target = resolveImport(specifier, importer, aliases);
      if (!target) return;
      for (const rule of forbiddenPaths) {
        if (isInside(target, rule.toPath)) context.report({ node, messageId: 'forbiddenPath', data: { from: rule.from, to: rule.to, message: rule.message ?? '' } });
      }
      const targetProject = projectOf(target, projects);
      if (!targetProject || targetProject === source) return;
      if (constraints.length === 0) {
        context.report({ node, messageId: 'untagged', data: { source: describeProject(source) } });
        return;
      }
      // Like Nx: every constraint that applies to the importer must allow the target.
      for (const constraint of constraints) {
        const allowed = constraint.onlyDependOnLibsWithTags ?? [];
        if (allowed.includes('*') || allowed.some((tag) => targetProject.tags.includes(tag))) continue;
        context.report({ node, messageId: 'forbidden', data: { tags: constraint.sourceTag, target: describeProject(targetProject), allowed: allowed.join(', ') || 'nothing of ours' } });
      }
    }

    const literal = (node) => (node && node.type === 'Literal' ? node.value : undefined);
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ImportExpression: (node) => check(node, literal(node.source)),
      TSImportType: (node) => check(node, literal(node.argument?.literal ?? node.argument)),
      TSExternalModuleReference: (node) => check(node, literal(node.expression)),
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments.length === 1) check(node, literal(node.arguments[0]));
        if (node.callee.type === 'MemberExpression' && node.callee.object.name === 'require' && node.callee.property.name === 'resolve') check(node, literal(node.arguments[0]));
      },
    };
  },
};

export const moduleBoundariesPlugin = { rules: { 'module-boundaries': moduleBoundariesRule } };
