import { Controller, Get, HttpCode } from '@nestjs/common';
import { DatabaseService } from '../database/database.service.js';
import { MetadataStoreService } from '../metadata-store/metadata-store.service.js';
import { DEFAULT_WORKSPACE } from './request-context.js';

/** GET /health: 200 with the current metadata version when the database answers. */
@Controller('health')
export class HealthController {
  constructor(
    private readonly database: DatabaseService,
    private readonly store: MetadataStoreService,
  ) {}

  @Get()
  @HttpCode(200)
  async health(): Promise<{ status: 'ok'; metadataVersion: number }> {
    await this.database.pool.query('SELECT 1');
    const current = await this.store.current(DEFAULT_WORKSPACE);
    return { status: 'ok', metadataVersion: current.version };
  }
}
