import { Module } from '@nestjs/common';

/** Tasks and in-app notifications: services and the /metadata API (STEPS helper). */
@Module({ providers: [], exports: [] })
export class InboxModule {}
