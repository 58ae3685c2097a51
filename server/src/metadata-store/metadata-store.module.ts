import { Global, Module } from '@nestjs/common';
import { MetadataStoreService } from './metadata-store.service.js';

/** Global: the schema builder, record service and packs all read the current document. */
@Global()
@Module({ providers: [MetadataStoreService], exports: [MetadataStoreService] })
export class MetadataStoreModule {}
