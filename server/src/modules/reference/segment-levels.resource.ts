import { Joi } from '../../http/validate';
import type { ResourceDef } from '../../http/resource';
import { registerConstraint } from '../../http/errors';

registerConstraint('segment_levels_company_level_unique', {
  path: 'level',
  text: { es: 'Ese nivel de segmento ya tiene nombre', en: 'That segment level already has a name' },
});

/** The names a company gives to its four grouping levels (Zona, Rubro, Canal, Grupo…). */
export const segmentLevelsResource: ResourceDef = {
  name: 'segment-levels',
  table: 'segment_levels',
  alias: 'sl',
  access: { read: 'read', create: 'admin', update: 'admin', delete: 'admin' },
  fields: {
    id: { type: 'int', sort: true },
    level: { type: 'int', filter: true, sort: true, range: true },
    name: { type: 'text', filter: true, sort: true },
    createdAt: { type: 'timestamp', readOnly: true },
    updatedAt: { type: 'timestamp', readOnly: true },
  },
  search: ['sl.name'],
  defaultSort: ['level', 'ASC'],
  schema: Joi.object({
    level: Joi.number().integer().min(1).max(4).required(),
    name: Joi.string().trim().min(1).max(40).required(),
  }),
};
