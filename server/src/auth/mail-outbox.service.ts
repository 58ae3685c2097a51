/**
 * Outgoing mail (trellis.mail_outbox). Nothing sends it yet: the studio shows the outbox to admins, so
 * invitations and reset links are usable on a machine without a mail server.
 */
import { Injectable } from '@nestjs/common';
import type pg from 'pg';
import { DatabaseService } from '../database/database.service.js';

export interface OutboxMail {
  id: string;
  to: string;
  subject: string;
  body: string;
  createdAt: Date;
}

@Injectable()
export class MailOutboxService {
  constructor(private readonly database: DatabaseService) {}

  async send(mail: { to: string; subject: string; body: string }, client: pg.Pool | pg.PoolClient = this.database.pool): Promise<void> {
    await client.query(`INSERT INTO trellis.mail_outbox (to_address, subject, body) VALUES ($1, $2, $3)`, [mail.to, mail.subject, mail.body]);
  }

  async list(first = 20): Promise<OutboxMail[]> {
    const { rows } = await this.database.pool.query(
      `SELECT id::text, to_address, subject, body, created_at FROM trellis.mail_outbox ORDER BY id DESC LIMIT $1`,
      [Math.min(Math.max(first, 1), 500)],
    );
    return rows.map((r) => ({ id: r.id, to: r.to_address, subject: r.subject, body: r.body, createdAt: r.created_at }));
  }
}
