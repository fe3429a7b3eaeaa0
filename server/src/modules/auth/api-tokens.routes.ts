import type { Router } from 'express';
import { apiDoc } from '../../http/openapi';
import { ctxOf } from '../../http/context';
import { methodNotAllowed, parseId, resourceRouter } from '../../http/resource';
import { apiTokenSchema, apiTokensResource, createApiToken, revokeApiToken } from './api-tokens.service';

/** Administración › Integraciones: list (no secrets), create (the secret once), revoke. */
export function apiTokensRouter(): Router {
  return resourceRouter(apiTokensResource, (router) => {
    router.post(
      '/',
      apiDoc({
        summary: 'Create an API token; the answer carries its secret, shown this once',
        permission: 'admin',
        body: apiTokenSchema,
        response: { status: 201, schema: 'api-tokens' },
      }),
      async (req, res) => {
        res.status(201).json(await createApiToken(ctxOf(req), req.body));
      },
    );
    router.put('/:id', apiDoc({ summary: 'Not allowed: revoke the token and create another', notAllowed: true }), () => {
      throw methodNotAllowed({
        es: 'Un token no se modifica: revóquelo y cree otro',
        en: 'A token is not edited: revoke it and create another',
      });
    });
    router.delete(
      '/:id',
      apiDoc({ summary: 'Revoke an API token (401 from then on)', permission: 'admin', response: { schema: 'api-tokens' } }),
      async (req, res) => {
        res.json(await revokeApiToken(ctxOf(req), parseId(req.params.id)));
      },
    );
  });
}
