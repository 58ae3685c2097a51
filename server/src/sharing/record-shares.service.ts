/**
 * Manual sharing of one record with a user or a team (Salesforce's "Sharing" button): a share widens the read
 * scope — and with `edit`, the update scope — of people whose roles grant the object right at all
 * (permissions/record-access.ts). Who may share: whoever may change the record.
 */
import { Injectable } from '@nestjs/common';
import { actorLabel, type RequestContext } from '../common/request-context.js';
import { DatabaseService } from '../database/database.service.js';
import { isUuid } from '../records/compile-filter.js';
import { entityOf, type DataModel, type EntityModel } from '../records/data-model.js';
import { badUserInput, notFound } from '../records/record-errors.js';
import { RecordService } from '../records/record.service.js';
import { AliasSource, SqlParams } from '../records/sql.js';
import { forbidden } from '../permissions/forbidden.js';

export type ShareAccess = 'read' | 'edit';

export interface RecordShareEntry {
  id: string;
  userId: string | null;
  userName: string | null;
  userEmail: string | null;
  teamId: string | null;
  teamName: string | null;
  access: ShareAccess;
  createdAt: Date;
}

const SHARE_COLUMNS = `s.id::text AS id, s.user_id::text AS "userId", u.name AS "userName", u.email AS "userEmail",
  s.team_id::text AS "teamId", t.name AS "teamName", s.access, s.created_at AS "createdAt"`;
const SHARE_JOINS = `LEFT JOIN "trellis"."user" u ON u.id = s.user_id LEFT JOIN "trellis"."team" t ON t.id = s.team_id`;

@Injectable()
export class RecordSharesService {
  constructor(
    private readonly database: DatabaseService,
    private readonly records: RecordService,
  ) {}

  async list(ctx: RequestContext, entity: string, id: string): Promise<RecordShareEntry[]> {
    const { e } = await this.readable(ctx, entity, id);
    const { rows } = await this.database.pool.query<RecordShareEntry>(
      `SELECT ${SHARE_COLUMNS} FROM "trellis"."record_share" s ${SHARE_JOINS}
        WHERE s.table_oid = $1::text::regclass AND s.record_id = $2 ORDER BY s.created_at, s.id`,
      [e.table, id],
    );
    return rows;
  }

  async share(ctx: RequestContext, entity: string, id: string, grantee: { userId?: string | null; teamId?: string | null }, access: string): Promise<RecordShareEntry> {
    if (access !== 'read' && access !== 'edit') throw badUserInput(`access must be "read" or "edit" (got ${JSON.stringify(access)})`);
    const userId = grantee.userId ?? null;
    const teamId = grantee.teamId ?? null;
    if ((userId === null) === (teamId === null)) throw badUserInput('Share with exactly one of userId or teamId');
    if (!isUuid(userId ?? teamId)) throw badUserInput(`${userId !== null ? 'userId' : 'teamId'} must be an id`);
    const { e } = await this.changeable(ctx, entity, id);
    const exists = await this.database.pool.query(
      userId !== null ? `SELECT 1 FROM "trellis"."user" WHERE id = $1 AND active` : `SELECT 1 FROM "trellis"."team" WHERE id = $1`,
      [userId ?? teamId],
    );
    if (exists.rowCount === 0) throw badUserInput(userId !== null ? `No active user with id ${userId}` : `No team with id ${teamId}`);
    const grantee_column = userId !== null ? 'user_id' : 'team_id';
    const { rows } = await this.database.pool.query<{ id: string }>(
      `INSERT INTO "trellis"."record_share" (table_oid, record_id, ${grantee_column}, access, created_by)
       VALUES ($1::text::regclass, $2, $3, $4, $5)
       ON CONFLICT (table_oid, record_id, ${grantee_column}) WHERE ${grantee_column} IS NOT NULL DO UPDATE SET access = EXCLUDED.access
       RETURNING id::text`,
      [e.table, id, userId ?? teamId, access, actorLabel(ctx.actor)],
    );
    return this.byId(rows[0]!.id);
  }

  async unshare(ctx: RequestContext, shareId: string): Promise<boolean> {
    if (!isUuid(shareId)) throw notFound(`No share with id ${shareId}`);
    const { rows } = await this.database.pool.query<{ entity_table: string; record_id: string }>(
      `SELECT table_oid::regclass::text AS entity_table, record_id::text FROM "trellis"."record_share" WHERE id = $1`,
      [shareId],
    );
    const share = rows[0];
    if (!share) throw notFound(`No share with id ${shareId}`);
    const model = await this.records.model(ctx);
    const e = [...model.entities.values()].find((x) => sameTable(x.table, share.entity_table));
    if (!e) throw notFound(`No share with id ${shareId}`);
    await this.changeable(ctx, e.name, share.record_id);
    await this.database.pool.query(`DELETE FROM "trellis"."record_share" WHERE id = $1`, [shareId]);
    return true;
  }

  private async byId(shareId: string): Promise<RecordShareEntry> {
    const { rows } = await this.database.pool.query<RecordShareEntry>(`SELECT ${SHARE_COLUMNS} FROM "trellis"."record_share" s ${SHARE_JOINS} WHERE s.id = $1`, [shareId]);
    return rows[0]!;
  }

  private async readable(ctx: RequestContext, entity: string, id: string): Promise<{ model: DataModel; e: EntityModel }> {
    const model = await this.records.model(ctx);
    const e = entityOf(model, entity);
    const found = isUuid(id) ? await this.records.get(ctx, entity, id, { selection: { fields: [{ key: 'id', field: 'id' }] } }) : null;
    if (!found) throw notFound(`No ${e.label.toLowerCase()} with id ${id}`);
    return { model, e };
  }

  /** The record, when the actor may change it (sharing is a change of who sees it). */
  private async changeable(ctx: RequestContext, entity: string, id: string): Promise<{ model: DataModel; e: EntityModel }> {
    const { model, e } = await this.readable(ctx, entity, id);
    const access = this.records.compileOptions(ctx, model).access;
    if (!access || access.unrestricted) return { model, e };
    const params = new SqlParams([id]);
    const condition = access.scopeSql({ model, params, aliases: new AliasSource() }, e, 'update', 't');
    const { rows } = await this.database.pool.query<{ ok: boolean }>(`SELECT ${condition} AS ok FROM ${e.table} t WHERE t.id = $1`, params.values);
    if (rows[0]?.ok !== true) throw forbidden(`Only people who may change this ${e.label.toLowerCase()} can share it.`, { entity: e.name });
    return { model, e };
  }
}

/** `"main"."deal"` (how the model quotes) vs `main.deal` (how regclass prints): the same table? */
function sameTable(quoted: string, printed: string): boolean {
  return quoted.replace(/"/g, '') === printed.replace(/"/g, '');
}
