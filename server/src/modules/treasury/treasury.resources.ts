import type { ObjectSchema } from 'joi';
import { Joi, code, id, optionalText } from '../../http/validate';
import { badRequest, conflict, registerConstraint } from '../../http/errors';
import type { ResourceDef, WriteInfo } from '../../http/resource';
import type { Ctx } from '../../http/context';
import { onKey } from '../../db/keys';

export const BANK_ACCOUNT_TYPES = ['CC', 'CA'] as const;
export const ACCOUNT_CURRENCIES = ['ARS', 'USD'] as const;

registerConstraint('cash_boxes_code_unique', {
  path: 'code',
  text: { es: 'Ya existe una caja con ese código', en: 'A cash box with that code already exists' },
});
registerConstraint('bank_accounts_code_unique', {
  path: 'code',
  text: { es: 'Ya existe una cuenta bancaria con ese código', en: 'A bank account with that code already exists' },
});
registerConstraint('bank_accounts_cbu_unique', {
  path: 'cbu',
  text: { es: 'Ya existe una cuenta bancaria con ese CBU', en: 'A bank account with that CBU already exists' },
});
registerConstraint('bank_accounts_alias_unique', {
  path: 'alias',
  text: { es: 'Ya existe una cuenta bancaria con ese alias', en: 'A bank account with that alias already exists' },
});

const stamps = {
  createdAt: { type: 'timestamp', readOnly: true, csv: false },
  updatedAt: { type: 'timestamp', readOnly: true, csv: false },
} as const;

/** The account or caja a company names as its default cannot be removed nor deactivated. */
function keepDefault(column: 'defaultCashBoxId' | 'defaultBankAccountId') {
  return async (ctx: Ctx, data: Record<string, unknown>, info: WriteInfo) => {
    if (info.op === 'create' || !info.before) return data;
    if (info.op === 'update' && data.active !== false) return data;
    const company = (await info.trx('companies').where({ id: ctx.companyId }).first(column)) as Record<string, number | null>;
    if (company[column] === info.before.id)
      throw conflict('TREASURY_DEFAULT_IN_USE', {
        es: 'Es la predeterminada de la empresa: elija otra en los datos de la empresa antes de quitarla o desactivarla',
        en: "It is the company's default: choose another in the company settings before removing or deactivating it",
      });
    return data;
  };
}

/** Cajas: where the cash of receipts lands. A caja holds any currency. */
export const cashBoxesResource: ResourceDef = {
  name: 'cash-boxes',
  table: 'cash_boxes',
  alias: 'cb',
  access: { read: 'read', create: 'admin', update: 'admin', delete: 'admin' },
  fields: {
    id: { type: 'int', sort: true },
    code: { type: 'text', filter: true, sort: true },
    name: { type: 'text', sort: true },
    ledgerAccount: { type: 'text' },
    active: { type: 'bool', filter: true, sort: true },
    ...stamps,
  },
  search: ['cb.code', 'cb.name'],
  defaultSort: ['code', 'ASC'],
  schema: Joi.object({
    code: code(20).required(),
    name: Joi.string().trim().min(1).max(120).required(),
    ledgerAccount: optionalText(30),
    active: Joi.boolean().default(true),
  }) as ObjectSchema,
  hooks: { prepare: keepDefault('defaultCashBoxId') },
};

/** The company's own bank accounts: where transfers land and values are deposited. */
export const bankAccountsResource: ResourceDef = {
  name: 'bank-accounts',
  table: 'bank_accounts',
  alias: 'ba',
  access: { read: 'read', create: 'admin', update: 'admin', delete: 'admin' },
  fields: {
    id: { type: 'int', sort: true },
    code: { type: 'text', filter: true, sort: true },
    name: { type: 'text', sort: true },
    bankId: { type: 'int', filter: true },
    bankCode: { type: 'text', sql: 'bk.code' },
    bankName: { type: 'text', sql: 'bk.name', sort: true },
    type: { type: 'enum', values: BANK_ACCOUNT_TYPES, filter: true, sort: true, labels: 'bankAccountTypes' },
    currency: { type: 'enum', values: ACCOUNT_CURRENCIES, filter: true, sort: true },
    number: { type: 'text', filter: true },
    cbu: { type: 'text', filter: true },
    alias: { type: 'text', filter: true },
    ledgerAccount: { type: 'text' },
    active: { type: 'bool', filter: true, sort: true },
    ...stamps,
  },
  from: (qb) => {
    qb.join('banks as bk', onKey('bk', 'ba.bank_id'));
  },
  search: ['ba.code', 'ba.name', 'ba.cbu', 'ba.alias', 'bk.name'],
  defaultSort: ['code', 'ASC'],
  schema: Joi.object({
    code: code(20).required(),
    name: Joi.string().trim().min(1).max(120).required(),
    bankId: id().required(),
    type: Joi.string()
      .valid(...BANK_ACCOUNT_TYPES)
      .default('CC'),
    currency: Joi.string()
      .valid(...ACCOUNT_CURRENCIES)
      .default('ARS'),
    number: optionalText(30),
    cbu: Joi.cbu().allow(null, '').empty('').default(null),
    // BCRA alias CBU: 6 to 20 letters, digits, dots or hyphens.
    alias: Joi.string()
      .trim()
      .pattern(/^[A-Za-z0-9.-]{6,20}$/, 'alias')
      .allow(null, '')
      .empty('')
      .default(null),
    ledgerAccount: optionalText(30),
    active: Joi.boolean().default(true),
  }) as ObjectSchema,
  hooks: {
    prepare: async (ctx, data, info) => {
      await keepDefault('defaultBankAccountId')(ctx, data, info);
      if (info.op === 'delete') return data;
      const bankId = (data.bankId ?? info.before?.bankId) as number | undefined;
      const bank = (await info.trx('banks').where({ id: bankId, companyId: ctx.companyId }).first('code')) as
        { code: string } | undefined;
      if (!bank)
        throw badRequest('BANK_NOT_FOUND', { es: 'bankId: no existe ese banco', en: 'bankId: no such bank' }, [
          { path: 'bankId', message: { es: 'banco inexistente', en: 'no such bank' } },
        ]);
      // A CBU's first three digits are its bank's BCRA code.
      const cbu = (Object.hasOwn(data, 'cbu') ? data.cbu : info.before?.cbu) as string | null | undefined;
      if (cbu && cbu.slice(0, 3) !== bank.code)
        throw badRequest(
          'CBU_OTHER_BANK',
          {
            es: `El CBU es del banco ${cbu.slice(0, 3)} y la cuenta del banco ${bank.code}`,
            en: `The CBU belongs to bank ${cbu.slice(0, 3)} and the account to bank ${bank.code}`,
          },
          [{ path: 'cbu', message: { es: `no es del banco ${bank.code}`, en: `not of bank ${bank.code}` } }],
        );
      return data;
    },
  },
};
