import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { MetadataDocument, MigrationPlan } from '@trellis/metadata';
import type { DiffChange } from '@trellis/metadata';

/** One published version of a workspace's metadata document (trellis.metadata_version). */
@Entity({ name: 'metadata_version', schema: 'trellis' })
export class MetadataVersionEntity {
  @PrimaryColumn({ type: 'text' })
  workspace!: string;

  @PrimaryColumn({ type: 'int' })
  version!: number;

  /** json, not jsonb: jsonb reorders object keys, and field order is what the designer shows. */
  @Column({ type: 'json' })
  document!: MetadataDocument;

  /** `${actor.kind}:${actor.id}` of the publisher. */
  @Column({ type: 'text' })
  author!: string;

  @Column({ type: 'text', nullable: true })
  message!: string | null;

  /** The diff from the previous version (DiffChange[]). */
  @Column({ type: 'jsonb' })
  changes!: DiffChange[];

  /** The migration plan that was executed (MigrationPlan). */
  @Column({ type: 'jsonb' })
  plan!: MigrationPlan;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;
}
