/**
 * The /auth REST endpoints (JSON in and out; errors `{ error: { code, message, fields? } }`):
 * session, first-run, sign-in, sign-out, password reset (request + complete), password change.
 * Not on the data API's fast path, so an ordinary Nest controller. The auth hook has already put the
 * caller's actor (if any) on the request and applied the CSRF rule to every write here.
 */
import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res, UseFilters } from '@nestjs/common';
import type { Request, Response } from 'express';
import { requestActor } from '../common/request-context.js';
import { AUTH_CONFIG } from './auth-clock.js';
import type { AuthConfig } from './auth-config.js';
import { AuthError } from './auth-error.js';
import { AuthErrorFilter } from './auth-error.filter.js';
import { AuthService, type SessionUser } from './auth.service.js';
import { clientInfo, isHttps, linkOrigin } from './http-request-info.js';
import { clearedSessionCookie, sessionCookie, sessionToken } from './session-cookie.js';
import { UsersService } from './users.service.js';

type Json = Record<string, unknown>;

@Controller('auth')
@UseFilters(AuthErrorFilter)
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
  ) {}

  @Get('session')
  async session(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<{ user: SessionUser | null; firstRun: boolean }> {
    res.setHeader('cache-control', 'no-store');
    const actor = requestActor(req)?.actor;
    const user = actor?.kind === 'user' ? await this.users.get(actor.id) : null;
    return { user: user ? await this.auth.sessionUser(user) : null, firstRun: user ? false : await this.auth.firstRun() };
  }

  @Post('first-run')
  @HttpCode(201)
  async firstRun(@Req() req: Request, @Res({ passthrough: true }) res: Response, @Body() body: Json = {}): Promise<{ user: SessionUser }> {
    const client = clientInfo(req, this.config.trustProxy);
    const user = await this.auth.createFirstAdmin({ email: body['email'] as string, name: body['name'] as string, password: body['password'] as string }, client);
    const signedIn = await this.auth.startSession(user, client);
    this.setCookie(req, res, signedIn.token);
    return { user: signedIn.user };
  }

  @Post('sign-in')
  @HttpCode(200)
  async signIn(@Req() req: Request, @Res({ passthrough: true }) res: Response, @Body() body: Json = {}): Promise<{ user: SessionUser }> {
    const signedIn = await this.auth.signIn({ email: body['email'], password: body['password'] }, clientInfo(req, this.config.trustProxy));
    this.setCookie(req, res, signedIn.token);
    return { user: signedIn.user };
  }

  @Post('sign-out')
  @HttpCode(204)
  async signOut(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    const token = sessionToken(req);
    const actor = requestActor(req)?.actor;
    if (token) await this.auth.signOut(token, actor?.kind === 'user' ? actor.id : null, clientInfo(req, this.config.trustProxy));
    res.setHeader('set-cookie', clearedSessionCookie(isHttps(req, this.config.trustProxy)));
  }

  @Post('password-reset')
  @HttpCode(202)
  async requestReset(@Req() req: Request, @Body() body: Json = {}): Promise<Json> {
    await this.auth.requestPasswordReset(body['email'], linkOrigin(req, this.config), clientInfo(req, this.config.trustProxy));
    return {};
  }

  @Post('password-reset/complete')
  @HttpCode(200)
  async completeReset(@Req() req: Request, @Body() body: Json = {}): Promise<Json> {
    await this.auth.completePasswordReset({ token: body['token'], password: body['password'] }, clientInfo(req, this.config.trustProxy));
    return {};
  }

  @Post('password')
  @HttpCode(200)
  async changePassword(@Req() req: Request, @Body() body: Json = {}): Promise<Json> {
    const actor = requestActor(req)?.actor;
    if (actor?.kind !== 'user') throw new AuthError(401, 'UNAUTHENTICATED', 'Sign in first to change your password.');
    await this.auth.changePassword(actor.id, { currentPassword: body['currentPassword'], newPassword: body['newPassword'] }, clientInfo(req, this.config.trustProxy));
    return {};
  }

  private setCookie(req: Request, res: Response, token: string): void {
    res.setHeader('set-cookie', sessionCookie(token, { secure: isHttps(req, this.config.trustProxy), maxAgeMs: this.config.sessionAbsoluteMs }));
    res.setHeader('cache-control', 'no-store');
  }
}
