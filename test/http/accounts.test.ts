// Staff accounts: passwords held to ASVS, and a sign-in that never tells whether (or in how many
// stores) an email has an account.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/features/auth/sessions.ts';
import { createStore } from '../../src/features/stores/create-store.ts';
import { createTestApp, type TestApp, testStoreInput } from '../app.ts';

let t: TestApp;
let address = 0;
beforeAll(async () => {
  t = await createTestApp();
  await t.database.db.transaction().execute(async (trx) => {
    const { store: second } = await createStore(trx, {
      ...testStoreInput,
      slug: 'second-store',
      name: 'Second',
    });
    const { store: third } = await createStore(trx, {
      ...testStoreInput,
      slug: 'third-store',
      name: 'Third',
    });
    await createUser(trx, {
      storeId: t.store.id,
      email: 'two@example.com',
      name: 'A',
      role: 'agent',
      password: 'first store secret 1',
    });
    await createUser(trx, {
      storeId: second.id,
      email: 'two@example.com',
      name: 'B',
      role: 'owner',
      password: 'second store secret 2',
    });
    await createUser(trx, {
      storeId: third.id,
      email: 'two@example.com',
      name: 'C',
      role: 'agent',
      password: 'second store secret 2',
    });
  });
});
afterAll(async () => {
  await t?.close();
});

const signIn = (payload: Record<string, string>) =>
  t.app.inject({ method: 'POST', url: '/api/v1/session', payload, remoteAddress: `10.66.0.${++address}` });

describe('an email with accounts in several stores', () => {
  it('answers a wrong password exactly as for an unknown email', async () => {
    const wrong = await signIn({ email: 'two@example.com', password: 'not the password' });
    const unknown = await signIn({ email: 'nobody-at-all@example.com', password: 'not the password' });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
  });

  it('signs in to the one store whose password it is, without naming the store', async () => {
    const res = await signIn({ email: 'two@example.com', password: 'first store secret 1' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().store.slug).toBe('test-store');
  });

  it('asks for the store only once the password opens more than one account', async () => {
    const both = await signIn({ email: 'two@example.com', password: 'second store secret 2' });
    expect(both.statusCode).toBe(400);
    expect(both.json().errors[0].path).toBe('store');
    const named = await signIn({
      email: 'two@example.com',
      password: 'second store secret 2',
      store: 'third-store',
    });
    expect(named.statusCode).toBe(200);
    expect(named.json().user.name).toBe('C');
  });
});

describe('passwords', () => {
  it.each([
    ['aaaaaaaaaa', 'at least 12 characters'],
    ['aaaaaaaaaaaa', 'too few different characters'],
    ['password1234', 'one of the most common passwords: choose another'],
  ])('refuses %s for a new user', async (password, why) => {
    await expect(
      t.database.db.transaction().execute((trx) =>
        createUser(trx, {
          storeId: t.store.id,
          email: 'weak@example.com',
          name: 'W',
          role: 'agent',
          password,
        }),
      ),
    ).rejects.toMatchObject({
      code: 'invalid_request',
      extra: { errors: [{ path: 'password', message: why }] },
    });
  });
});
