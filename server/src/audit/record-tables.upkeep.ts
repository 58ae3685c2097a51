/**
 * Keeps every record table fitted for permissions and audit (record-tables.ts): inside each publish
 * transaction, and once at start-up for tables created before this capability existed.
 */
import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { DEFAULT_WORKSPACE } from '../common/request-context.js';
import { DatabaseService } from '../database/database.service.js';
import { MetadataStoreService } from '../metadata-store/metadata-store.service.js';
import { ensureRecordTables, renameHistoryColumns } from './record-tables.js';

@Injectable()
export class RecordTablesUpkeep implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger('RecordTables');

  constructor(
    private readonly store: MetadataStoreService,
    private readonly database: DatabaseService,
  ) {}

  onModuleInit(): void {
    this.store.extendPublish({
      afterSteps: async (client, document, workspace) => {
        await ensureRecordTables(client, workspace, Object.keys(document.entities));
      },
      // The history keeps changes by column: a renamed field's past changes follow it to its new name.
      steps: {
        renameColumn: async (step, client, _document, workspace) => {
          if (step.entity && step.renamedColumns) await renameHistoryColumns(client, workspace, step.entity, step.renamedColumns);
        },
      },
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    const current = await this.store.current(DEFAULT_WORKSPACE);
    const entities = Object.keys(current.document.entities);
    if (entities.length === 0) return;
    const changed = await this.database.transaction(async (client) => {
      // The publish lock: no publish reshapes these tables meanwhile (and two instances do this once).
      await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`trellis.metadata:${DEFAULT_WORKSPACE}`]);
      return ensureRecordTables(client, DEFAULT_WORKSPACE, entities);
    });
    if (changed.length > 0) this.logger.log(`Added owner/team columns and history triggers to: ${changed.join(', ')}`);
  }
}
