import type { Router } from 'express';
import { ctxOf } from '../../http/context';
import { methodNotAllowed, parseId, resourceRouter } from '../../http/resource';
import { apiTokensResource, createApiToken, revokeApiToken } from './api-tokens.service';

/** Administración › Integraciones: list (no secrets), create (the secret once), revoke. */
export function apiTokensRouter(): Router {
  return resourceRouter(apiTokensResource, (router) => {
    router.post('/', async (req, res) => {
      res.status(201).json(await createApiToken(ctxOf(req), req.body));
    });
    router.put('/:id', () => {
      throw methodNotAllowed({
        es: 'Un token no se modifica: revóquelo y cree otro',
        en: 'A token is not edited: revoke it and create another',
      });
    });
    router.delete('/:id', async (req, res) => {
      res.json(await revokeApiToken(ctxOf(req), parseId(req.params.id)));
    });
  });
}
