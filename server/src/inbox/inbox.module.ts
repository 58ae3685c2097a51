import { Module } from '@nestjs/common';
import { RecordsModule } from '../records/records.module.js';
import { InboxResolver } from './inbox.resolver.js';
import { NotificationsService } from './notifications.service.js';
import { TasksService } from './tasks.service.js';

/** Tasks and in-app notifications: the services workflow steps write through, and the /metadata API. */
@Module({ imports: [RecordsModule], providers: [TasksService, NotificationsService, InboxResolver], exports: [TasksService, NotificationsService] })
export class InboxModule {}
