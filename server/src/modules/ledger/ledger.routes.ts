import type { Router } from 'express';
import { ctxOf } from '../../http/context';
import { assertCan } from '../../http/permissions';
import { badRequest, notFound } from '../../http/errors';
import { methodNotAllowed, parseId } from '../../http/resource';
import { Joi, validate } from '../../http/validate';
import { csvCells, parseDialect } from '../../lib/csv';
import { fieldLabels, valueLabels } from '../../../../shared/catalog';
import { today } from '../../lib/dates';
import {
  cancelDocument,
  documentIdByRef,
  postDocument,
  receiveBatch,
  receiveDocument,
  updateDocument,
} from './documents.service';
import { postReceipt, postVoidedReceipt } from './receipts.service';
import { applyCredits, unapply } from './applications.service';
import { depositValues, replaceValueLine, transitionValue, valueHistory } from './values.service';
import { getDocumentDetail, openItems, statement } from './ledger.queries';
import { createSlip, creditSlip, slipDetail } from './deposit-slips.service';
import { readCtx } from '../../http/read-routing';

const cancelHint = {
  es: 'Un comprobante registrado no se elimina: use POST /api/documents/:id/cancel para anularlo',
  en: 'A posted document is never deleted: use POST /api/documents/:id/cancel to cancel it',
};

export function documentRoutes(router: Router): void {
  router.get('/:id', async (req, res) => {
    res.json(await getDocumentDetail(ctxOf(req).knex, ctxOf(req), parseId(req.params.id)));
  });
  router.post('/', async (req, res) => {
    const result = await receiveDocument(ctxOf(req), req.body, req.get('Idempotency-Key'));
    if (result.replayed) res.setHeader('Idempotent-Replayed', 'true');
    res.status(result.status).json(result.body);
  });
  router.post('/batch', async (req, res) => {
    res.json(await receiveBatch(ctxOf(req), req.body, req.query.partial === 'true'));
  });
  router.get('/by-ref/:externalRef', async (req, res) => {
    const ctx = ctxOf(req);
    res.json(await getDocumentDetail(ctx.knex, ctx, await documentIdByRef(ctx, req.params.externalRef)));
  });
  router.put('/by-ref/:externalRef', async (req, res) => {
    const ctx = ctxOf(req);
    res.json(await updateDocument(ctx, await documentIdByRef(ctx, req.params.externalRef), req.body));
  });
  router.put('/:id', async (req, res) => {
    res.json(await updateDocument(ctxOf(req), parseId(req.params.id), req.body));
  });
  router.delete('/:id', () => {
    throw methodNotAllowed(cancelHint);
  });
  router.post('/:id/cancel', async (req, res) => {
    res.json(await cancelDocument(ctxOf(req), parseId(req.params.id), req.body));
  });
}

export function receiptRoutes(router: Router): void {
  router.post('/voided', async (req, res) => {
    res.status(201).json(await postVoidedReceipt(ctxOf(req), req.body));
  });
  router.get('/:id', async (req, res) => {
    const ctx = ctxOf(req);
    const detail = await getDocumentDetail(ctx.knex, ctx, parseId(req.params.id));
    if (detail.type !== 'REC') throw notFound();
    res.json(detail);
  });
  router.post('/', async (req, res) => {
    const key = req.get('Idempotency-Key');
    const result = await postReceipt(ctxOf(req), req.body, key);
    if (result.replayed) res.setHeader('Idempotent-Replayed', 'true');
    res.status(result.status).json(result.body);
  });
  router.put('/:id', () => {
    throw methodNotAllowed(cancelHint);
  });
  router.delete('/:id', () => {
    throw methodNotAllowed(cancelHint);
  });
}

export function adjustmentRoutes(router: Router): void {
  router.post('/', async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    if (body.type !== 'AJP' && body.type !== 'AJN')
      throw badRequest('VALIDATION', { es: 'type debe ser AJP o AJN', en: 'type must be AJP or AJN' }, [
        { path: 'type', message: { es: 'debe ser AJP o AJN', en: 'must be AJP or AJN' } },
      ]);
    res.status(201).json(await postDocument(ctxOf(req), body));
  });
  router.put('/:id', () => {
    throw methodNotAllowed(cancelHint);
  });
  router.delete('/:id', () => {
    throw methodNotAllowed(cancelHint);
  });
}

export function applicationRoutes(router: Router): void {
  router.post('/', async (req, res) => {
    res.status(201).json(await applyCredits(ctxOf(req), req.body));
  });
  router.put('/:id', () => {
    throw methodNotAllowed({
      es: 'Una imputación no se modifica: desimpútela y vuelva a imputar',
      en: 'An application is not edited: reverse it and apply again',
    });
  });
  router.delete('/:id', async (req, res) => {
    res.json(
      await unapply(ctxOf(req), parseId(req.params.id), {
        ...(req.body ?? {}),
        ...(req.query.date ? { date: req.query.date } : {}),
      }),
    );
  });
}

export function valueRoutes(router: Router): void {
  router.post('/deposit', async (req, res) => {
    res.json(await depositValues(ctxOf(req), req.body));
  });
  router.post('/:id/transition', async (req, res) => {
    res.json(await transitionValue(ctxOf(req), parseId(req.params.id), req.body));
  });
  router.get('/:id/history', async (req, res) => {
    res.json(await valueHistory(ctxOf(req), parseId(req.params.id)));
  });
  // A repudiated ECHEQ's receipt line replaced by another payment of the same amount.
  router.post('/:id/replace-line', async (req, res) => {
    res.json(await replaceValueLine(ctxOf(req), parseId(req.params.id), req.body));
  });
}

export function depositSlipRoutes(router: Router): void {
  router.post('/', async (req, res) => {
    res.status(201).json(await createSlip(ctxOf(req), req.body));
  });
  router.get('/:id', async (req, res) => {
    const ctx = ctxOf(req);
    res.json(await slipDetail(ctx.knex, ctx, parseId(req.params.id)));
  });
  router.post('/:id/credit', async (req, res) => {
    res.json(await creditSlip(ctxOf(req), parseId(req.params.id), req.body));
  });
}

const periodSchema = Joi.object({
  from: Joi.isoDate().default('1900-01-01'),
  to: Joi.isoDate(),
  dialect: Joi.string().valid('es', 'rfc4180'),
});

/** Ledger views of one customer: open items and the statement. */
export function customerLedgerRoutes(router: Router): void {
  router.get('/:id/open-items', async (req, res) => {
    res.json(await openItems(ctxOf(req), parseId(req.params.id)));
  });
  router.get('/:id/statement', async (req, res) => {
    const ctx = await readCtx(req);
    const q = validate<{ from: string; to?: string }>(periodSchema, req.query, ctx.lang);
    res.json(await statement(ctx, parseId(req.params.id), q.from, q.to ?? today()));
  });
  router.get('/:id/statement.csv', async (req, res) => {
    const ctx = await readCtx(req);
    assertCan(ctx.user.role, 'export');
    const q = validate<{ from: string; to?: string; dialect?: string }>(periodSchema, req.query, ctx.lang);
    const st = await statement(ctx, parseId(req.params.id), q.from, q.to ?? today());
    const dialect = parseDialect(q.dialect);
    const { num, date, text, file } = csvCells(dialect);
    const es = dialect === 'es';
    const headers = ['date', 'type', 'displayNumber', 'description', 'dueDate', 'debit', 'credit', 'balance'];
    const labels = fieldLabels(ctx.lang, 'statement')!;
    const types = valueLabels(ctx.lang, 'documentTypes');
    const body = file(es ? headers.map((h) => labels[h]) : headers, [
      [date(st.from), '', '', text(ctx.lang === 'es' ? 'Saldo anterior' : 'Opening balance'), '', '', '', num(st.openingBalance)],
      ...st.movements.map((m) => [
        date(m.date),
        es ? text(types[m.type] ?? m.type) : m.type,
        text(m.displayNumber),
        text(m.kind === 'cancellation' ? `Anulación ${m.description}` : m.description),
        date(m.dueDate),
        num(m.debit),
        num(m.credit),
        num(m.balance),
      ]),
    ]);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="estado-de-cuenta-${st.customer.code}.csv"`);
    res.send(body);
  });
}
