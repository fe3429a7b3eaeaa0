import { Router, type CookieOptions } from 'express';
import { apiDoc } from '../../http/openapi';
import { getKnex } from '../../http/context';
import { Joi, validate } from '../../http/validate';
import { langOf } from '../../http/i18n';
import { unauthorized } from '../../http/errors';
import { changeOwnPassword, login, logout, type AuthSettings } from './auth.service';
import { CSRF_COOKIE, SESSION_COOKIE } from './auth.middleware';

const loginSchema = Joi.object({
  username: Joi.string().trim().min(1).max(200).required(),
  password: Joi.string().min(1).max(500).required(),
});

const passwordSchema = Joi.object({
  currentPassword: Joi.string().min(1).max(500).required(),
  newPassword: Joi.string().min(8).max(200).required(),
});

export function authRouter(settings: AuthSettings & { secureCookies: boolean }): Router {
  const router = Router();
  const cookie = (expires?: Date): CookieOptions => ({
    httpOnly: true,
    sameSite: 'lax',
    secure: settings.secureCookies,
    path: '/',
    ...(expires ? { expires } : {}),
  });

  router.post(
    '/login',
    apiDoc({
      summary: 'Sign in: sets the session cookie, answers the user and the CSRF token',
      public: true,
      body: loginSchema,
      response: { status: 200 },
    }),
    async (req, res) => {
      const body = validate<{ username: string; password: string }>(loginSchema, req.body ?? {}, langOf(req));
      const result = await login(getKnex(req), settings, {
        ...body,
        ip: req.ip ?? '',
        userAgent: String(req.headers['user-agent'] ?? ''),
      });
      res.cookie(SESSION_COOKIE, result.token, cookie(result.expiresAt));
      res.cookie(CSRF_COOKIE, result.csrfToken, { ...cookie(result.expiresAt), httpOnly: false });
      res.json({ ...result.user, csrfToken: result.csrfToken });
    },
  );

  router.post('/logout', apiDoc({ summary: 'Sign out', response: { status: 200 } }), async (req, res) => {
    if (!req.session) throw unauthorized();
    await logout(getKnex(req), req.session, req.ip ?? '');
    res.clearCookie(SESSION_COOKIE, cookie());
    res.clearCookie(CSRF_COOKIE, { ...cookie(), httpOnly: false });
    res.json({ ok: true });
  });

  router.post(
    '/password',
    apiDoc({ summary: "Change one's own password", body: passwordSchema, response: { status: 200 } }),
    async (req, res) => {
      if (!req.session) throw unauthorized();
      const body = validate<{ currentPassword: string; newPassword: string }>(passwordSchema, req.body ?? {}, langOf(req));
      await changeOwnPassword(getKnex(req), req.session, { ...body, ip: req.ip ?? '' });
      res.json({ ok: true });
    },
  );

  router.get('/me', apiDoc({ summary: 'The signed-in user', response: {} }), (req, res) => {
    if (!req.session) throw unauthorized();
    res.json({ ...req.session.user, csrfToken: req.session.csrfToken });
  });

  return router;
}
