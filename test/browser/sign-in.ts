// Demo staff sign in through the console's own form (seeded by the demo store, one password).
import type { Page } from 'playwright-core';
import type { RunningServer } from './server.ts';

export type StaffRole = 'owner' | 'agent' | 'warehouse' | 'finance';
const DEMO_PASSWORD = 'demo-password';

/** Fills the sign-in form already on screen, e.g. after a deep link sent the browser there. */
export async function fillSignIn(page: Page, role: StaffRole, password = DEMO_PASSWORD) {
  await page.getByLabel('Work email').fill(`${role}@demo.aftersale.dev`);
  await page.getByRole('textbox', { name: 'Password' }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

export async function signIn(page: Page, server: RunningServer, role: StaffRole) {
  await page.goto(`${server.url}/console/sign-in`);
  await fillSignIn(page, role);
  await page.getByRole('button', { name: 'Account menu' }).waitFor();
}

export async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Account menu' }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await page.getByRole('heading', { name: 'Sign in to the team console' }).waitFor();
}
