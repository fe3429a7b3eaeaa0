// Jest's module runtime with V8's code cache. Jest evaluates the whole module graph (express, joi,
// knex, the server) again for every test file, compiling each module from its source every time.
// Here the first compile of a module in a worker keeps V8's cached data, and the worker's next test
// files compile that module from it. Only the compiling is shared: every test file still gets
// fresh module instances, as before. If jest's internals change shape, this falls back to jest's
// own compile.
const vm = require('node:vm');
const Runtime = require('jest-runtime').default;

const compiled = new Map();

class CodeCacheRuntime extends Runtime {
  constructor(...args) {
    super(...args);
    const executor = this.executor;
    if (!executor || typeof executor.compile !== 'function' || !Array.isArray(executor.injectedModuleParameters)) return;
    const jestCompile = executor.compile.bind(executor);
    executor.compile = (scriptSource, filename) => {
      const vmContext = executor.environment.getVmContext();
      if (vmContext == null || executor.resolution.isCoreModule(filename)) return jestCompile(scriptSource, filename);
      const known = compiled.get(filename);
      const cachedData = known && known.source === scriptSource ? known.data : undefined;
      let fn;
      try {
        fn = vm.compileFunction(scriptSource, executor.injectedModuleParameters, {
          filename,
          cachedData,
          produceCachedData: cachedData === undefined,
          importModuleDynamically: (specifier, _function, importAttributes, ...rest) =>
            executor.dynamicImport(specifier, filename, vmContext, importAttributes, rest[0]),
          parsingContext: vmContext,
        });
      } catch {
        // Jest words the error (syntax errors, ESM hints).
        return jestCompile(scriptSource, filename);
      }
      if (cachedData === undefined && fn.cachedData) compiled.set(filename, { source: scriptSource, data: fn.cachedData });
      return fn;
    };
  }
}

module.exports = CodeCacheRuntime;
