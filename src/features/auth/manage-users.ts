// Staff accounts after creation: deactivate one (it cannot sign in, its sessions end, its name stays
// on the timelines), and change a password (the user's own, knowing the current one; or set by an
// administrator from the command line). A new password ends the account's other sessions.
import { verify } from '@node-rs/argon2';
import type { Tx } from '../../db/schema.ts';
import { AppError } from '../../domain/errors.ts';
import type { Actor } from './actor.ts';
import { insertSecurityEvent } from './guess.queries.ts';
import { assertPasswordAllowed, hashPassword } from './sessions.ts';
import { hashToken } from './tokens.ts';
import { activeUser, deleteSessionsOfUser, markUserDeactivated, setPasswordHash } from './users.queries.ts';

export async function deactivateUser(trx: Tx, actor: Actor, userId: string): Promise<void> {
  if (actor.userId === userId)
    throw new AppError('invalid_request', 'You cannot deactivate your own account', {
      errors: [{ path: 'id', message: 'another owner must do it' }],
    });
  const user = await activeUser(trx, actor.storeId, { id: userId });
  if (!user) throw new AppError('not_found', 'User not found');
  await markUserDeactivated(trx, actor.storeId, user.id);
  await deleteSessionsOfUser(trx, user.id);
  await insertSecurityEvent(trx, {
    store_id: actor.storeId,
    type: 'user_deactivated',
    subject: `user:${user.id}`,
    data: JSON.stringify({ email: user.email, by: actor.label }),
  });
}

/** The signed-in user's own password; `keepSession` is the session that asked (it stays signed in). */
export async function changeOwnPassword(
  trx: Tx,
  actor: Actor,
  input: { current_password: string; new_password: string },
  keepSession: string | undefined,
): Promise<void> {
  if (!actor.userId) throw new AppError('unauthorized', 'Sign in to change your password');
  const user = await activeUser(trx, actor.storeId, { id: actor.userId });
  const ok = user?.password_hash
    ? await verify(user.password_hash, input.current_password).catch(() => false)
    : false;
  if (!user || !ok)
    throw new AppError('invalid_request', 'The current password is not right', {
      errors: [{ path: 'current_password', message: 'not right' }],
    });
  await setPassword(trx, actor.storeId, user, input.new_password, keepSession, 'new_password');
}

/** An administrator sets a password (the CLI), by email. */
export async function resetPassword(
  trx: Tx,
  storeId: string,
  email: string,
  password: string,
): Promise<void> {
  const user = await activeUser(trx, storeId, { email });
  if (!user) throw new AppError('not_found', `No active user ${email} in this store`);
  await setPassword(trx, storeId, user, password, undefined, 'password');
}

async function setPassword(
  trx: Tx,
  storeId: string,
  user: { id: string; email: string },
  password: string,
  keepSession: string | undefined,
  path: string,
) {
  assertPasswordAllowed(password, user.email, path);
  await setPasswordHash(trx, storeId, user.id, await hashPassword(password));
  await deleteSessionsOfUser(trx, user.id, keepSession ? hashToken(keepSession) : undefined);
  await insertSecurityEvent(trx, {
    store_id: storeId,
    type: 'password_changed',
    subject: `user:${user.id}`,
    data: JSON.stringify({ email: user.email }),
  });
}
