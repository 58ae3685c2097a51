/** GraphQL object types of the packs part of the /metadata API (code-first). */
import { Field, ObjectType } from '@nestjs/graphql';
import { JSONScalar } from '../metadata-store/json.scalar.js';
import { MetadataPreview } from '../metadata-store/metadata.types.js';

@ObjectType({ description: 'A pack available in plugins/ or a configured folder, or installed in this workspace.' })
export class PackInfo {
  @Field(() => String)
  name!: string;

  @Field(() => String, { description: 'The available version (the installed one when its folder is gone).' })
  version!: string;

  @Field(() => String, { nullable: true })
  label?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => String, { description: 'Where it was found, e.g. plugins/pack-service.' })
  origin!: string;

  @Field(() => String, { nullable: true })
  installedVersion?: string | null;

  @Field(() => JSONScalar, { nullable: true, description: '{ pack: semver range }' })
  dependencies?: unknown;

  @Field(() => Boolean)
  upgradeAvailable!: boolean;
}

@ObjectType({ description: 'A pack component the workspace already has with a different definition.' })
export class PackClash {
  @Field(() => String)
  path!: string;

  @Field(() => String)
  message!: string;
}

@ObjectType({ description: 'A property both the customer and the new pack version changed, differently.' })
export class PackConflict {
  @Field(() => String)
  path!: string;

  @Field(() => String)
  kind!: string;

  @Field(() => JSONScalar, { nullable: true })
  base?: unknown;

  @Field(() => JSONScalar, { nullable: true })
  theirs?: unknown;

  @Field(() => JSONScalar, { nullable: true })
  ours?: unknown;

  @Field(() => String)
  message!: string;
}

@ObjectType({ description: 'What installing, upgrading or uninstalling a pack would do.' })
export class PackPreview {
  @Field(() => String)
  pack!: string;

  @Field(() => String)
  version!: string;

  @Field(() => [String])
  installOrder!: string[];

  @Field(() => [PackClash])
  clashes!: PackClash[];

  @Field(() => [PackConflict])
  conflicts!: PackConflict[];

  @Field(() => JSONScalar, { description: 'Upgrade: the merge changes; uninstall: { removed: [pointer] }.' })
  changes!: unknown;

  @Field(() => MetadataPreview, { description: 'The plan of publishing the resulting document.' })
  plan!: MetadataPreview;

  @Field(() => JSONScalar, { nullable: true, description: 'Install, and an upgrade that installs new dependencies: seed records per entity (existing ones are skipped).' })
  seedCounts?: unknown;

  @Field(() => JSONScalar, { nullable: true, description: 'Uninstall: { entities: { name: rows }, fields: { "entity.field": values } }.' })
  dataLoss?: unknown;

  @Field(() => [String], { description: 'Uninstall: installed packs that depend on this one.' })
  blockedBy!: string[];
}
