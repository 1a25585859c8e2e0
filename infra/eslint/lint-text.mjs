// Lints source texts as if they were files of the workspace, with its real eslint.config.mjs, and
// prints each one's messages as JSON. A separate process because Jest's module sandbox cannot load an
// ES-module config file (ESLint imports it dynamically).
//   echo '[{"filePath":"libs/domain/src/x.ts","code":"…"}]' | node infra/eslint/lint-text.mjs
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let input = '';
for await (const chunk of process.stdin) input += chunk;
const eslint = new ESLint({ cwd: repoRoot });
const output = [];
for (const { filePath, code } of JSON.parse(input)) {
  const [result] = await eslint.lintText(code, { filePath: path.join(repoRoot, filePath) });
  output.push(result.messages.map(({ ruleId, message, severity }) => ({ ruleId, message, severity })));
}
process.stdout.write(JSON.stringify(output));
