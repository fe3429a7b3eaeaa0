/**
 * Which way the server's dependencies run (checked by test/platform/dependencies.test.ts):
 * lib ← http (engine, audit, errors, validation, import router) ← modules ← app (composition root).
 * Inside modules: master data and the outbox (auth, company, audit, reference, integrations, customers, card-issuers, treasury) ← ledger ←
 * collections and reports; another module is reached only through its index.ts.
 */
const MODULE = '^server/src/modules/';
const MASTER = `${MODULE}(auth|company|audit|reference|integrations|customers|card-issuers|treasury)/`;

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    { name: 'no-cycle', severity: 'error', from: {}, to: { circular: true } },
    {
      name: 'lib-is-the-bottom',
      comment: 'lib/ knows nothing of HTTP, modules or the app',
      severity: 'error',
      from: { path: '^server/src/lib/' },
      to: { path: '^server/src/(http|modules|app|db|cli)/' },
    },
    {
      name: 'http-is-generic',
      comment: 'http/ is the generic layer: no business module, no composition root',
      severity: 'error',
      from: { path: '^server/src/http/' },
      to: { path: '^server/src/(modules|app|cli)/' },
    },
    {
      name: 'modules-below-app',
      severity: 'error',
      from: { path: MODULE },
      to: { path: '^server/src/(app|cli)/' },
    },
    {
      name: 'module-door-is-index',
      comment: 'another module is reached only through its index.ts',
      severity: 'error',
      from: { path: `${MODULE}([^/]+)/` },
      to: { path: `${MODULE}[^/]+/(?!index\\.ts$)`, pathNot: `${MODULE}$1/` },
    },
    {
      name: 'app-uses-module-doors',
      severity: 'error',
      from: { path: '^server/src/(app|cli)/' },
      to: { path: `${MODULE}[^/]+/(?!index\\.ts$)` },
    },
    {
      name: 'master-data-below-ledger',
      comment: 'customers and the other master data never reach up into ledger, collections or reports',
      severity: 'error',
      from: { path: MASTER },
      to: { path: `${MODULE}(ledger|collections|reports)/` },
    },
    {
      name: 'ledger-below-collections-and-reports',
      severity: 'error',
      from: { path: `${MODULE}ledger/` },
      to: { path: `${MODULE}(collections|reports)/` },
    },
    {
      name: 'collections-below-reports',
      severity: 'error',
      from: { path: `${MODULE}collections/` },
      to: { path: `${MODULE}reports/` },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)node_modules/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.json'] },
  },
};
