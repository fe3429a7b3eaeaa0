import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const CONFIG = path.join(ROOT, '.dependency-cruiser.cjs');
const DEPCRUISE = path.join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
}

/** The rules of `.dependency-cruiser.cjs` broken under `cwd`'s server/src. */
async function violations(cwd: string): Promise<Array<[string, string, string]>> {
  const run = promisify(execFile);
  const args = [DEPCRUISE, 'server/src', '--config', CONFIG, '--output-type', 'json'];
  const { stdout } = await run(process.execPath, args, { cwd, maxBuffer: 64 * 1024 * 1024 }).catch(
    (err: { stdout?: string }) => ({ stdout: err.stdout ?? '' }),
  );
  const found = (JSON.parse(stdout) as { summary: { violations: Violation[] } }).summary.violations;
  return found.map((v) => [v.rule.name, v.from, v.to]);
}

describe('which way the server depends', () => {
  test('when the server is cruised, then no import breaks a direction rule or closes a cycle', async () => {
    expect(await violations(ROOT)).toEqual([]);
  }, 120_000);

  test('when a tree plants a cycle, a generic layer importing a module and a side door, then each is reported', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ctacte-deps-'));
    const files: Record<string, string> = {
      'tsconfig.json': '{ "compilerOptions": { "module": "commonjs", "target": "es2022", "strict": true } }',
      'server/src/lib/money.ts': "import { x } from '../http/errors';\nexport const m = x;\n",
      'server/src/http/errors.ts': "import { c } from '../modules/customers';\nexport const x = c;\n",
      'server/src/modules/customers/index.ts': "import { l } from '../ledger';\nexport const c = 1;\nexport const cl = l;\n",
      'server/src/modules/ledger/index.ts': "import { c } from '../customers';\nexport const l = c;\n",
      'server/src/modules/ledger/posting.ts': 'export const p = 1;\n',
      'server/src/modules/collections/index.ts': "import { p } from '../ledger/posting';\nexport const k = p;\n",
    };
    for (const [file, text] of Object.entries(files)) {
      await fs.mkdir(path.dirname(path.join(dir, file)), { recursive: true });
      await fs.writeFile(path.join(dir, file), text);
    }
    try {
      const rules = new Set((await violations(dir)).map(([rule]) => rule));
      expect([...rules].sort()).toEqual(
        ['http-is-generic', 'lib-is-the-bottom', 'master-data-below-ledger', 'module-door-is-index', 'no-cycle'].sort(),
      );
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
