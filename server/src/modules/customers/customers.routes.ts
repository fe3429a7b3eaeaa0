import type { Router } from 'express';
import { apiDoc } from '../../http/openapi';
import { ctxOf } from '../../http/context';
import { parseId } from '../../http/resource';
import { creditStatus } from './customers.service';

/** Endpoints of a customer beyond the simple-rest ones. */
export function customerRoutes(router: Router): void {
  router.get(
    '/:id/credit-status',
    apiDoc({ summary: 'Whether billing may sell on account to the customer, and why not', permission: 'read', response: {} }),
    async (req, res) => {
      res.json(await creditStatus(ctxOf(req), parseId(req.params.id)));
    },
  );
}
