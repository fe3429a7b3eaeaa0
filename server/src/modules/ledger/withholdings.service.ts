import type { Ctx } from '../../http/context';
import { assertCan } from '../../http/permissions';
import { AppError, badRequest, conflict, notFound } from '../../http/errors';
import { Joi, validate } from '../../http/validate';
import { withTransaction } from '../../db/tx';
import { audit } from '../../http/audit';
import { arbaLine, arcibaLine, LayoutProblem, lines, sifereLine, type SufferedWithholding } from './withholding-files';
import { onKey } from '../../db/keys';

/** A certificate's PDF is kept in the database: at most 2 MB (the CHECK says the same). */
export const MAX_CERTIFICATE_BYTES = 2 * 1024 * 1024;

export const WITHHOLDING_FILES = ['sifere', 'arciba', 'arba'] as const;
export type WithholdingFile = (typeof WITHHOLDING_FILES)[number];

/** Which withholdings each file takes: SIFERE every IIBB of Convenio Multilateral; ARCIBA CABA's; ARBA Buenos Aires'. */
const PROVINCE_OF: Record<WithholdingFile, string | null> = { sifere: null, arciba: 'AR-C', arba: 'AR-B' };

export const exportQuerySchema = Joi.object({
  from: Joi.isoDate().required(),
  to: Joi.isoDate().required(),
  iibbSituation: Joi.string().valid('1', '2', '4', '5'),
  iibbNumber: Joi.string().pattern(/^[0-9]{1,11}$/, 'digits'),
  ivaSituation: Joi.string().valid('1', '3', '4'),
  /** One agent's withholdings only: ARCIBA and ARBA are agents' designs, each agent declares its own. */
  agentTaxId: Joi.string().pattern(/^[0-9]{11}$/, 'digits'),
});

interface ExportQuery {
  from: string;
  to: string;
  iibbSituation?: string;
  iibbNumber?: string;
  ivaSituation?: string;
  agentTaxId?: string;
}

/** What each field a layout refuses (withholding-files.ts) is called in the 409's Spanish message. */
const FIELD_NAMES: Record<string, string> = {
  agentTaxId: 'CUIT del agente',
  regimeCode: 'código de régimen',
  baseAmount: 'base imponible (o es mayor que el total del recibo)',
  certificateNumber: 'número de certificado (demasiado largo o sin dígitos)',
  jurisdiction: 'jurisdicción',
  amount: 'importe que quepa en su campo',
  receiptTotal: 'total del recibo que quepa en su campo',
};

/** Empresa's Ingresos Brutos regime as ARCIBA's situation code; exempt has none (name it in the query). */
const ARCIBA_IIBB_SITUATION: Record<string, string | undefined> = { local: '1', multilateral: '2', not_registered: '4' };
/** Empresa's IVA condition (RG 5616 code) as ARCIBA's IVA situation: RI, Exento, Monotributo. */
const ARCIBA_IVA_SITUATION: Record<number, string | undefined> = { 1: '1', 4: '3', 6: '4', 13: '4', 16: '4' };

/** The file of the IIBB withholdings suffered between two dates, in the layout of `file`. */
export async function withholdingFile(ctx: Ctx, file: WithholdingFile, query: unknown): Promise<{ name: string; body: string }> {
  assertCan(ctx.user.role, 'export');
  const q = validate<ExportQuery>(exportQuerySchema, query ?? {}, ctx.lang);
  if (q.to < q.from)
    throw badRequest(
      'PERIOD_REVERSED',
      { es: 'La fecha hasta es anterior a la desde', en: 'The end date is before the start date' },
      [{ path: 'to', message: { es: 'anterior a from', en: 'before from' } }],
    );
  const company = (await ctx
    .knex('companies')
    .where({ id: ctx.companyId })
    .first('taxId', 'name', 'ivaCondition', 'grossIncomeRegime', 'grossIncomeNumber')) as {
    taxId: string | null;
    name: string;
    ivaCondition: number | null;
    grossIncomeRegime: string | null;
    grossIncomeNumber: string | null;
  };
  if (file === 'arciba') {
    // ARCIBA's company fields come from Empresa unless the query names them (codes of withholding-files.ts).
    const digits = company.grossIncomeNumber?.replace(/\D/g, '');
    q.iibbSituation ??= company.grossIncomeRegime ? ARCIBA_IIBB_SITUATION[company.grossIncomeRegime] : undefined;
    q.iibbNumber ??= digits && digits.length <= 11 ? digits : undefined;
    q.ivaSituation ??= company.ivaCondition !== null ? ARCIBA_IVA_SITUATION[company.ivaCondition] : undefined;
  }
  if (file !== 'sifere' && !company.taxId)
    throw conflict('COMPANY_TAX_ID', {
      es: 'Cargue el CUIT de la empresa en Empresa: el archivo lo lleva como sujeto retenido',
      en: "Enter the company's CUIT in Company: the file carries it as the subject withheld",
    });
  if (file === 'arciba' && (!q.iibbSituation || !q.iibbNumber || !q.ivaSituation))
    throw badRequest(
      'VALIDATION',
      {
        es: 'ARCIBA pide la situación de Ingresos Brutos, su número y la situación frente al IVA de la empresa',
        en: "ARCIBA needs the company's gross income standing, its number and its VAT standing",
      },
      ['iibbSituation', 'iibbNumber', 'ivaSituation']
        .filter((k) => !q[k as keyof ExportQuery])
        .map((path) => ({ path, message: { es: 'obligatorio para ARCIBA', en: 'required for ARCIBA' } })),
    );
  const rows = (await ctx
    .knex('receipt_withholdings as w')
    .join('documents as r', onKey('r', 'w.document_id'))
    .where({ 'w.companyId': ctx.companyId, 'w.type': 'IIBB', 'w.active': true })
    .whereBetween('w.date', [q.from, q.to])
    .modify((qb) => {
      const province = PROVINCE_OF[file];
      if (province) qb.where('w.jurisdiction', province);
      if (q.agentTaxId) qb.where('w.agentTaxId', q.agentTaxId);
    })
    .orderBy(['w.date', 'w.id'])
    .select(
      'w.id',
      'w.jurisdiction',
      'w.regimeCode',
      'w.agentTaxId',
      'w.certificateNumber',
      'w.date',
      'w.baseAmount',
      'w.rate',
      'w.amount',
      'r.pointOfSale as receiptPointOfSale',
      'r.number as receiptNumber',
      'r.issueDate as receiptDate',
      'r.total as receiptTotal',
    )) as SufferedWithholding[];
  const problems: Array<{ path: string; message: { es: string; en: string } }> = [];
  const records: string[] = [];
  for (const w of rows) {
    try {
      records.push(
        file === 'sifere'
          ? sifereLine(w)
          : file === 'arba'
            ? arbaLine(w, { taxId: company.taxId! })
            : arcibaLine(w, {
                taxId: company.taxId!,
                name: company.name,
                iibbSituation: q.iibbSituation!,
                iibbNumber: q.iibbNumber!,
                ivaSituation: q.ivaSituation!,
              }),
      );
    } catch (err) {
      if (!(err instanceof LayoutProblem)) throw err;
      problems.push({
        path: `withholdings.${w.id}.${err.field}`,
        message: {
          es: `certificado ${err.certificateNumber}: falta ${FIELD_NAMES[err.field] ?? err.field}`,
          en: `certificate ${err.certificateNumber}: ${err.field} missing or too long`,
        },
      });
    }
  }
  if (problems.length)
    throw new AppError(
      409,
      'WITHHOLDINGS_INCOMPLETE',
      {
        es: `${problems.length} retenciones no tienen lo que pide el archivo ${file.toUpperCase()}: ${problems.map((p) => p.message.es).join('; ')}`,
        en: `${problems.length} withholdings lack what the ${file.toUpperCase()} file needs`,
      },
      problems,
    );
  return { name: `${file}-${q.from}-${q.to}.txt`, body: lines(records) };
}

async function withholdingOf(ctx: Ctx, id: number): Promise<{ id: number; certificateNumber: string }> {
  const row = (await ctx
    .knex('receipt_withholdings')
    .where({ companyId: ctx.companyId, id })
    .first('id', 'certificateNumber')) as { id: number; certificateNumber: string } | undefined;
  if (!row) throw notFound();
  return row;
}

/**
 * Stores the certificate's PDF (replacing the one before). Only a PDF (its type and its first
 * bytes, `%PDF-`), up to 2 MB; anything else is refused before a byte is written.
 */
export async function storeCertificate(
  ctx: Ctx,
  id: number,
  file: { body: unknown; contentType: string; fileName: string },
): Promise<{ withholdingId: number; fileName: string; size: number; contentType: string }> {
  assertCan(ctx.user.role, 'ledger.post');
  const w = await withholdingOf(ctx, id);
  const body = Buffer.isBuffer(file.body) ? file.body : Buffer.alloc(0);
  if (file.contentType !== 'application/pdf' || body.subarray(0, 5).toString('latin1') !== '%PDF-')
    throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', {
      es: 'El certificado debe ser un PDF (Content-Type: application/pdf)',
      en: 'The certificate must be a PDF (Content-Type: application/pdf)',
    });
  const fileName = file.fileName.replace(/[^\p{L}\p{N} ._-]/gu, '').slice(0, 200) || `certificado-${w.certificateNumber}.pdf`;
  return withTransaction(ctx.knex, async (trx) => {
    await trx('withholding_certificates')
      .insert({
        companyId: ctx.companyId,
        withholdingId: id,
        fileName,
        contentType: 'application/pdf',
        size: body.length,
        content: body,
        createdBy: ctx.user.id,
      })
      .onConflict(['companyId', 'withholdingId'])
      .merge(['fileName', 'size', 'content', 'createdBy', 'createdAt']);
    const record = { withholdingId: id, fileName, size: body.length, contentType: 'application/pdf' };
    await audit(trx, ctx, { action: 'attach', entity: 'withholding_certificates', entityId: id, after: record });
    return record;
  });
}

export async function readCertificate(ctx: Ctx, id: number): Promise<{ fileName: string; content: Buffer }> {
  await withholdingOf(ctx, id);
  const row = (await ctx
    .knex('withholding_certificates')
    .where({ companyId: ctx.companyId, withholdingId: id })
    .first('fileName', 'content')) as { fileName: string; content: Buffer } | undefined;
  if (!row) throw notFound();
  return row;
}
