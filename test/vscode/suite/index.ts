/**
 * The `@vscode/test-electron` contract: VS Code loads this module as `extensionTestsPath` and
 * awaits `run()`; resolving ends the run with status 0, rejecting with 1. The same module runs in a
 * desktop VS Code (runTests) and in code-server's workbench (scripts/test-vscode.mjs).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import Mocha from 'mocha';

/** Marks the suite's own lines, which reach the runner through the page console among the workbench's. */
export const LINE_PREFIX = '[cable-lint suite]';

export function run(): Promise<void> {
  Mocha.reporters.Base.consoleLog = (...args: unknown[]) => console.log(`${LINE_PREFIX} ${format(...args)}`);
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 90_000, reporter: 'spec' });
  // esbuild compiles each *.test.ts next to this file.
  for (const f of readdirSync(__dirname).filter((n) => n.endsWith('.test.js')).sort()) mocha.addFile(join(__dirname, f));
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        const passed = runner.stats?.passes ?? 0;
        // The runner reads this line for its closing count.
        console.log(`${LINE_PREFIX} cable-lint vscode suite: ${passed} passed, ${failures} failed`);
        if (failures > 0) reject(new Error(`${failures} test(s) failed`));
        else if (passed === 0) reject(new Error('no test ran'));
        else resolve();
      });
      // a-smoke.test.ts checks that the client started its server; without one every other test
      // would only wait out its deadline, so the run stops there.
      runner.on('fail', (test) => {
        if (test.file?.endsWith('a-smoke.test.js')) {
          console.log(`${LINE_PREFIX} the extension's server is not working: stopping the suite`);
          runner.abort();
        }
      });
    } catch (err) {
      console.error(err);
      reject(err instanceof Error ? err : new Error(String(err)));
    }
  });
}
