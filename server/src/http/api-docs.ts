import express, { Router } from 'express';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT_DIR } from '../config';
import { apiDoc, openApiDocument, routesOf, type JsonSchema } from './openapi';

/** Swagger UI's files, from the npm package: the reference page loads nothing from another site. */
const SWAGGER_UI_DIR = path.dirname(require.resolve('swagger-ui-dist/package.json'));

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>ctacte API</title>
<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css">
</head>
<body>
<div id="swagger-ui"></div>
<script src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script>
</body>
</html>
`;

// An external script (the CSP allows only this site's scripts, none inline). "Try it out"
// runs with the page's session: mutations carry the CSRF cookie's token as the API asks.
const INIT = `window.ui = SwaggerUIBundle({
  url: '/api/openapi.json',
  dom_id: '#swagger-ui',
  deepLinking: true,
  requestInterceptor: function (req) {
    var m = document.cookie.match(/(?:^|; )ctacte_csrf=([^;]+)/);
    if (m) req.headers['X-CSRF-Token'] = decodeURIComponent(m[1]);
    return req;
  },
});
`;

const version = (JSON.parse(fs.readFileSync(path.join(ROOT_DIR, 'package.json'), 'utf8')) as { version: string }).version;

/**
 * GET /api/openapi.json and the reference page at /api/docs. The document is built once, from the
 * routes the API's router really has (`publish`, when the router is complete), the first time it is
 * asked for: starting a process does not pay for it.
 */
export function apiDocsRouter(): {
  router: Router;
  publish: (api: Router, sessionOnly: (path: string) => boolean) => () => JsonSchema;
} {
  const router = Router();
  let document: (() => JsonSchema) | undefined;
  router.get(
    '/openapi.json',
    apiDoc({ summary: 'This document (OpenAPI 3.1)', response: { schema: { type: 'object' } } }),
    (_req, res) => {
      res.json(document?.());
    },
  );
  router.get(
    '/docs',
    apiDoc({ summary: 'The API reference page (HTML)', response: { csv: false, empty: true } }),
    (_req, res) => {
      res.type('html').send(PAGE);
    },
  );
  router.use('/docs', (req, res, next) => (req.path === '/init.js' ? res.type('js').send(INIT) : next()));
  router.use('/docs/assets', express.static(SWAGGER_UI_DIR, { index: false }));
  return {
    router,
    publish: (api, sessionOnly) => {
      let built: JsonSchema | undefined;
      return (document = () => (built ??= openApiDocument(routesOf(api, '/api'), version, sessionOnly)));
    },
  };
}
