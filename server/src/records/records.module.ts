import { Global, Module } from '@nestjs/common';
import { RecordService } from './record.service.js';

/** Global: the generated API, packs (seed data) and later workflows all write records through RecordService. */
@Global()
@Module({ providers: [RecordService], exports: [RecordService] })
export class RecordsModule {}
