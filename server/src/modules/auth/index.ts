// What other modules and the app may use of auth.
export { authRouter } from './auth.routes';
export { usersResource } from './users.resource';
export { purgeExpired, type AuthSettings } from './auth.service';
export { sessionMiddleware, csrfProtection } from './auth.middleware';
export { hashPassword } from './password';
export { bearerAuth, unlessBearer, HUMAN_ONLY } from './bearer.middleware';
export { apiTokensRouter } from './api-tokens.routes';
