import { Module } from '@nestjs/common';
import { RecordsModule } from '../records/records.module.js';
import { RecordSharesService } from '../sharing/record-shares.service.js';
import { AuditResolver } from './audit.resolver.js';
import { RecordHistoryService } from './record-history.service.js';
import { RecordTablesUpkeep } from './record-tables.upkeep.js';
import { RecordHistoryRetention } from './record-history-retention.js';

/** Record history, manual sharing, and the upkeep of the record tables they rely on. */
@Module({ imports: [RecordsModule], providers: [RecordTablesUpkeep, RecordHistoryRetention, RecordHistoryService, RecordSharesService, AuditResolver] })
export class AuditModule {}
