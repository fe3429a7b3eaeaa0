import { Joi } from '../../http/validate';
import { registerConstraint } from '../../http/errors';
import type { ResourceDef } from '../../http/resource';
import { HOLIDAY_KINDS } from './holidays.data';

registerConstraint('holidays_date_unique', {
  path: 'date',
  text: { es: 'Ya hay un feriado cargado ese día', en: 'There is already a holiday on that day' },
});

/**
 * Feriados: the company's national holidays and non-working days (Ley 27.399, see
 * holidays.data.ts), which the collection sheet skips when it proposes the next working day.
 * The admin keeps it up to date as decrees move or add days.
 */
export const holidaysResource: ResourceDef = {
  name: 'holidays',
  table: 'holidays',
  alias: 'hd',
  access: { read: 'read', create: 'admin', update: 'admin', delete: 'admin' },
  fields: {
    id: { type: 'int', sort: true },
    date: { type: 'date', filter: true, range: true, sort: true },
    kind: { type: 'enum', values: HOLIDAY_KINDS, filter: true, sort: true, labels: 'holidayKinds' },
    name: { type: 'text', sort: true },
    createdAt: { type: 'timestamp', readOnly: true, csv: false },
    updatedAt: { type: 'timestamp', readOnly: true, csv: false },
  },
  search: ['hd.name'],
  defaultSort: ['date', 'ASC'],
  schema: Joi.object({
    date: Joi.isoDate().required(),
    kind: Joi.string()
      .valid(...HOLIDAY_KINDS)
      .required(),
    name: Joi.string().trim().min(1).max(120).required(),
  }),
};
