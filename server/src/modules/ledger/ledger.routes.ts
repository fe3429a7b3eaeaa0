import type { Router } from 'express';
import { ctxOf } from '../../http/context';
import { assertCan } from '../../http/permissions';
import { badRequest, notFound } from '../../http/errors';
import { methodNotAllowed, parseId } from '../../http/resource';
import { Joi, validate } from '../../http/validate';
import { apiDoc, jsonSchemaOf } from '../../http/openapi';
import { idAction } from '../../http/actions';
import {
  applicationsSchema,
  cancelSchema,
  creditNoteSchema,
  depositSchema,
  documentBatchSchema,
  exchangeSchema,
  documentIntakeSchema,
  documentUpdateSchema,
  receiptSchema,
  replaceLineSchema,
  transitionSchema,
  unapplySchema,
  voidedReceiptSchema,
} from './ledger.schemas';
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
import { issueCreditNote } from './credit-notes.service';
import { postExchangeDifference, proposeExchangeDifference } from './exchange-difference.service';
import { applyCredits, unapply } from './applications.service';
import { depositValues, replaceValueLine, transitionValue, valueHistory } from './values.service';
import { exchangeValue } from './exchange.service';
import { getDocumentDetail, openItems, statement } from './ledger.queries';
import { createSlip, creditSchema, creditSlip, slipDetail, slipSchema } from './deposit-slips.service';
import { readCtx } from '../../http/read-routing';

// The batch's joi schema takes any item (each document is validated on its own, so its errors name it):
// the document shows the items as the intake schema that validates them.
const batchBody = jsonSchemaOf(documentBatchSchema) as { properties: { documents: Record<string, unknown> } };
batchBody.properties.documents.items = jsonSchemaOf(documentIntakeSchema);

const NOT_ALLOWED = apiDoc({ summary: 'Not allowed: posted documents are corrected by cancellation', notAllowed: true });

const cancelHint = {
  es: 'Un comprobante registrado no se elimina: un comprobante fiscal se revierte con POST /api/documents/:id/credit-note, uno interno se anula con POST /api/documents/:id/cancel',
  en: 'A posted document is never deleted: a fiscal one is reversed with POST /api/documents/:id/credit-note, an internal one cancelled with POST /api/documents/:id/cancel',
};

export function documentRoutes(router: Router): void {
  router.get(
    '/:id',
    apiDoc({ summary: 'A document with its applications', permission: 'read', response: { schema: 'documents' } }),
    async (req, res) => {
      res.json(await getDocumentDetail(ctxOf(req).knex, ctxOf(req), parseId(req.params.id)));
    },
  );
  router.post(
    '/',
    apiDoc({
      summary: 'Post a document from billing (FAC/ND/NC) or an adjustment; retry-safe with externalRef or Idempotency-Key',
      permission: 'ledger.post',
      body: documentIntakeSchema,
      headers: ['Idempotency-Key'],
      response: { status: 201, schema: 'documents' },
    }),
    async (req, res) => {
      const result = await receiveDocument(ctxOf(req), req.body, req.get('Idempotency-Key'));
      if (result.replayed) res.setHeader('Idempotent-Replayed', 'true');
      res.status(result.status).json(result.body);
    },
  );
  router.post(
    '/batch',
    apiDoc({
      summary: 'Post up to 1,000 documents: all or nothing, or one result each with ?partial=true',
      permission: 'ledger.post',
      body: batchBody,
      query: { partial: Joi.string().valid('true', 'false') },
      response: { status: 200, schema: { type: 'object', properties: { results: { type: 'array' } } } },
    }),
    async (req, res) => {
      res.json(await receiveBatch(ctxOf(req), req.body, req.query.partial === 'true'));
    },
  );
  router.get(
    '/by-ref/:externalRef',
    apiDoc({ summary: "A document by the issuing system's externalRef", permission: 'read', response: { schema: 'documents' } }),
    async (req, res) => {
      const ctx = ctxOf(req);
      res.json(await getDocumentDetail(ctx.knex, ctx, await documentIdByRef(ctx, String(req.params.externalRef))));
    },
  );
  router.put(
    '/by-ref/:externalRef',
    apiDoc({
      summary: 'Correct a document (notes, dueDate, FCE acceptance) by externalRef',
      permission: 'documents.edit',
      body: documentUpdateSchema,
      response: { schema: 'documents' },
    }),
    async (req, res) => {
      const ctx = ctxOf(req);
      res.json(await updateDocument(ctx, await documentIdByRef(ctx, String(req.params.externalRef)), req.body));
    },
  );
  router.put(
    '/:id',
    apiDoc({
      summary: 'Correct a document (notes, dueDate, FCE acceptance)',
      permission: 'documents.edit',
      body: documentUpdateSchema,
      response: { schema: 'documents' },
    }),
    async (req, res) => {
      res.json(await updateDocument(ctxOf(req), parseId(req.params.id), req.body));
    },
  );
  router.delete('/:id', NOT_ALLOWED, () => {
    throw methodNotAllowed(cancelHint);
  });
  idAction(
    router,
    '/:id/credit-note',
    {
      summary: 'Reverse a fiscal invoice or debit note with a credit note applied to it (RG 1415)',
      permission: 'ledger.supervise',
      body: creditNoteSchema,
      response: { status: 201, schema: 'documents' },
    },
    issueCreditNote,
  );
  idAction(
    router,
    '/:id/cancel',
    {
      summary:
        'Cancel an internal document (letter X; reverses its applications). Fiscal documents are reversed by a credit note',
      permission: 'ledger.supervise',
      body: cancelSchema,
      response: { status: 200, schema: 'documents' },
    },
    cancelDocument,
  );
}

export function receiptRoutes(router: Router): void {
  router.post(
    '/voided',
    apiDoc({
      summary: 'Register a voided receipt number',
      permission: 'ledger.post',
      body: voidedReceiptSchema,
      response: { status: 201, schema: 'receipts' },
    }),
    async (req, res) => {
      res.status(201).json(await postVoidedReceipt(ctxOf(req), req.body));
    },
  );
  router.get(
    '/:id',
    apiDoc({
      summary: 'A receipt with its payments, withholdings and applications',
      permission: 'read',
      response: { schema: 'receipts' },
    }),
    async (req, res) => {
      const ctx = ctxOf(req);
      const detail = await getDocumentDetail(ctx.knex, ctx, parseId(req.params.id));
      if (detail.type !== 'REC') throw notFound();
      res.json(detail);
    },
  );
  router.post(
    '/',
    apiDoc({
      summary: 'Post a receipt with its payments, withholdings and applications, in one transaction',
      permission: 'ledger.post',
      body: receiptSchema,
      headers: ['Idempotency-Key'],
      response: { status: 201, schema: 'receipts' },
    }),
    async (req, res) => {
      const key = req.get('Idempotency-Key');
      const result = await postReceipt(ctxOf(req), req.body, key);
      if (result.replayed) res.setHeader('Idempotent-Replayed', 'true');
      res.status(result.status).json(result.body);
    },
  );
  router.get(
    '/:id/exchange-difference',
    apiDoc({
      summary: "The exchange-difference ND/NC proposed for a USD receipt's peso payments, per application",
      permission: 'read',
      response: {},
    }),
    async (req, res) => {
      res.json(await proposeExchangeDifference(ctxOf(req), parseId(req.params.id)));
    },
  );
  idAction(
    router,
    '/:id/exchange-difference',
    {
      summary: 'Post the proposed exchange differences as internal notes (ND/NC X), each linked to its application',
      permission: 'ledger.supervise',
      body: Joi.object({ applicationIds: Joi.array().items(Joi.number().integer()) }),
      response: { status: 201 },
    },
    postExchangeDifference,
  );
  router.put('/:id', NOT_ALLOWED, () => {
    throw methodNotAllowed(cancelHint);
  });
  router.delete('/:id', NOT_ALLOWED, () => {
    throw methodNotAllowed(cancelHint);
  });
}

export function adjustmentRoutes(router: Router): void {
  router.post(
    '/',
    apiDoc({
      summary: 'Post an adjustment (AJP/AJN, with its reason)',
      permission: 'ledger.supervise',
      body: documentIntakeSchema,
      response: { status: 201, schema: 'documents' },
    }),
    async (req, res) => {
      const body = (req.body ?? {}) as Record<string, unknown>;
      if (body.type !== 'AJP' && body.type !== 'AJN')
        throw badRequest('VALIDATION', { es: 'type debe ser AJP o AJN', en: 'type must be AJP or AJN' }, [
          { path: 'type', message: { es: 'debe ser AJP o AJN', en: 'must be AJP or AJN' } },
        ]);
      res.status(201).json(await postDocument(ctxOf(req), body));
    },
  );
  router.put('/:id', NOT_ALLOWED, () => {
    throw methodNotAllowed(cancelHint);
  });
  router.delete('/:id', NOT_ALLOWED, () => {
    throw methodNotAllowed(cancelHint);
  });
}

export function applicationRoutes(router: Router): void {
  router.post(
    '/',
    apiDoc({
      summary: 'Apply credits to debits: one application or an array, atomically',
      permission: 'ledger.post',
      body: applicationsSchema,
      response: { status: 201 },
    }),
    async (req, res) => {
      res.status(201).json(await applyCredits(ctxOf(req), req.body));
    },
  );
  router.put('/:id', NOT_ALLOWED, () => {
    throw methodNotAllowed({
      es: 'Una imputación no se modifica: desimpútela y vuelva a imputar',
      en: 'An application is not edited: reverse it and apply again',
    });
  });
  router.delete(
    '/:id',
    apiDoc({
      summary: 'Unapply (the application stays in history, reversed)',
      permission: 'ledger.supervise',
      body: unapplySchema,
      query: { date: Joi.isoDate() },
      response: { schema: 'applications' },
    }),
    async (req, res) => {
      res.json(
        await unapply(ctxOf(req), parseId(req.params.id), {
          ...(req.body ?? {}),
          ...(req.query.date ? { date: req.query.date } : {}),
        }),
      );
    },
  );
}

export function valueRoutes(router: Router): void {
  router.post(
    '/deposit',
    apiDoc({
      summary: 'Deposit cheques and notes of the portfolio',
      permission: 'ledger.post',
      body: depositSchema,
      response: { status: 200 },
    }),
    async (req, res) => {
      res.json(await depositValues(ctxOf(req), req.body));
    },
  );
  idAction(
    router,
    '/:id/transition',
    {
      summary: 'Move a value to another state (deposited, endorsed, rejected…)',
      permission: 'ledger.post',
      body: transitionSchema,
      response: { status: 200, schema: 'values' },
    },
    transitionValue,
  );
  router.get(
    '/:id/history',
    apiDoc({ summary: 'The states a value went through', permission: 'read', response: { array: true } }),
    async (req, res) => {
      res.json(await valueHistory(ctxOf(req), parseId(req.params.id)));
    },
  );
  idAction(
    router,
    '/:id/replace-line',
    {
      summary: "Replace a repudiated ECHEQ's receipt line by another payment of the same amount",
      permission: 'ledger.post',
      body: replaceLineSchema,
      response: { status: 200 },
    },
    replaceValueLine,
  );
  idAction(
    router,
    '/:id/exchange',
    {
      summary: "Canje: a rejected value replaced by another cheque, as a receipt applied to the rejection's debit note",
      permission: 'ledger.post',
      body: exchangeSchema,
      response: { status: 201 },
    },
    exchangeValue,
  );
}

export function depositSlipRoutes(router: Router): void {
  router.post(
    '/',
    apiDoc({
      summary: 'Deposit several values in one slip (one bank account, one date)',
      permission: 'ledger.post',
      body: slipSchema,
      response: { status: 201 },
    }),
    async (req, res) => {
      res.status(201).json(await createSlip(ctxOf(req), req.body));
    },
  );
  router.get(
    '/:id',
    apiDoc({ summary: 'A deposit slip with its values', permission: 'read', response: {} }),
    async (req, res) => {
      const ctx = ctxOf(req);
      res.json(await slipDetail(ctx.knex, ctx, parseId(req.params.id)));
    },
  );
  idAction(
    router,
    '/:id/credit',
    {
      summary: "Confirm a slip's credit (acreditación), whole or per value",
      permission: 'ledger.post',
      body: creditSchema,
      response: { status: 200 },
    },
    creditSlip,
  );
}

const periodSchema = Joi.object({
  from: Joi.isoDate().default('1900-01-01'),
  to: Joi.isoDate(),
  dialect: Joi.string().valid('es', 'rfc4180'),
  // One ledger of a bimonetary customer; the account's currency when absent.
  currency: Joi.string().valid('ARS', 'USD'),
});

const periodQuery = {
  from: Joi.isoDate(),
  to: Joi.isoDate(),
  dialect: Joi.string().valid('es', 'rfc4180'),
  currency: Joi.string().valid('ARS', 'USD'),
};

/** Ledger views of one customer: open items and the statement. */
export function customerLedgerRoutes(router: Router): void {
  router.get(
    '/:id/open-items',
    apiDoc({ summary: "The customer's open documents", permission: 'read', response: { array: true } }),
    async (req, res) => {
      res.json(await openItems(ctxOf(req), parseId(req.params.id)));
    },
  );
  router.get(
    '/:id/statement',
    apiDoc({ summary: "The customer's statement between two dates", permission: 'read', query: periodQuery, response: {} }),
    async (req, res) => {
      const ctx = await readCtx(req);
      const q = validate<{ from: string; to?: string; currency?: string }>(periodSchema, req.query, ctx.lang);
      res.json(await statement(ctx, parseId(req.params.id), q.from, q.to ?? today(), q.currency));
    },
  );
  router.get(
    '/:id/statement.csv',
    apiDoc({ summary: 'The statement as CSV', permission: 'export', query: periodQuery, response: { csv: true } }),
    async (req, res) => {
      const ctx = await readCtx(req);
      assertCan(ctx.user.role, 'export');
      const q = validate<{ from: string; to?: string; dialect?: string; currency?: string }>(periodSchema, req.query, ctx.lang);
      const st = await statement(ctx, parseId(req.params.id), q.from, q.to ?? today(), q.currency);
      const dialect = parseDialect(q.dialect);
      const { num, date, text, file } = csvCells(dialect);
      const es = dialect === 'es';
      const headers = ['date', 'type', 'displayNumber', 'description', 'dueDate', 'debit', 'credit', 'balance'];
      const labels = fieldLabels(ctx.lang, 'statement')!;
      const types = valueLabels(ctx.lang, 'documentTypes');
      const body = file(es ? headers.map((h) => labels[h]) : headers, [
        [
          date(st.from),
          '',
          '',
          text(ctx.lang === 'es' ? 'Saldo anterior' : 'Opening balance'),
          '',
          '',
          '',
          num(st.openingBalance),
        ],
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
    },
  );
}
