/**
 * Password-reset tokens (trellis.password_reset): single use, time-limited, stored as SHA-256. Also the
 * invitation of a user created without a password (a longer-lived reset link).
 */
import { Inject, Injectable } from '@nestjs/common';
import type pg from 'pg';
import { DatabaseService } from '../database/database.service.js';
import { AUTH_CLOCK, type Clock } from './auth-clock.js';
import { MailOutboxService } from './mail-outbox.service.js';
import { hashToken, randomToken, sameHash } from './tokens.js';

export const INVITATION_VALIDITY_MS = 7 * 24 * 3_600_000;

@Injectable()
export class PasswordResetsService {
  constructor(
    private readonly database: DatabaseService,
    private readonly outbox: MailOutboxService,
    @Inject(AUTH_CLOCK) private readonly clock: Clock,
  ) {}

  /** Issues a token and puts the mail with its link in the outbox. */
  async send(
    user: { id: string; email: string; name: string },
    options: { origin: string; validForMs: number; invitation?: boolean },
    db: pg.Pool | pg.PoolClient = this.database.pool,
  ): Promise<void> {
    const token = randomToken();
    const now = this.clock();
    await db.query(`INSERT INTO trellis.password_reset (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)`, [
      hashToken(token),
      user.id,
      now,
      new Date(now.getTime() + options.validForMs),
    ]);
    const link = `${options.origin}/#/reset-password?token=${encodeURIComponent(token)}`;
    const hours = Math.round(options.validForMs / 3_600_000);
    const validity = hours >= 48 ? `${Math.round(hours / 24)} days` : `${hours} hour${hours === 1 ? '' : 's'}`;
    await this.outbox.send(
      options.invitation
        ? {
            to: user.email,
            subject: 'You are invited to Trellis',
            body: `Hello ${user.name},\n\nan account was created for you on Trellis. Choose your password here (the link is valid for ${validity}):\n\n${link}\n`,
          }
        : {
            to: user.email,
            subject: 'Reset your Trellis password',
            body: `Hello ${user.name},\n\nsomeone (hopefully you) asked to reset your Trellis password. Choose a new one here (the link is valid for ${validity} and works once):\n\n${link}\n\nIf you did not ask for this, ignore this mail: your password stays as it is.\n`,
          },
      db,
    );
  }

  /** Marks the token used and returns its user, or null when it is unknown, used or expired. */
  async consume(token: string, client: pg.PoolClient): Promise<string | null> {
    const key = hashToken(token);
    const { rows } = await client.query(
      `UPDATE trellis.password_reset SET used_at = $2 WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2 RETURNING token_hash, user_id::text`,
      [key, this.clock()],
    );
    const row = rows[0];
    return row && sameHash(row.token_hash, key) ? row.user_id : null;
  }
}
