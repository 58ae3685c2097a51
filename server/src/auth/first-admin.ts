/**
 * The first administrator from the environment (TRELLIS_ADMIN_EMAIL + TRELLIS_ADMIN_PASSWORD, optional
 * TRELLIS_ADMIN_NAME), created only while no user exists. Without them the studio's first-run page does it.
 * There is never a default password.
 */
import type { INestApplicationContext } from '@nestjs/common';
import { AuthError } from './auth-error.js';
import { AuthService } from './auth.service.js';

export type FirstAdminOutcome = 'created' | 'users exist' | 'no user yet';

export async function ensureFirstAdmin(app: INestApplicationContext, env: NodeJS.ProcessEnv = process.env): Promise<FirstAdminOutcome> {
  const auth = app.get(AuthService);
  if (!(await auth.firstRun())) return 'users exist';
  const email = env['TRELLIS_ADMIN_EMAIL']?.trim();
  const password = env['TRELLIS_ADMIN_PASSWORD'];
  if (!email || !password) {
    if (email || password) throw new Error('Set both TRELLIS_ADMIN_EMAIL and TRELLIS_ADMIN_PASSWORD to create the first administrator (or neither).');
    return 'no user yet';
  }
  try {
    await auth.createFirstAdmin({ email, password, name: env['TRELLIS_ADMIN_NAME']?.trim() || 'Administrator' });
  } catch (error) {
    if (error instanceof AuthError && error.code === 'ALREADY_SET_UP') return 'users exist'; // another instance was faster
    if (error instanceof AuthError) throw new Error(`TRELLIS_ADMIN_EMAIL / TRELLIS_ADMIN_PASSWORD: ${error.message}`);
    throw error;
  }
  return 'created';
}
