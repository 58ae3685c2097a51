/** Errors of the packs API: GraphQLErrors whose `extensions.code` clients switch on (the CLI prints the message). */
import { GraphQLError } from 'graphql';

export type PackErrorCode =
  /** No pack of that name in plugins/ or the configured folders (or one of its dependencies is missing). */
  | 'PACK_NOT_FOUND'
  /** A dependency's installed version is outside the range, or the pack needs another Trellis version. */
  | 'PACK_INCOMPATIBLE'
  | 'PACK_CYCLE'
  | 'PACK_ALREADY_INSTALLED'
  | 'PACK_NOT_INSTALLED'
  /** The available version is not newer than the installed one. */
  | 'PACK_UP_TO_DATE'
  /** Install: components the workspace already has, with no keepMine/takePack choice. */
  | 'PACK_CLASHES'
  /** Upgrade: conflicts without a decision (or decisions that do not fit them). */
  | 'PACK_CONFLICTS'
  /** Uninstall: another installed pack depends on it. */
  | 'PACK_REQUIRED'
  /** Export: the chosen components do not make a valid pack on their own. */
  | 'PACK_EXPORT_INVALID'
  /** Install: the pack's seed records would not load into the document (a kept component lacks a field…). */
  | 'PACK_SEED_INVALID'
  | 'BAD_USER_INPUT';

export function packError(code: PackErrorCode, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, code } });
}
