import { Global, Module, type DynamicModule } from '@nestjs/common';
import { DATABASE_OPTIONS, DatabaseService, type DatabaseOptions } from './database.service.js';

/** Global: every module can inject DatabaseService (pool + dataSource). */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(options: DatabaseOptions): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        { provide: DATABASE_OPTIONS, useValue: options },
        { provide: DatabaseService, useFactory: () => DatabaseService.create(options) },
      ],
      exports: [DatabaseService, DATABASE_OPTIONS],
    };
  }
}
