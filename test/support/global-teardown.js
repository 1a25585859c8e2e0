const fs = require('node:fs');

module.exports = async function globalTeardown() {
  const stops = globalThis.__zhengdunStops ?? [];
  for (const stop of stops) await stop();
  const workDir = process.env.ZD_TEST_WORK_DIR;
  if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
};
