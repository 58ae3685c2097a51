import { Module, type DynamicModule } from '@nestjs/common';
import type { PluginDefinition } from '@trellis/plugin-sdk';
import { AuthModule, type AuthOptions } from './auth/auth.module.js';
import { AuditModule } from './audit/audit.module.js';
import { InboxModule } from './inbox/inbox.module.js';
import { MailModule, type MailOptions } from './mail/mail.module.js';
import { WorkflowPluginsModule } from './workflows/steps/steps.module.js';
import { WorkflowsModule } from './workflows/workflows.module.js';
import type { WorkflowOptionsInput } from './workflows/workflow-options.js';
import { HealthController } from './common/health.controller.js';
import { DatabaseModule } from './database/database.module.js';
import { MetadataApiModule } from './metadata-store/metadata-api.module.js';
import { MetadataStoreModule } from './metadata-store/metadata-store.module.js';
import { PacksModule } from './packs/packs.module.js';
import { DataApiModule } from './schema/data-api.module.js';

export interface AppOptions {
  databaseUrl: string;
  /** Install the starter sales pack into an empty workspace on startup (default: env TRELLIS_STARTER_PACK !== '0'). */
  starterPack?: boolean;
  /** Sign-in, session and rate-limit settings over the environment's, and the auth clock (tests). */
  auth?: AuthOptions;
  /** Workflow engine settings over the environment's (tests: short leases, fast polling, a clock, fake executors). */
  workflows?: WorkflowOptionsInput;
  /**
   * Plugins to load (actions, operations, hooks), with the npm packages named in env TRELLIS_PLUGINS and the built
   * `"trellis": { "plugin": true }` packages under plugins/; one that fails to load is disabled with a log line.
   */
  plugins?: PluginDefinition[];
  /** The folder whose built plugin packages are loaded (default: the repository's plugins/; null: none). */
  pluginsDir?: string | null;
  /** The mail transport and delivery settings (default: SMTP when TRELLIS_SMTP_URL is set, else outbox only). */
  mail?: MailOptions;
}

/** The whole server: database, identities + /auth, metadata store + /metadata API, generated /graphql API, packs. */
@Module({})
export class AppModule {
  static forRoot(options: AppOptions): DynamicModule {
    const starterPack = options.starterPack ?? process.env['TRELLIS_STARTER_PACK'] !== '0';
    return {
      module: AppModule,
      imports: [
        DatabaseModule.forRoot({ url: options.databaseUrl }),
        AuthModule.forRoot(options.auth),
        MetadataStoreModule,
        MetadataApiModule,
        DataApiModule,
        AuditModule,
        InboxModule,
        MailModule.forRoot(options.mail),
        WorkflowPluginsModule.forRoot(options.plugins, options.pluginsDir),
        WorkflowsModule.forRoot(options.workflows),
        PacksModule.forRoot({ starterPack }),
      ],
      controllers: [HealthController],
    };
  }
}
