import { execFileSync } from 'node:child_process';
import path from 'node:path';

interface LintMessage {
  ruleId: string | null;
  message: string;
  severity: number;
}

const repoRoot = path.resolve(__dirname, '../..');
const probe = (source: string) => `import * as probe from '${source}';\nexport const used = probe;\n`;

/**
 * Each probe: the text of an existing file (the type-aware parser knows only files of a tsconfig)
 * replaced by one import, linted with the real eslint.config.mjs.
 */
const probes = {
  domainImportsTemporal: { filePath: 'libs/domain/src/index.ts', code: probe('@zhengdun/temporal') },
  workflowsImportDomain: { filePath: 'workflows/src/index.ts', code: probe('@zhengdun/domain') },
  workflowsImportPersistence: { filePath: 'workflows/src/index.ts', code: probe('@zhengdun/persistence') },
  libImportsInfraRelatively: { filePath: 'libs/temporal/src/index.ts', code: probe('../../../infra/scripts/start') },
  libImportsLib: { filePath: 'libs/campaigns/src/index.ts', code: probe('@zhengdun/persistence') },
  appImportsApp: { filePath: 'apps/worker/src/main.ts', code: probe('../../api/src/create-app') },
  apiCoreImportsModule: { filePath: 'apps/api/src/core/http/patterns.ts', code: probe('../../modules/audit/audit.module') },
  testImportsAnything: { filePath: 'test/support/cases.ts', code: probe('../../apps/worker/src/notification-dispatcher.service') },
};
type Probe = keyof typeof probes;

let results: Record<Probe, string[]>;

beforeAll(() => {
  const names = Object.keys(probes) as Probe[];
  const output = execFileSync(process.execPath, [path.join(__dirname, 'lint-text.mjs')], {
    cwd: repoRoot,
    input: JSON.stringify(names.map((name) => probes[name])),
    encoding: 'utf8',
  });
  const messages = JSON.parse(output) as LintMessage[][];
  results = Object.fromEntries(
    names.map((name, index) => [name, messages[index].filter((message) => message.ruleId === 'zhengdun/module-boundaries' && message.severity === 2).map((message) => message.message)]),
  ) as Record<Probe, string[]>;
}, 120_000);

describe('module boundaries (npm test lints with them)', () => {
  it('refuses the domain an import of another project of ours', () => {
    expect(results.domainImportsTemporal).toEqual([expect.stringContaining('A project tagged type:domain may not import temporal (type:lib)')]);
  });

  it('lets the workflows import the domain, and nothing else of ours', () => {
    expect(results.workflowsImportDomain).toEqual([]);
    expect(results.workflowsImportPersistence).toEqual([expect.stringContaining('A project tagged type:workflows may not import persistence (type:lib)')]);
  });

  it('lets a lib import another lib, and refuses it infra, also by a relative path', () => {
    expect(results.libImportsLib).toEqual([]);
    expect(results.libImportsInfraRelatively).toEqual([expect.stringContaining('may not import infra (type:infra)')]);
  });

  it('refuses an app an import of another app', () => {
    expect(results.appImportsApp).toEqual([expect.stringContaining('may not import api (scope:api, type:app)')]);
  });

  it("refuses the API's core an import of its business modules", () => {
    expect(results.apiCoreImportsModule).toEqual([expect.stringContaining('Files under apps/api/src/core may not import from apps/api/src/modules')]);
  });

  it('lets the tests import anything', () => {
    expect(results.testImportsAnything).toEqual([]);
  });
});
