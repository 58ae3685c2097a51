/** A record's history and its manual shares, on the /metadata API (the server checks the reader may see the record). */
import type { RecordChange } from '../data/history-format.js';
import { metadataClient } from './graphql-client.js';

export type { RecordChange } from '../data/history-format.js';

export interface RecordShare {
  id: string;
  userId: string | null;
  userName: string | null;
  userEmail: string | null;
  teamId: string | null;
  teamName: string | null;
  /** `read` or `edit`. */
  access: string;
  createdAt: string;
}

export const HISTORY_PAGE = 20;

export async function fetchRecordHistory(entity: string, id: string, before?: string): Promise<RecordChange[]> {
  const data = await metadataClient.request<{ recordHistory: RecordChange[] }>(
    `query RecordHistory($entity: String!, $id: ID!, $first: Int, $before: ID) {
      recordHistory(entity: $entity, id: $id, first: $first, before: $before) { id at action actor actorName source changes }
    }`,
    { entity, id, first: HISTORY_PAGE, before: before ?? null },
  );
  return data.recordHistory;
}

const SHARE_FIELDS = 'id userId userName userEmail teamId teamName access createdAt';

export async function fetchRecordShares(entity: string, id: string): Promise<RecordShare[]> {
  const data = await metadataClient.request<{ recordShares: RecordShare[] }>(
    `query RecordShares($entity: String!, $id: ID!) { recordShares(entity: $entity, id: $id) { ${SHARE_FIELDS} } }`,
    { entity, id },
  );
  return data.recordShares;
}

export async function shareRecord(entity: string, id: string, who: { userId?: string; teamId?: string }, access: 'read' | 'edit'): Promise<RecordShare> {
  const data = await metadataClient.request<{ shareRecord: RecordShare }>(
    `mutation ShareRecord($entity: String!, $id: ID!, $userId: ID, $teamId: ID, $access: String!) {
      shareRecord(entity: $entity, id: $id, userId: $userId, teamId: $teamId, access: $access) { ${SHARE_FIELDS} }
    }`,
    { entity, id, userId: who.userId ?? null, teamId: who.teamId ?? null, access },
  );
  return data.shareRecord;
}

export async function unshareRecord(shareId: string): Promise<void> {
  await metadataClient.request(`mutation UnshareRecord($shareId: ID!) { unshareRecord(shareId: $shareId) }`, { shareId });
}
