import { Module, type DynamicModule } from '@nestjs/common';
import { RecordsModule } from '../records/records.module.js';
import { PacksResolver } from './packs.resolver.js';
import { PacksService } from './packs.service.js';
import { STARTER_PACK_OPTIONS, StarterPackService, type StarterPackOptions } from './starter-pack.service.js';

/** Packs: the service, the /metadata resolver (see metadata-api.module.ts) and the starter pack's boot install. */
@Module({})
export class PacksModule {
  static forRoot(options: StarterPackOptions): DynamicModule {
    return {
      module: PacksModule,
      imports: [RecordsModule],
      providers: [{ provide: STARTER_PACK_OPTIONS, useValue: options }, PacksService, PacksResolver, StarterPackService],
      exports: [StarterPackService, PacksService],
    };
  }
}
