// Who is calling /api/*: a bearer API token (integrations, scripts) or a staff session cookie (the
// console). Authenticated on request (401 before anything else is looked at), then the route's
// permission is checked (403) before the body is even validated. A cookie-authenticated request that
// changes something must echo the session's CSRF token in `x-csrf-token`.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Database } from '../db/connect.ts';
import { AppError } from '../domain/errors.ts';
import { can, type Permission } from '../domain/roles.ts';
import type { Actor } from '../features/auth/actor.ts';
import { authenticateSession, SESSION_COOKIE, type SessionView } from '../features/auth/sessions.ts';
import { TokenCache } from '../features/auth/token-cache.ts';
import { authenticateToken } from '../features/auth/tokens.ts';

declare module 'fastify' {
  interface FastifyRequest {
    actor?: Actor;
    session?: SessionView;
  }
  interface FastifyContextConfig {
    permission?: Permission;
    public?: boolean;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

async function identify(request: FastifyRequest, database: Database, tokens: TokenCache): Promise<void> {
  const header = request.headers.authorization;
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const actor = match?.[1] ? await authenticateToken(database.db, match[1], tokens) : undefined;
    if (!actor) throw new AppError('unauthorized', 'The API token is unknown or revoked');
    request.actor = actor;
    return;
  }
  const cookie = request.cookies?.[SESSION_COOKIE];
  if (!cookie)
    throw new AppError('unauthorized', 'Sign in, or send an API token as "Authorization: Bearer <token>"');
  const session = await authenticateSession(database.db, cookie);
  if (!session) throw new AppError('unauthorized', 'Your session has ended: sign in again');
  if (!SAFE_METHODS.has(request.method) && request.headers['x-csrf-token'] !== session.view.csrf_token)
    throw new AppError('forbidden', 'Missing or wrong x-csrf-token header for this session');
  request.actor = session.actor;
  request.session = session.view;
}

export async function registerAuth(app: FastifyInstance, database: Database): Promise<void> {
  const tokens = new TokenCache();
  await tokens.start(database);
  app.addHook('onClose', () => tokens.stop());
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const config = request.routeOptions.config;
    if (config?.public) return;
    await identify(request, database, tokens);
    const permission = config?.permission;
    const role = request.actor?.role;
    if (permission && (!role || role === 'customer' || !can(role, permission)))
      throw new AppError('forbidden', `The ${role} role may not do this (${permission})`);
  });
}

export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('unauthorized', 'Authentication is required');
  return request.actor;
}
