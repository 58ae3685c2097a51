import type { RequestContext } from '../common/request-context.js';
import type { RecordService } from '../records/record.service.js';

/** What the generated API's resolvers need: who asks, and the record service to ask. */
export interface DataApiContext {
  request: RequestContext;
  records: Pick<RecordService, 'get' | 'list' | 'create' | 'createMany' | 'update' | 'delete'>;
}
