import type { IncomingMessage } from 'node:http';
import type { RequestContext } from '../common/request-context.js';
import type { RecordService } from '../records/record.service.js';

/** What the generated API's resolvers need: who asks, and the record service to ask. */
export interface DataApiContext {
  request: RequestContext;
  /** The HTTP request (for the security log's client address). */
  req?: IncomingMessage;
  records: Pick<RecordService, 'get' | 'list' | 'create' | 'createMany' | 'update' | 'delete'>;
}
