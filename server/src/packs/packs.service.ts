/**
 * Packs in a workspace: list what is available and installed, install (dependencies first, clashes reported and
 * chosen), upgrade (3-way merge: base = the pack as installed, theirs = the new version, ours = the workspace now;
 * the dependencies a new version adds are installed first, like an install's),
 * uninstall (what nothing else needs, after a data-loss preview) and export. Every change is ONE publish through
 * the metadata store: the document, the DDL, the seed records and the pack_install rows commit together.
 */
import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { mergeDocuments, resolveConflicts, MergeResolutionError, type MergeDecisions, type MergeResult, type MetadataDocument } from '@trellis/metadata';
import type { LoadedPack, PluginDefinition } from '@trellis/plugin-sdk';
import semver from 'semver';
import { actorLabel, systemContext, type RequestContext } from '../common/request-context.js';
import { DatabaseService } from '../database/database.service.js';
import { MetadataStoreService } from '../metadata-store/metadata-store.service.js';
import type { MetadataPreview, PublishedVersion } from '../metadata-store/metadata-store.types.js';
import { RecordService } from '../records/record.service.js';
import { combineForInstall, type ClashChoices, type PackClash } from './combine-for-install.js';
import { countDataLoss, type DataLoss } from './count-data-loss.js';
import { dependenciesFirst } from './dependencies-first.js';
import { exportPackFiles, type ExportedFile } from './export-pack.js';
import { installOrder } from './install-order.js';
import { componentOrigins } from './pack-components.js';
import { packError } from './pack-errors.js';
import { deleteInstall, readInstalls, writeInstall, type PackInstall } from './pack-install.repository.js';
import { loadAvailablePacks, type AvailablePack } from './pack-sources.js';
import { planUninstall } from './plan-uninstall.js';
import { alreadySeeded, seedIdempotently } from './seed-idempotently.js';
import { seedProblems, withSeedProblems } from './seed-problems.js';
import { upgradeDependencies } from './upgrade-dependencies.js';
import { upgradeSides } from './upgrade-sides.js';
import { WORKFLOW_PLUGINS } from '../workflows/steps/plugin-actions.js';

export interface PackInfo {
  name: string;
  version: string;
  label: string | null;
  description: string | null;
  origin: string;
  installedVersion: string | null;
  dependencies: Record<string, string>;
  upgradeAvailable: boolean;
}

export interface PackPreview {
  pack: string;
  version: string;
  installOrder: string[];
  clashes: PackClash[];
  conflicts: MergeResult['conflicts'];
  changes: unknown;
  plan: MetadataPreview;
  seedCounts: Record<string, number> | null;
  dataLoss: DataLoss | null;
  blockedBy: string[];
}

interface Prepared {
  preview: PackPreview;
  document: MetadataDocument;
  baseVersion: number;
}

@Injectable()
export class PacksService {
  private readonly logger = new Logger('Packs');

  constructor(
    private readonly store: MetadataStoreService,
    private readonly records: RecordService,
    private readonly database: DatabaseService,
    @Optional() @Inject(WORKFLOW_PLUGINS) private readonly plugins: PluginDefinition[] = [],
  ) {}

  /** The packs found in plugins/, in the loaded plugins' pack folders and in TRELLIS_PACK_DIRS. */
  private available(): ReturnType<typeof loadAvailablePacks> {
    return loadAvailablePacks(this.plugins.flatMap((plugin) => plugin.packs ?? []));
  }

  /** Available packs (highest version per name) and installed ones no longer available. */
  async list(workspace: string): Promise<PackInfo[]> {
    const [{ packs, broken }, installs] = await Promise.all([this.available(), readInstalls(this.database.pool, workspace)]);
    for (const b of broken) this.logger.warn(`Skipped the pack folder ${b.dir}: ${b.message}`);
    const installed = new Map(installs.map((i) => [i.pack, i]));
    const infos: PackInfo[] = packs.map((p) => {
      const at = installed.get(p.manifest.name)?.version ?? null;
      return {
        ...describe(p.manifest),
        origin: p.origin,
        installedVersion: at,
        upgradeAvailable: at !== null && semver.gt(p.manifest.version, at),
      };
    });
    for (const i of installs) {
      if (!packs.some((p) => p.manifest.name === i.pack)) {
        infos.push({ ...describe(i.manifest), origin: 'installed (its folder is no longer available)', installedVersion: i.version, upgradeAvailable: false });
      }
    }
    return infos.sort((a, b) => a.name.localeCompare(b.name));
  }

  /** `{ pointer: "<pack>@<version>" }` for the components of the current document that came from a pack. */
  async componentOrigins(workspace: string): Promise<Record<string, string>> {
    const [current, installs] = await Promise.all([this.store.current(workspace), readInstalls(this.database.pool, workspace)]);
    return componentOrigins(current.document, dependenciesFirst(installs));
  }

  // ── install ──────────────────────────────────────────────────────────────────────────────────────────────

  async previewInstall(workspace: string, name: string, choices: ClashChoices = {}): Promise<PackPreview> {
    return (await this.prepareInstall(workspace, name, choices)).preview.preview;
  }

  async install(ctx: RequestContext, name: string, choices: ClashChoices = {}): Promise<PublishedVersion> {
    const { preview, packs } = await this.prepareInstall(ctx.workspace, name, choices);
    const open = preview.preview.clashes.filter((c) => !c.choice);
    if (open.length > 0) {
      throw packError(
        'PACK_CLASHES',
        `Installing ${name} clashes with components this workspace already has: ${open.map((c) => c.path).join(', ')}. Choose keepMine or takePack for each (clashChoices).`,
        { clashes: open },
      );
    }
    const seeds = preview.preview.plan.problems.filter((p) => p.code.startsWith('SEED_'));
    if (seeds.length > 0) {
      throw packError('PACK_SEED_INVALID', `The seed data of ${name} would not load: ${seeds[0]!.message}${seeds.length > 1 ? ` (and ${seeds.length - 1} more)` : ''}`, { problems: seeds });
    }
    return this.publishInstall(ctx, packs, preview.document, { baseVersion: preview.baseVersion, message: `Install pack ${name}@${preview.preview.version}` });
  }

  /**
   * Publishes `document` with the packs' seed records (idempotently) and their pack_install rows, in one
   * transaction. The boot install of the starter pack comes here too.
   */
  async publishInstall(ctx: RequestContext, packs: LoadedPack[], document: MetadataDocument, options: { baseVersion: number; message: string }): Promise<PublishedVersion> {
    return this.store.publish(ctx, document, {
      ...options,
      inTransaction: async (client, published) => {
        for (const pack of packs) {
          if (pack.seed.length) await seedIdempotently(this.records, ctx, published, pack.seed, client);
          await writeInstall(client, ctx.workspace, {
            pack: pack.manifest.name,
            version: pack.manifest.version,
            manifest: pack.manifest,
            document: pack.document,
            installedBy: actorLabel(ctx.actor),
          });
        }
      },
    });
  }

  private async prepareInstall(workspace: string, name: string, choices: ClashChoices): Promise<{ preview: Prepared; packs: AvailablePack[] }> {
    const [{ packs: available }, installs, current] = await Promise.all([
      this.available(),
      readInstalls(this.database.pool, workspace),
      this.store.current(workspace),
    ]);
    const already = installs.find((i) => i.pack === name);
    if (already) throw packError('PACK_ALREADY_INSTALLED', `The ${name} pack is already installed (version ${already.version}); upgrade it instead.`);
    const order = installOrder(name, available, installs);
    const packs = order.map((n) => available.find((p) => p.manifest.name === n)!);
    checkChoices(choices);
    let document = current.document;
    const clashes: PackClash[] = [];
    for (const pack of packs) {
      const combined = combineForInstall(document, pack.document, pack.manifest.name, choices);
      document = combined.document;
      clashes.push(...combined.clashes);
    }
    const unknown = Object.keys(choices).filter((path) => !clashes.some((c) => c.path === path));
    if (unknown.length > 0) throw packError('BAD_USER_INPUT', `There is no clash at ${unknown.join(', ')}; choose only for the clashes the preview lists.`);
    const target = packs[packs.length - 1]!;
    return {
      packs,
      preview: {
        document,
        baseVersion: current.version,
        preview: {
          ...emptyPreview(name, target.manifest.version),
          installOrder: order,
          clashes,
          plan: withSeedProblems(
            await this.store.preview(workspace, document),
            await seedProblems(document, packs, (entity, record) =>
              alreadySeeded(this.records, systemContext('packs', workspace), current.document, entity, record, this.database.pool),
            ),
          ),
          seedCounts: seedCounts(packs),
        },
      },
    };
  }

  // ── upgrade ──────────────────────────────────────────────────────────────────────────────────────────────

  async previewUpgrade(workspace: string, name: string, decisions: MergeDecisions = {}, choices: ClashChoices = {}): Promise<PackPreview> {
    return (await this.prepareUpgrade(workspace, name, decisions, choices, false)).prepared.preview;
  }

  /** Upgrades `name`; the dependencies its new version adds are installed first, in the same publish. */
  async upgrade(ctx: RequestContext, name: string, decisions: MergeDecisions, choices: ClashChoices = {}): Promise<PublishedVersion> {
    const { prepared, pack, install, dependencies } = await this.prepareUpgrade(ctx.workspace, name, decisions, choices, true);
    const newEntities = new Set(Object.keys(pack.document.entities).filter((e) => !install.document.entities[e]));
    const seed = pack.seed.filter((g) => newEntities.has(g.entity));
    const also = dependencies.length ? ` (installs ${dependencies.map((d) => `${d.manifest.name}@${d.manifest.version}`).join(', ')})` : '';
    return this.publishInstall(ctx, [...dependencies, { ...pack, seed }], prepared.document, {
      baseVersion: prepared.baseVersion,
      message: `Upgrade pack ${name} ${install.version} → ${pack.manifest.version}${also}`,
    });
  }

  private async prepareUpgrade(workspace: string, name: string, decisions: MergeDecisions, choices: ClashChoices, strict: boolean) {
    const [{ packs: available }, installs, current] = await Promise.all([this.available(), readInstalls(this.database.pool, workspace), this.store.current(workspace)]);
    const install = findInstall(installs, name);
    const pack = available.find((p) => p.manifest.name === name);
    if (!pack) throw packError('PACK_NOT_FOUND', `No folder holds the ${name} pack any more: add it to plugins/ or TRELLIS_PACK_DIRS.`);
    if (!semver.gt(pack.manifest.version, install.version)) {
      throw packError('PACK_UP_TO_DATE', `The ${name} pack is installed at ${install.version}; the available version (${pack.manifest.version}) is not newer.`);
    }
    const order = upgradeDependencies(pack, available, installs);
    const dependencies = order.map((n) => available.find((p) => p.manifest.name === n)!);
    checkChoices(choices);
    const added = upgradeSides({ current: current.document, base: install.document, theirs: pack.document }, dependencies, choices);
    const open = added.clashes.filter((c) => !c.choice);
    if (strict && open.length > 0) {
      throw packError(
        'PACK_CLASHES',
        `Upgrading ${name} installs ${order.join(', ')}, which clash${order.length > 1 ? '' : 'es'} with components this workspace already has: ${open.map((c) => c.path).join(', ')}. Choose keepMine or takePack for each (clashChoices).`,
        { clashes: open },
      );
    }
    const result = mergeDocuments({ base: added.base, theirs: added.theirs, ours: added.ours });
    const decided = result.conflicts.every((c) => Object.hasOwn(decisions, c.path));
    if (strict && !decided) {
      const open = result.conflicts.filter((c) => !Object.hasOwn(decisions, c.path));
      throw packError('PACK_CONFLICTS', `Upgrading ${name} leaves ${open.length} conflict(s) undecided: ${open.map((c) => c.path).join(', ')}. Decide each (keep mine / take the pack's / a value) and try again.`, { conflicts: open });
    }
    let document = result.merged;
    if (decided || Object.keys(decisions).length > 0) document = resolve(result, decisions, decided);
    const preview: PackPreview = {
      ...emptyPreview(name, pack.manifest.version),
      installOrder: [...order, name],
      clashes: added.clashes,
      conflicts: result.conflicts,
      changes: result.changes,
      plan: await this.store.preview(workspace, document),
      seedCounts: dependencies.length ? seedCounts(dependencies) : null,
    };
    return { prepared: { preview, document, baseVersion: current.version } satisfies Prepared, pack, install, dependencies };
  }

  // ── uninstall ────────────────────────────────────────────────────────────────────────────────────────────

  async previewUninstall(workspace: string, name: string): Promise<PackPreview> {
    return (await this.prepareUninstall(workspace, name)).preview;
  }

  async uninstall(ctx: RequestContext, name: string): Promise<PublishedVersion> {
    const prepared = await this.prepareUninstall(ctx.workspace, name);
    const { blockedBy } = prepared.preview;
    if (blockedBy.length > 0) {
      throw packError('PACK_REQUIRED', `The ${name} pack cannot be uninstalled while ${blockedBy.join(', ')} depend${blockedBy.length > 1 ? '' : 's'} on it: uninstall ${blockedBy.length > 1 ? 'them' : 'it'} first.`, { blockedBy });
    }
    return this.store.publish(ctx, prepared.document, {
      baseVersion: prepared.baseVersion,
      message: `Uninstall pack ${name}`,
      inTransaction: (client) => deleteInstall(client, ctx.workspace, name),
    });
  }

  private async prepareUninstall(workspace: string, name: string): Promise<Prepared> {
    const [installs, current] = await Promise.all([readInstalls(this.database.pool, workspace), this.store.current(workspace)]);
    const install = findInstall(installs, name);
    const others = installs.filter((i) => i.pack !== name);
    const blockedBy = others.filter((i) => Object.hasOwn(i.manifest.dependencies ?? {}, name)).map((i) => i.pack);
    const removal = planUninstall(current.document, install.document, others.map((i) => i.document));
    const preview: PackPreview = {
      ...emptyPreview(name, install.version),
      changes: { removed: removal.removed },
      plan: await this.store.preview(workspace, removal.document),
      dataLoss: await countDataLoss(this.database.pool, workspace, current.document, removal),
      blockedBy,
    };
    return { preview, document: removal.document, baseVersion: current.version };
  }

  // ── export ───────────────────────────────────────────────────────────────────────────────────────────────

  async exportPack(workspace: string, name: string, version: string, entities?: string[] | null, workflows?: string[] | null, description?: string | null): Promise<{ files: ExportedFile[] }> {
    const current = await this.store.current(workspace);
    const manifest = { name, version, ...(description ? { description } : {}) };
    return { files: await exportPackFiles(current.document, manifest, { entities: entities ?? undefined, workflows: workflows ?? undefined }) };
  }
}

function describe(manifest: LoadedPack['manifest']): Pick<PackInfo, 'name' | 'version' | 'label' | 'description' | 'dependencies'> {
  return {
    name: manifest.name,
    version: manifest.version,
    label: manifest.label ?? null,
    description: manifest.description ?? null,
    dependencies: manifest.dependencies ?? {},
  };
}

function emptyPreview(pack: string, version: string): Omit<PackPreview, 'plan'> {
  return { pack, version, installOrder: [], clashes: [], conflicts: [], changes: [], seedCounts: null, dataLoss: null, blockedBy: [] };
}

function findInstall(installs: PackInstall[], name: string): PackInstall {
  const install = installs.find((i) => i.pack === name);
  if (!install) throw packError('PACK_NOT_INSTALLED', `The ${name} pack is not installed in this workspace; installed: ${installs.map((i) => i.pack).join(', ') || 'none'}.`);
  return install;
}

/** Seed records per entity over the packs. */
function seedCounts(packs: LoadedPack[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const group of packs.flatMap((p) => p.seed)) counts[group.entity] = (counts[group.entity] ?? 0) + group.records.length;
  return counts;
}

function checkChoices(choices: ClashChoices): void {
  const bad = Object.entries(choices).filter(([, choice]) => choice !== 'keepMine' && choice !== 'takePack');
  if (bad.length > 0) throw packError('BAD_USER_INPUT', `A clash choice is "keepMine" or "takePack"; not so at ${bad.map(([path]) => path).join(', ')}.`);
}

/** The merge with its conflicts decided; a bad decision is a PACK_CONFLICTS error naming its paths. */
function resolve(result: MergeResult, decisions: MergeDecisions, complete: boolean): MetadataDocument {
  try {
    return resolveConflicts(result, complete ? decisions : { ...decisions, ...undecidedAsOurs(result, decisions) });
  } catch (error) {
    if (error instanceof MergeResolutionError) throw packError('PACK_CONFLICTS', error.message, { reason: error.code, paths: error.paths });
    throw error;
  }
}

/** For a preview with some conflicts decided: the undecided ones keep the workspace's value (as the merge shows them). */
function undecidedAsOurs(result: MergeResult, decisions: MergeDecisions): MergeDecisions {
  return Object.fromEntries(result.conflicts.filter((c) => !Object.hasOwn(decisions, c.path)).map((c) => [c.path, { take: 'ours' as const }]));
}
