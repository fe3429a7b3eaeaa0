import express, { type Router } from 'express';
import { ctxOf } from '../../http/context';
import { assertCan } from '../../http/permissions';
import { badRequest } from '../../http/errors';
import { parseId } from '../../http/resource';
import { apiDoc } from '../../http/openapi';
import {
  exportQuerySchema,
  MAX_CERTIFICATE_BYTES,
  readCertificate,
  storeCertificate,
  WITHHOLDING_FILES,
  withholdingFile,
  type WithholdingFile,
} from './withholdings.service';

/** /api/withholdings: the files for the IIBB filings, and each certificate's PDF. */
export function withholdingRoutes(router: Router): void {
  for (const file of WITHHOLDING_FILES)
    router.get(
      `/${file}.txt`,
      apiDoc({
        summary: `IIBB withholdings suffered in a period, in the ${file.toUpperCase()} record layout`,
        permission: 'export',
        query: exportQuerySchema,
        response: { csv: true },
      }),
      async (req, res) => {
        const out = await withholdingFile(ctxOf(req), file as WithholdingFile, req.query);
        res.setHeader('Content-Type', 'text/plain; charset=utf-8');
        res.setHeader('Content-Disposition', `attachment; filename="${out.name}"`);
        res.send(out.body);
      },
    );
  router.get(
    '/:id/certificate',
    apiDoc({ summary: "The withholding certificate's PDF", permission: 'read', response: {} }),
    async (req, res) => {
      const cert = await readCertificate(ctxOf(req), parseId(req.params.id));
      res.setHeader('Content-Type', 'application/pdf');
      res.setHeader('Content-Disposition', `inline; filename="${cert.fileName}"`);
      res.send(cert.content);
    },
  );
  router.post(
    '/:id/certificate',
    apiDoc({
      summary: "Attach the withholding certificate's PDF (the body, application/pdf, up to 2 MB)",
      permission: 'ledger.post',
      response: { status: 200 },
    }),
    (req, _res, next) => {
      assertCan(ctxOf(req).user.role, 'ledger.post');
      next();
    },
    express.raw({ type: () => true, limit: MAX_CERTIFICATE_BYTES }),
    async (req, res) => {
      const name = req.get('X-File-Name');
      if (name !== undefined && name.length > 200)
        throw badRequest('VALIDATION', { es: 'El nombre del archivo es demasiado largo', en: 'The file name is too long' });
      const contentType = String(req.headers['content-type'] ?? '')
        .split(';')[0]
        .trim()
        .toLowerCase();
      res.json(await storeCertificate(ctxOf(req), parseId(req.params.id), { body: req.body, contentType, fileName: name ?? '' }));
    },
  );
}
