import { describe, expect, it } from 'vitest';
import { passwordProblem } from './passwords.ts';

describe('staff passwords', () => {
  it.each([
    ['aaaaaaaaaa', /at least 12/],
    ['aaaaaaaaaaaa', /few different/],
    ['abababababab', /few different/],
    ['password1234', /common/],
    ['PassWordPassWord', /common/],
    ['qwertyuiopqw', /run of keys/],
    ['0987654321', /at least 12/],
    ['09876543210987', /run of keys/],
    ['x'.repeat(300), /at most 256/],
  ])('refuses %s', (password, why) => {
    expect(passwordProblem(password)).toMatch(why);
  });

  it('refuses a password made of the email address', () => {
    expect(passwordProblem('maria.lopez2026', 'Maria.Lopez@example.com')).toMatch(/email/);
  });

  it.each(['correct horse battery', 'demo-password', 'blue kettle at dawn 42', 'Ünïcödé-paßwort'])(
    'accepts %s',
    (password) => {
      expect(passwordProblem(password, 'someone@example.com')).toBeUndefined();
    },
  );
});
