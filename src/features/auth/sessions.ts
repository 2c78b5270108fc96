// Staff sign-in: argon2id password hashes, a random session token in an HTTP-only cookie (only its
// hash is stored), and a per-session CSRF token that every state-changing request must echo.
import { randomBytes, randomUUID } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { Tx } from '../../db/schema.ts';
import { AppError } from '../../domain/errors.ts';
import { passwordProblem } from '../../domain/passwords.ts';
import { isRole, type Role } from '../../domain/roles.ts';
import type { Actor } from './actor.ts';
import { hashToken } from './tokens.ts';
import { deleteSession, findSession, findUsersByEmail, insertSession, insertUser } from './users.queries.ts';

export const SESSION_COOKIE = 'as_session';
export const SESSION_HOURS = 12;
const ARGON2ID = 2; // @node-rs/argon2's Algorithm.Argon2id, a const enum that isolatedModules cannot import

// Verifying against this when the email is unknown keeps the response time the same, so the
// sign-in form does not tell which addresses have accounts.
let dummyHash: Promise<string> | undefined;

/** Refuses a password that is short, common or made of the email (domain/passwords.ts). */
export function assertPasswordAllowed(password: string, email?: string, path = 'password'): void {
  const problem = passwordProblem(password, email);
  if (problem)
    throw new AppError('invalid_request', `This password is not accepted: ${problem}`, {
      errors: [{ path, message: problem }],
    });
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID });
}

export async function createUser(
  trx: Tx,
  input: { storeId: string; email: string; name: string; role: Role; password: string },
): Promise<string> {
  assertPasswordAllowed(input.password, input.email);
  const id = randomUUID();
  await insertUser(trx, {
    store_id: input.storeId,
    id,
    email: input.email.toLowerCase(),
    name: input.name,
    role: input.role,
    password_hash: await hashPassword(input.password),
  });
  return id;
}

export interface SessionView {
  user: { id: string; email: string; name: string; role: Role };
  store: { id: string; name: string; slug: string; currency: string };
  csrf_token: string;
}

export async function signIn(
  trx: Tx,
  input: { email: string; password: string; store?: string | undefined },
): Promise<SessionView & { token: string; expires_at: Date }> {
  const users = await findUsersByEmail(trx, input.email, input.store);
  const refuse = () => new AppError('unauthorized', 'The email or the password is not right');
  dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
  // The password is checked against every account with this email (against a dummy hash when there
  // is none) before anything else is said, so a wrong password never tells whether, or in how many
  // stores, the email has an account.
  const matches: typeof users = [];
  for (const candidate of users.length ? users : [undefined]) {
    const ok = await verify(candidate?.password_hash ?? (await dummyHash), input.password).catch(() => false);
    if (candidate?.password_hash && ok && isRole(candidate.role)) matches.push(candidate);
  }
  if (matches.length > 1)
    throw new AppError('invalid_request', 'These accounts are in several stores: say which store', {
      errors: [{ path: 'store', message: 'required for this email' }],
    });
  const user = matches[0];
  if (!user || !isRole(user.role)) throw refuse();
  const token = randomBytes(32).toString('base64url');
  const csrf = randomBytes(24).toString('base64url');
  const expires = new Date(Date.now() + SESSION_HOURS * 3_600_000);
  await insertSession(trx, {
    store_id: user.store_id,
    token_hash: hashToken(token),
    user_id: user.id,
    csrf_token: csrf,
    expires_at: expires,
  });
  return {
    token,
    expires_at: expires,
    csrf_token: csrf,
    user: { id: user.id, email: user.email, name: user.name, role: user.role },
    store: { id: user.store_id, name: user.store_name, slug: user.store_slug, currency: user.store_currency },
  };
}

export async function authenticateSession(
  trx: Tx,
  token: string,
): Promise<{ actor: Actor; view: SessionView } | undefined> {
  const row = await findSession(trx, hashToken(token));
  if (!row || !isRole(row.role)) return undefined;
  return {
    actor: { storeId: row.store_id, role: row.role, label: `user:${row.email}`, userId: row.user_id },
    view: {
      user: { id: row.user_id, email: row.email, name: row.name, role: row.role },
      store: { id: row.store_id, name: row.store_name, slug: row.store_slug, currency: row.store_currency },
      csrf_token: row.csrf_token,
    },
  };
}

export async function signOut(trx: Tx, token: string): Promise<void> {
  await deleteSession(trx, hashToken(token));
}
