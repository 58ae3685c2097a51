import { Module, type DynamicModule } from '@nestjs/common';
import { RecordsModule } from '../records/records.module.js';
import { STARTER_PACK_OPTIONS, StarterPackService, type StarterPackOptions } from './starter-pack.service.js';

@Module({})
export class PacksModule {
  static forRoot(options: StarterPackOptions): DynamicModule {
    return {
      module: PacksModule,
      imports: [RecordsModule],
      providers: [{ provide: STARTER_PACK_OPTIONS, useValue: options }, StarterPackService],
      exports: [StarterPackService],
    };
  }
}
