import { Router } from 'express';
import { apiDoc } from '../../http/openapi';
import { ctxOf } from '../../http/context';
import { Joi, optionalText, validate } from '../../http/validate';
import { assertCan } from '../../http/permissions';
import { withTransaction } from '../../db/tx';
import { audit } from '../../http/audit';
import { badRequest, notFound } from '../../http/errors';
import type { Knex } from 'knex';
import { PROVINCE_CODES } from '../../lib/argentina';
import { taxSchema } from '../customers';
import { COMPANY_IVA_CONDITIONS } from '../../../../shared/catalog/fiscal';

const schema = Joi.object({
  name: Joi.string().trim().min(1).max(120).required(),
  taxId: Joi.cuit().allow(null, '').empty('').default(null),
  street: optionalText(120),
  city: optionalText(80),
  province: Joi.string()
    .valid(...PROVINCE_CODES)
    .allow(null, '')
    .empty('')
    .default(null),
  postalCode: optionalText(10),
  phone: optionalText(40),
  email: optionalText(120).email(),
  lockDate: Joi.isoDate().allow(null, '').empty('').default(null),
  defaultReceiptPointOfSale: Joi.number().integer().min(1).max(99999).required(),
  overdueToleranceDays: Joi.number().integer().min(0).max(3650).required(),
  // The legal data printed on receipts, statements and collection sheets (RG 1415 art. 10 and Anexo II:
  // the issuer's IVA condition, IIBB number and start of activities on every document it issues).
  ivaCondition: Joi.number()
    .integer()
    .valid(...COMPANY_IVA_CONDITIONS)
    .default(1),
  grossIncomeRegime: taxSchema.grossIncomeRegime,
  grossIncomeNumber: taxSchema.grossIncomeNumber,
  activityStartDate: Joi.isoDate().allow(null, '').empty('').default(null),
  // A small image as a data URL (PNG, JPEG or SVG, up to about 150 KB).
  logo: Joi.string()
    .max(200000)
    .pattern(/^data:image\/(png|jpeg|svg\+xml);base64,[A-Za-z0-9+/=]+$/, 'data:image/…;base64')
    .allow(null, '')
    .empty('')
    .default(null),
  // Where a receipt's cash and transfers land unless its line names a caja or an account.
  defaultCashBoxId: Joi.number().integer().min(1).allow(null).default(null),
  defaultBankAccountId: Joi.number().integer().min(1).allow(null).default(null),
  // IVA on the card financing surcharge billed to customers (Ley de IVA art. 10; 0 when the company charges none).
  cardSurchargeIvaRate: Joi.number().valid(0, 10.5, 21, 27).default(21),
});

const COLUMNS = [
  'id',
  'name',
  'taxId',
  'street',
  'city',
  'province',
  'postalCode',
  'phone',
  'email',
  'lockDate',
  'defaultReceiptPointOfSale',
  'overdueToleranceDays',
  'defaultCashBoxId',
  'defaultBankAccountId',
  'cardSurchargeIvaRate',
  'ivaCondition',
  'grossIncomeRegime',
  'grossIncomeNumber',
  'activityStartDate',
  'logo',
  'createdAt',
  'updatedAt',
];

/** The default caja and bank account are the company's own and active (companies keep no key to them). */
async function checkDefaults(trx: Knex.Transaction, companyId: number, data: Record<string, unknown>) {
  for (const [field, table] of [
    ['defaultCashBoxId', 'cash_boxes'],
    ['defaultBankAccountId', 'bank_accounts'],
  ] as const) {
    if (data[field] === null) continue;
    const row = await trx(table)
      .where({ companyId, id: data[field] as number, active: true })
      .first('id');
    if (!row)
      throw badRequest('TREASURY_DEFAULT', { es: `${field}: no existe o está inactiva`, en: `${field}: missing or inactive` }, [
        { path: field, message: { es: 'no existe o está inactiva', en: 'missing or inactive' } },
      ]);
  }
}

export async function getCompany(db: Knex | Knex.Transaction, companyId: number) {
  const row = await db('companies').where({ id: companyId }).first(COLUMNS);
  if (!row) throw notFound();
  return row as Record<string, unknown>;
}

/** The company's own settings: everyone reads, the admin edits. */
export function companyRouter(): Router {
  const router = Router();
  router.get('/', apiDoc({ summary: 'The company settings', permission: 'read', response: {} }), async (req, res) => {
    const ctx = ctxOf(req);
    res.json(await getCompany(ctx.knex, ctx.companyId));
  });
  router.put(
    '/',
    apiDoc({ summary: 'Change the company settings', permission: 'admin', body: schema, response: {} }),
    async (req, res) => {
      const ctx = ctxOf(req);
      assertCan(ctx.user.role, 'admin');
      const result = await withTransaction(ctx.knex, async (trx) => {
        const before = await trx('companies').where({ id: ctx.companyId }).forUpdate().first(COLUMNS);
        if (!before) throw notFound();
        const { id: _id, createdAt: _c, updatedAt: _u, ...writable } = before as Record<string, unknown>;
        void _id;
        void _c;
        void _u;
        const body = { ...(req.body ?? {}) } as Record<string, unknown>;
        for (const k of ['id', 'createdAt', 'updatedAt']) delete body[k];
        const data = validate<Record<string, unknown>>(schema, { ...writable, ...body }, ctx.lang);
        await checkDefaults(trx, ctx.companyId, data);
        await trx('companies')
          .where({ id: ctx.companyId })
          .update({ ...data, updatedAt: trx.fn.now() });
        const after = await getCompany(trx, ctx.companyId);
        await audit(trx, ctx, { action: 'update', entity: 'companies', entityId: ctx.companyId, before, after });
        return after;
      });
      res.json(result);
    },
  );
  return router;
}
