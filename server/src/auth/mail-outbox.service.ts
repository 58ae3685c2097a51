/**
 * Outgoing mail (trellis.mail_outbox): invitations, reset links and workflow emails are written here (in the
 * writer's transaction), then sent by the delivery loop (mail/mail-delivery.service.ts) when a transport is
 * configured. Without one the outbox is the record: the studio shows it to admins, so invitations and reset
 * links are usable on a machine without a mail server.
 */
import { Injectable } from '@nestjs/common';
import type pg from 'pg';
import { DatabaseService } from '../database/database.service.js';

export type MailStatus = 'pending' | 'sent' | 'failed';

export interface OutboxMail {
  id: string;
  to: string;
  subject: string;
  body: string;
  createdAt: Date;
  status: MailStatus;
  attempts: number;
  sentAt: Date | null;
  error: string | null;
}

export interface NewMail {
  to: string;
  subject: string;
  body: string;
}

type Db = Pick<pg.ClientBase, 'query'>;

@Injectable()
export class MailOutboxService {
  constructor(private readonly database: DatabaseService) {}

  async send(mail: NewMail, client: Db = this.database.pool): Promise<void> {
    await this.enqueue([mail], client);
  }

  /** Queues the mails for delivery (on `client`: they go out only if the caller's transaction commits); their ids. */
  async enqueue(mails: NewMail[], client: Db = this.database.pool, workflowRunId: string | null = null): Promise<string[]> {
    if (mails.length === 0) return [];
    const { rows } = await client.query(
      `INSERT INTO trellis.mail_outbox (to_address, subject, body, workflow_run_id)
       SELECT m.to_address, m.subject, m.body, $4 FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS m(to_address, subject, body, n)
       ORDER BY m.n RETURNING id::text`,
      [mails.map((m) => m.to), mails.map((m) => m.subject), mails.map((m) => m.body), workflowRunId],
    );
    return rows.map((r) => r.id as string);
  }

  async list(first = 20): Promise<OutboxMail[]> {
    const { rows } = await this.database.pool.query(
      `SELECT id::text, to_address, subject, body, created_at, status, attempts, sent_at, error FROM trellis.mail_outbox ORDER BY id DESC LIMIT $1`,
      [Math.min(Math.max(first, 1), 500)],
    );
    return rows.map((r) => ({
      id: r.id,
      to: r.to_address,
      subject: r.subject,
      body: r.body,
      createdAt: r.created_at,
      status: r.status,
      attempts: r.attempts,
      sentAt: r.sent_at,
      error: r.error,
    }));
  }
}
