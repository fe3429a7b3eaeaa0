// Jest's TypeScript transform: esbuild strips the types file by file, as tsx does when the server
// runs (`npm start`), so tests run the code the way it runs. Type checking is `npm run lint`'s job
// (tsc), which `npm test` runs first. The tsconfig has `isolatedModules`, so nothing here needs the
// whole program, and no test uses jest.mock (whose hoisting esbuild would not do).
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { transformSync, version } = require('esbuild');

const tsconfig = fs.readFileSync(path.join(__dirname, '..', '..', 'tsconfig.json'), 'utf8');

module.exports = {
  process(source, filename) {
    const { code, map } = transformSync(source, {
      loader: 'ts',
      format: 'cjs',
      target: 'node20',
      sourcefile: filename,
      sourcemap: 'external',
      tsconfigRaw: tsconfig,
    });
    return { code, map };
  },
  getCacheKey(source, filename) {
    return crypto.createHash('sha1').update(version).update(tsconfig).update(filename).update(source).digest('hex');
  },
};
