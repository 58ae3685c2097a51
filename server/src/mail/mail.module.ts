import { Module, type DynamicModule } from '@nestjs/common';
import { mailTransportFromEnv } from './mail-config.js';
import { MAIL_DELIVERY_OPTIONS, MailDeliveryService } from './mail-delivery.service.js';
import type { MailDeliveryOptions } from './mail-config.js';
import { MAIL_TRANSPORT, type MailTransport } from './mail-transport.js';

export interface MailOptions {
  /** The transport (tests: a MemoryMailTransport); null = outbox only; absent = from the environment (TRELLIS_SMTP_URL). */
  transport?: MailTransport | null;
  delivery?: Partial<MailDeliveryOptions>;
}

/** Delivery of the mail outbox through the configured transport. */
@Module({})
export class MailModule {
  static forRoot(options: MailOptions = {}): DynamicModule {
    return {
      module: MailModule,
      providers: [
        { provide: MAIL_TRANSPORT, useFactory: () => (options.transport !== undefined ? options.transport : mailTransportFromEnv()) },
        { provide: MAIL_DELIVERY_OPTIONS, useValue: options.delivery ?? {} },
        MailDeliveryService,
      ],
      exports: [MailDeliveryService, MAIL_TRANSPORT],
    };
  }
}
