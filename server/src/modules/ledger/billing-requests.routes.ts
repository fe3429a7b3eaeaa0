import type { Router } from 'express';
import { apiDoc } from '../../http/openapi';
import { ctxOf } from '../../http/context';
import { idAction } from '../../http/actions';
import { resourceRouter } from '../../http/resource';
import {
  billingRequestsResource,
  cancelBillingRequest,
  cancelRequestSchema,
  creditNoteRequestSchema,
  differenceRequestSchema,
  interestRequestSchema,
  requestCreditNote,
  requestExchangeDifference,
  requestInterest,
} from './billing-requests.service';

const created = { status: 201, schema: { type: 'object', properties: { requests: { type: 'array' } } } } as const;

/** How each cause's requests are created: path, summary, body, service. */
const CREATORS = [
  [
    '/credit-note',
    'Ask billing for the credit note that reverses a fiscal invoice or debit note (RG 1415)',
    creditNoteRequestSchema,
    requestCreditNote,
  ],
  [
    '/exchange-difference',
    "Ask billing for the exchange-difference ND/NC of a USD receipt's open lines, one request per line",
    differenceRequestSchema,
    requestExchangeDifference,
  ],
  [
    '/interest',
    "Ask billing for the interest run's NDs, one request per customer; the days are held meanwhile",
    interestRequestSchema,
    requestInterest,
  ],
] as const;

/**
 * /api/billing-requests: fiscal NDs/NCs asked of billing through the webhook (billing_request.created)
 * and fulfilled when billing posts the document with billingRequestId. Created per cause, never by a
 * plain POST; a pending one may be cancelled.
 */
export function billingRequestsRouter(): Router {
  return resourceRouter(billingRequestsResource, (router) => {
    for (const [path, summary, body, create] of CREATORS)
      router.post(path, apiDoc({ summary, permission: 'ledger.supervise', body, response: created }), async (req, res) => {
        res.status(201).json(await create(ctxOf(req), req.body));
      });
    idAction(
      router,
      '/:id/cancel',
      {
        summary: 'Cancel a pending billing request (its cause is free again)',
        permission: 'ledger.supervise',
        body: cancelRequestSchema,
        response: { status: 200, schema: 'billing-requests' },
      },
      cancelBillingRequest,
    );
  });
}
