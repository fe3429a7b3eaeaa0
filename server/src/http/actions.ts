import type { Router } from 'express';
import { ctxOf, type Ctx } from './context';
import { apiDoc, type OperationDoc } from './openapi';
import { parseId } from './resource';

/**
 * `POST <path>` on one record (`:id` in the path): the service is called with the request's
 * context, the id and the body, and its answer is sent as JSON with the documented status
 * (200 unless the doc says 201). The service validates the body and checks the permission.
 */
export function idAction(
  router: Router,
  path: string,
  doc: OperationDoc,
  action: (ctx: Ctx, id: number, body: unknown) => Promise<unknown>,
): void {
  router.post(path, apiDoc(doc), async (req, res) => {
    res.status(doc.response?.status ?? 200).json(await action(ctxOf(req), parseId(req.params.id), req.body));
  });
}
