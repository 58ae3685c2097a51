import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './support/browser.js';
import { startTrellis, type RunningTrellis } from './support/trellis-server.js';
import { ADMIN, eventually, gone, openStudio, screenshots, see, texts } from './support/ui.js';

/**
 * Identity through the studio: the administrator signs in (after a wrong password), creates a team, invites
 * a sales rep into it, creates an API key whose secret is shown once, and signs out; the rep sets a password
 * from the invitation link found in the Mail outbox, signs in and sees no administration. Five wrong
 * passwords lock the rep out until the administrator unlocks them, and the security log shows it all.
 */

const REP = { name: 'Grace Hopper', email: 'grace@trellis.test', password: 'cobol-harbor-1959' };

/** A failed sign-in is a 401/429 the browser logs as a console error: expected here, not a problem. */
const unexpected = (problems: string[]) => problems.splice(0).filter((p) => !/favicon|status of (401|429)/.test(p));

describe('identity: sign-in, users, teams, API keys, invitation, lockout', () => {
  let trellis: RunningTrellis;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  let invitationLink = '';
  const shot = screenshots('identity');

  beforeAll(async () => {
    // Every request comes from 127.0.0.1: allow more than the default 30 /auth requests a minute per IP.
    [trellis, browser] = await Promise.all([startTrellis({ TRELLIS_AUTH_RATE_LIMIT: '600' }), launchBrowser()]);
    ({ page, problems } = await openStudio(browser, trellis.baseUrl, '/data/company', { as: null }));
  });
  afterAll(async () => {
    await browser?.close();
    await trellis?.stop();
  });
  afterEach(() => {
    expect(unexpected(problems ?? [])).toEqual([]);
  });

  const nav = () => page.getByRole('navigation', { name: 'Main' });
  const dialog = () => page.getByRole('dialog');
  const signInForm = async (email: string, password: string) => {
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
  };
  const signOut = async () => {
    await page.getByRole('button', { name: /^Account:/ }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await see(page.getByRole('heading', { name: 'Sign in to Trellis' }));
  };

  it('refuses a wrong password with a clear message, then signs in and returns to the page asked for', async () => {
    await see(page.getByRole('heading', { name: 'Sign in to Trellis' }));
    await shot(page, 'sign-in');
    await signInForm(ADMIN.email, 'not-the-right-password');
    await see(page.getByRole('alert').filter({ hasText: 'The email or the password is wrong.' }));
    expect(await page.getByLabel('Password', { exact: true }).inputValue()).toBe('');
    await shot(page, 'sign-in-wrong-password');

    await signInForm(ADMIN.email, ADMIN.password);
    await see(nav().getByRole('heading', { name: 'Administration' }));
    await see(page.getByRole('heading', { name: 'Companies', level: 1 }));
    expect(page.url()).toMatch(/#\/data\/company$/);
    await see(nav().getByRole('link', { name: 'Entities' }));
  });

  it('creates a team', async () => {
    await nav().getByRole('link', { name: 'Teams' }).click();
    await see(page.getByRole('heading', { name: 'Teams', level: 1 }));
    await page.getByRole('button', { name: 'New team' }).click();
    await dialog().getByLabel('Name').fill('Sales EMEA');
    await shot(page, 'new-team');
    await dialog().getByRole('button', { name: 'Create team' }).click();
    await gone(dialog());
    await see(page.getByRole('table', { name: 'Teams' }).getByRole('row').filter({ hasText: 'Sales EMEA' }));
  });

  it('invites a user with a role and a team', async () => {
    await nav().getByRole('link', { name: 'Users' }).click();
    await see(page.getByRole('heading', { name: 'Users', level: 1 }));
    await page.getByRole('button', { name: 'Invite user' }).click();
    await dialog().getByLabel('Name').fill(REP.name);
    await dialog().getByLabel('Email').fill(REP.email);
    await dialog().getByRole('checkbox', { name: /^Sales rep/ }).check();
    await dialog().getByRole('checkbox', { name: /^Sales EMEA/ }).check();
    await shot(page, 'invite-user');
    await dialog().getByRole('button', { name: 'Send invitation' }).click();
    await gone(dialog());
    await see(page.getByText(`Invitation sent to ${REP.email}`));

    const row = page.getByRole('table', { name: 'Users' }).getByRole('row').filter({ hasText: REP.email });
    await see(row);
    expect(await row.innerText()).toMatch(/Sales rep[\s\S]*Sales EMEA[\s\S]*Active[\s\S]*Never/);
    await shot(page, 'users');
  });

  it('creates an API key whose secret is shown once and works as a bearer token', async () => {
    await nav().getByRole('link', { name: 'API keys' }).click();
    await page.getByRole('button', { name: 'Create API key' }).click();
    await dialog().getByLabel('Name').fill('Billing sync');
    await dialog().getByLabel('Role').selectOption({ label: 'Sales rep' });
    await dialog().getByRole('button', { name: 'Create key' }).click();
    await see(dialog().getByRole('heading', { name: 'Copy your API key' }));
    const secret = (await dialog().getByLabel('API key secret').innerText()).trim();
    expect(secret).toMatch(/^trk_/);
    await see(dialog().getByText('This is the only time the key is shown.'));
    await shot(page, 'api-key-secret');

    const answer = await fetch(new URL('/graphql', trellis.baseUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(answer.status).toBe(200);

    await dialog().getByRole('button', { name: 'I have stored the key' }).click();
    await gone(dialog());
    const row = page.getByRole('table', { name: 'API keys' }).getByRole('row').filter({ hasText: 'Billing sync' });
    await see(row);
    expect(await row.innerText()).toMatch(/Sales rep[\s\S]*Active/);
    expect(await page.locator('main').innerText()).not.toContain(secret);
    await shot(page, 'api-keys');
  });

  it('shows the invitation in the Mail outbox, and signs out', async () => {
    await nav().getByRole('link', { name: 'Mail outbox' }).click();
    const mail = page.getByRole('listitem').filter({ hasText: 'You are invited to Trellis' }).filter({ hasText: REP.email });
    await see(mail);
    invitationLink = (await mail.locator('a.mail-link').first().getAttribute('href')) ?? '';
    expect(invitationLink).toMatch(/\/#\/reset-password\?token=/);
    await shot(page, 'mail-outbox');
    await signOut();
    await see(page.getByText('You are signed out.'));
    await shot(page, 'signed-out');
  });

  it('lets the invited user choose a password from the link, with the rules ticked as they are met', async () => {
    await page.goto(invitationLink);
    await see(page.getByRole('heading', { name: 'Set your password' }));
    const rules = page.getByRole('list', { name: 'Password requirements' });
    await page.getByLabel('New password').fill('password');
    expect(await rules.locator('li.met').count()).toBe(0);
    await page.getByRole('button', { name: 'Set password' }).click();
    await see(page.getByText('The password does not meet the requirements below.'));
    await page.getByLabel('New password').fill(REP.password);
    await page.getByLabel('Confirm password').fill(REP.password);
    await eventually(() => rules.locator('li.met').count(), (n) => n === 2);
    await shot(page, 'set-password');
    await page.getByRole('button', { name: 'Set password' }).click();
    await see(page.getByText('Your password is set. Sign in with it.'));
  });

  it('signs the new user in, without studio or administration', async () => {
    await signInForm(REP.email, REP.password);
    await see(nav().getByRole('heading', { name: 'Data' }));
    await see(page.getByRole('button', { name: `Account: ${REP.name}` }));
    expect(await nav().getByRole('heading').allTextContents()).toEqual(['Data']);
    await page.getByRole('button', { name: `Account: ${REP.name}` }).click();
    await see(page.getByRole('menuitem', { name: 'Change password' }));
    await page.getByRole('menu').evaluate((menu) => Promise.all(menu.getAnimations().map((a) => a.finished)));
    await shot(page, 'sales-rep');
    await page.keyboard.press('Escape');

    await page.goto(new URL('/#/admin/users', trellis.baseUrl).href);
    await see(page.getByRole('heading', { name: 'No access' }));
    await signOut();
  });

  it('locks the user out after repeated wrong passwords, until an administrator unlocks them', async () => {
    await eventually(
      async () => {
        await signInForm(REP.email, 'wrong-password-again');
        await see(page.getByRole('alert'));
        return page.getByRole('alert').innerText();
      },
      (text) => /Too many failed sign-ins/.test(text),
      30_000,
    );
    await see(page.getByRole('alert').filter({ hasText: /Try again in 1 minute/ }));
    await shot(page, 'locked-out');

    const admin = await openStudio(browser, trellis.baseUrl, '/admin/users');
    try {
      const row = admin.page.getByRole('table', { name: 'Users' }).getByRole('row').filter({ hasText: REP.email });
      await see(row.getByText('Locked'));
      await row.getByRole('link').first().click();
      await see(admin.page.getByText(/Locked out after repeated failed sign-ins/));
      await shot(admin.page, 'user-locked');
      await admin.page.getByRole('button', { name: 'Unlock' }).click();
      await see(admin.page.getByText(`${REP.name} is unlocked`));
      await gone(admin.page.getByRole('button', { name: 'Unlock' }));

      await admin.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Security log' }).click();
      const log = admin.page.getByRole('table', { name: 'Security events' });
      await see(log.getByText('Locked out').first());
      await admin.page.getByLabel('Event kind').selectOption({ label: 'Sign-in failed' });
      await eventually(() => texts(log.locator('tbody tr td:nth-child(2)')), (kinds) => kinds.length > 0 && kinds.every((k) => k === 'Sign-in failed'));
      await shot(admin.page, 'security-log');
      expect(unexpected(admin.problems)).toEqual([]);
    } finally {
      await admin.page.context().close();
    }

    await signInForm(REP.email, REP.password);
    await see(page.getByRole('button', { name: `Account: ${REP.name}` }));
  });
});

describe('identity: first run', () => {
  let trellis: RunningTrellis;
  let browser: Browser;

  beforeAll(async () => {
    // No TRELLIS_ADMIN_* variables: the first person to open the studio creates the administrator.
    [trellis, browser] = await Promise.all([startTrellis({ TRELLIS_ADMIN_EMAIL: '', TRELLIS_ADMIN_PASSWORD: '' }), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await trellis?.stop();
  });

  it('asks for the first administrator, with live password hints, and signs them in', async () => {
    const shot = screenshots('identity-first-run');
    const { page, problems } = await openStudio(browser, trellis.baseUrl, '/', { as: null });
    await see(page.getByRole('heading', { name: 'Create the first administrator' }));
    await page.getByLabel('Name').fill('Ada Lovelace');
    await page.getByLabel('Email').fill('ada@trellis.test');
    await page.getByLabel('Password', { exact: true }).fill('ada-analytical');
    const rules = page.getByRole('list', { name: 'Password requirements' });
    expect(await rules.locator('li:not(.met)').innerText()).toMatch(/email/);
    await page.getByLabel('Password', { exact: true }).fill('analytical-engine-1843');
    await page.getByLabel('Confirm password').fill('analytical-engine-1843');
    await eventually(() => rules.locator('li.met').count(), (n) => n === 3);
    await shot(page, 'form');
    await page.getByRole('button', { name: 'Create administrator and sign in' }).click();
    await see(page.getByRole('button', { name: 'Account: Ada Lovelace' }));
    await see(page.getByRole('navigation', { name: 'Main' }).getByRole('heading', { name: 'Administration' }));
    await shot(page, 'signed-in');
    expect(unexpected(problems)).toEqual([]);
  });
});
