import { Global, Module } from '@nestjs/common';
import { clockProvider, CLOCK } from './clock.js';
import { RecordService } from './record.service.js';
import { DerivedFieldsPublish } from './derived/derived-fields-publish.js';

/** Global: the generated API, packs (seed data) and later workflows all write records through RecordService. */
@Global()
@Module({ providers: [RecordService, clockProvider, DerivedFieldsPublish], exports: [RecordService, CLOCK] })
export class RecordsModule {}
