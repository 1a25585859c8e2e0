/** Signing in through the web app's own sign-in page, as a person would. */
import type { Page } from 'playwright-core';
import { DEV_ACTORS } from '../../apps/api/src/core/auth/dev-tokens';
import { screenshot } from './browser';

/** Picks one of the development identities; `picture` names a screenshot of the page with it picked. */
export async function signInAs(page: Page, baseUrl: string, role: keyof typeof DEV_ACTORS, picture?: string): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await page.waitForURL(/\/login$/);
  await page.getByTestId(`dev-identity-${role}`).click();
  if (picture) await screenshot(page, picture, false);
  await page.getByTestId('dev-sign-in').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  await page.getByTestId('current-user').getByText(DEV_ACTORS[role].name).waitFor();
}

/** Pastes a token. */
export async function signInWithToken(page: Page, baseUrl: string, token: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByRole('tab', { name: /粘贴访问令牌/ }).click();
  await page.getByTestId('token-input').fill(token);
  await page.getByTestId('token-sign-in').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}
