import { Joi, optionalText } from '../../http/validate';
import { conflict, registerConstraint } from '../../http/errors';
import { ROLES } from '../../http/permissions';
import type { ResourceDef } from '../../http/resource';
import { hashPassword } from './password';
import { endSessions } from './auth.service';

// Usernames log in without naming the company, so they are unique across companies;
// the message does not reveal whether the clash is with another company.
registerConstraint('users_username_unique', {
  path: 'username',
  text: { es: 'Ese nombre de usuario no está disponible', en: 'That username is not available' },
});

const schema = Joi.object({
  username: Joi.string()
    .trim()
    .lowercase()
    .min(3)
    .max(60)
    .pattern(/^[a-z0-9._-]+$/, 'usuario (a–z, 0–9, punto, guion)')
    .required(),
  fullName: Joi.string().trim().min(1).max(120).required(),
  email: optionalText(120).email(),
  role: Joi.string()
    .valid(...ROLES)
    .required(),
  active: Joi.boolean().default(true),
  password: Joi.string().min(8).max(200).when('$op', { is: 'update', then: Joi.optional(), otherwise: Joi.required() }),
});

export const usersResource: ResourceDef = {
  name: 'users',
  table: 'users',
  alias: 'u',
  access: { read: 'admin', create: 'admin', update: 'admin', delete: 'admin', export: 'admin' },
  fields: {
    id: { type: 'int', sort: true },
    username: { type: 'text', sort: true },
    fullName: { type: 'text', sort: true },
    email: { type: 'text' },
    role: { type: 'enum', values: ROLES, filter: true, sort: true, labels: 'roles' },
    active: { type: 'bool', filter: true, sort: true },
    lastLoginAt: { type: 'timestamp', readOnly: true, sort: true, range: true },
    createdAt: { type: 'timestamp', readOnly: true, sort: true, range: true },
    updatedAt: { type: 'timestamp', readOnly: true },
  },
  search: ['u.username', 'u.full_name', 'u.email'],
  defaultSort: ['username', 'ASC'],
  schema,
  hooks: {
    async prepare(ctx, data, { op, before, trx }) {
      if (before && before.id === ctx.user.id) {
        if (op === 'delete')
          throw conflict('SELF', { es: 'No puede eliminar su propio usuario', en: 'You cannot delete your own user' });
        if ((data.role && data.role !== 'admin') || data.active === false)
          throw conflict('SELF', {
            es: 'No puede quitarse el rol de administrador ni desactivarse a sí mismo',
            en: 'You cannot remove your own admin role or deactivate yourself',
          });
      }
      if (op === 'delete') {
        const used = await trx('audit_events').where({ companyId: ctx.companyId, userId: before!.id }).first('id');
        if (used)
          throw conflict('IN_USE', {
            es: 'El usuario tiene actividad registrada: desactívelo en lugar de eliminarlo',
            en: 'The user has recorded activity: deactivate it instead of deleting it',
          });
        return data;
      }
      const { password, ...rest } = data;
      if (typeof password === 'string') (rest as Record<string, unknown>).passwordHash = await hashPassword(password);
      // A new password, a new role or a deactivation ends the user's sessions; an admin
      // changing their own record keeps the session making the change.
      if (op === 'update' && before && (typeof password === 'string' || 'role' in data || data.active === false))
        await endSessions(trx, before.id as number, before.id === ctx.user.id ? ctx.sessionId : undefined);
      return rest;
    },
  },
};
