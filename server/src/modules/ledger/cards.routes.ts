import type { Router } from 'express';
import { ctxOf } from '../../http/context';
import { parseId } from '../../http/resource';
import { apiDoc } from '../../http/openapi';
import {
  batchDetail,
  batchSchema,
  createBatch,
  createSettlement,
  importSettlement,
  settlementDetail,
  settlementImportSchema,
  settlementSchema,
} from './card-settlements.service';

export function cardBatchRoutes(router: Router): void {
  router.post(
    '/',
    apiDoc({
      summary: 'Present pending card coupons of one issuer in one batch (lote)',
      permission: 'ledger.post',
      body: batchSchema,
      response: { status: 201 },
    }),
    async (req, res) => {
      res.status(201).json(await createBatch(ctxOf(req), req.body));
    },
  );
  router.get('/:id', apiDoc({ summary: 'A card batch with its coupons', permission: 'read', response: {} }), async (req, res) => {
    const ctx = ctxOf(req);
    res.json(await batchDetail(ctx.knex, ctx, parseId(req.params.id)));
  });
}

export function cardSettlementRoutes(router: Router): void {
  router.post(
    '/',
    apiDoc({
      summary: "Enter an issuer's settlement (liquidación): per coupon gross, fee, IVA on the fee, withholdings",
      permission: 'ledger.post',
      body: settlementSchema,
      response: { status: 201 },
    }),
    async (req, res) => {
      res.status(201).json(await createSettlement(ctxOf(req), req.body));
    },
  );
  router.post(
    '/import',
    apiDoc({
      summary: "Import an issuer's settlement file read by the issuer's column layout (dryRun answers the report)",
      permission: 'ledger.post',
      body: settlementImportSchema,
      response: { status: 201 },
    }),
    async (req, res) => {
      const result = await importSettlement(ctxOf(req), req.body);
      res.status(result.status).json(result.body);
    },
  );
  router.get(
    '/:id',
    apiDoc({ summary: 'A settlement with its coupons, expected against settled', permission: 'read', response: {} }),
    async (req, res) => {
      const ctx = ctxOf(req);
      res.json(await settlementDetail(ctx.knex, ctx, parseId(req.params.id)));
    },
  );
}
