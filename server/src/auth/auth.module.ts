import { Global, Module, type DynamicModule } from '@nestjs/common';
import { systemClock } from '@trellis/runtime';
import { ApiKeysService } from './api-keys.service.js';
import { AUTH_CLOCK, AUTH_CONFIG, type Clock } from './auth-clock.js';
import { authConfigFromEnv, type AuthConfig } from './auth-config.js';
import { AuthController } from './auth.controller.js';
import { AuthHook } from './auth.hook.js';
import { AuthService } from './auth.service.js';
import { ApiKeyFieldsResolver, IdentityResolver, TeamFieldsResolver, UserFieldsResolver } from './identity.resolver.js';
import { MailOutboxService } from './mail-outbox.service.js';
import { PasswordResetsService } from './password-resets.service.js';
import { RateLimits } from './rate-limits.js';
import { SecurityLogService } from './security-log.service.js';
import { SessionsService } from './sessions.service.js';
import { TeamsService } from './teams.service.js';
import { UserAdminService } from './user-admin.service.js';
import { UsersService } from './users.service.js';

export interface AuthOptions {
  /** Overrides of the environment's settings (tests: rate limits, short sessions). */
  config?: Partial<AuthConfig>;
  /** The clock of sessions, lockouts, tokens and rate limits (tests move it forward). */
  clock?: Clock;
}

const SERVICES = [
  UsersService,
  TeamsService,
  SessionsService,
  ApiKeysService,
  PasswordResetsService,
  MailOutboxService,
  SecurityLogService,
  AuthService,
  UserAdminService,
  RateLimits,
  AuthHook,
];

/** Users, sessions, API keys and the /auth endpoints. Global: the permission service and others read identities. */
@Global()
@Module({})
export class AuthModule {
  static forRoot(options: AuthOptions = {}): DynamicModule {
    return {
      module: AuthModule,
      controllers: [AuthController],
      providers: [
        { provide: AUTH_CONFIG, useValue: { ...authConfigFromEnv(), ...options.config } },
        { provide: AUTH_CLOCK, useValue: options.clock ?? systemClock },
        ...SERVICES,
      ],
      exports: [AUTH_CONFIG, AUTH_CLOCK, ...SERVICES],
    };
  }
}

/** The identity part of the /metadata GraphQL API (included by MetadataApiModule's GraphQLModule). */
@Module({ providers: [IdentityResolver, UserFieldsResolver, TeamFieldsResolver, ApiKeyFieldsResolver] })
export class IdentityResolversModule {}
