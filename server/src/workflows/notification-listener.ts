/**
 * LISTENs on `trellis_workflow`: the outbox trigger says "event", a new or re-queued run says "run" (from any
 * instance). A reconnect reports both kinds, since notifications may have been missed meanwhile (the engine's
 * poll catches up in any case).
 */
import type pg from 'pg';
import { ChannelListener } from '../database/channel-listener.js';

export const WORKFLOW_CHANNEL = 'trellis_workflow';

export type WorkflowNotification = 'event' | 'run';

export function workflowNotificationListener(
  connect: () => Promise<pg.Client>,
  onNotification: (kind: WorkflowNotification) => void,
  onError: (error: unknown) => void,
): ChannelListener {
  return new ChannelListener(WORKFLOW_CHANNEL, connect, {
    onPayload: (payload) => onNotification(payload === 'run' ? 'run' : 'event'),
    onReconnect: () => {
      onNotification('event');
      onNotification('run');
    },
    onError,
  });
}
