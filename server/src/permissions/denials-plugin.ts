/**
 * Every FORBIDDEN answer of either GraphQL API goes to the security log as `permission-denied`, with who was
 * refused what (entity, field, operation or capability, from the error's extensions) — admins see attempts
 * to reach past one's rights in Administration → Security log.
 */
import type { IncomingMessage } from 'node:http';
import type { ApolloServerPlugin } from '@apollo/server';
import type { SecurityLogService } from '../auth/security-log.service.js';
import { clientIp } from '../auth/http-request-info.js';
import { requestActor } from '../common/request-context.js';

const DETAIL_KEYS = ['entity', 'field', 'operation', 'capability'] as const;

export function permissionDenialsPlugin(log: Pick<SecurityLogService, 'record'>, api: '/graphql' | '/metadata', trustProxy: boolean): ApolloServerPlugin<{ req?: IncomingMessage }> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          const req = contextValue.req;
          const known = req ? requestActor(req) : undefined;
          for (const error of errors) {
            if (error.extensions?.['code'] !== 'FORBIDDEN') continue;
            const detail: Record<string, unknown> = { api, message: error.message };
            if (error.path) detail['path'] = error.path.join('.');
            for (const key of DETAIL_KEYS) if (error.extensions[key] !== undefined) detail[key] = error.extensions[key];
            log.record({
              kind: 'permission-denied',
              userId: known?.actor.userId ?? null,
              apiKeyId: known?.actor.kind === 'apiKey' ? known.actor.id : null,
              email: known?.actor.email ?? null,
              ip: req ? clientIp(req, trustProxy) : null,
              detail,
            });
          }
        },
      };
    },
  };
}
