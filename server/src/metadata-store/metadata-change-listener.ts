/**
 * LISTENs on the metadata channel, so an instance hears publishes made by the others sharing the database.
 * After a reconnect it reports `null` (notifications may have been missed: drop every cache).
 */
import type pg from 'pg';
import { ChannelListener } from '../database/channel-listener.js';
import { METADATA_CHANNEL } from './metadata-store.types.js';

export interface MetadataNotification {
  workspace: string;
  version: number;
}

export function metadataChangeListener(
  connect: () => Promise<pg.Client>,
  onChange: (notification: MetadataNotification | null) => void,
  onError: (error: unknown) => void,
): ChannelListener {
  return new ChannelListener(METADATA_CHANNEL, connect, {
    onPayload: (payload) => {
      if (!payload) return;
      try {
        const parsed = JSON.parse(payload) as MetadataNotification;
        if (typeof parsed.workspace === 'string' && Number.isInteger(parsed.version)) onChange(parsed);
      } catch (error) {
        onError(error);
      }
    },
    onReconnect: () => onChange(null),
    onError,
  });
}
