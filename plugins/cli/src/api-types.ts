/** Shapes of the /metadata answers the CLI reads (server/src/metadata-store/metadata.types.ts, server/src/packs). */
import type { MetadataDocument } from '@trellis/metadata';
import type { ServerProblem } from './api.js';

export interface PlanStepView {
  kind: string;
  entity?: string | null;
  field?: string | null;
  description: string;
  destructive: boolean;
}

export interface MetadataPreview {
  valid: boolean;
  problems: ServerProblem[];
  baseVersion: number;
  destructive: boolean;
  changes: unknown;
  steps: PlanStepView[];
}

export interface CurrentMetadata {
  version: number;
  document: MetadataDocument;
}

export interface PublishedVersion {
  version: number;
  message: string | null;
}

export interface PackConflict {
  path: string;
  kind: string;
  base?: unknown;
  theirs?: unknown;
  ours?: unknown;
  message: string;
}

export interface PackPreview {
  pack: string;
  version: string;
  installOrder: string[];
  clashes: { path: string; message: string }[];
  conflicts: PackConflict[];
  changes: unknown;
  seedCounts?: Record<string, number> | null;
  dataLoss?: unknown;
  blockedBy: string[];
  plan: MetadataPreview;
}

export interface PackInfo {
  name: string;
  version: string;
  label?: string | null;
  description?: string | null;
  origin: string;
  installedVersion?: string | null;
  dependencies?: Record<string, string> | null;
  upgradeAvailable: boolean;
}
