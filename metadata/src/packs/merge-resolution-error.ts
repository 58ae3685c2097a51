/** Why a set of conflict decisions cannot be applied: a code, the paths concerned, and a message for people. */
export type MergeResolutionErrorCode = 'MISSING_DECISION' | 'UNKNOWN_DECISION' | 'INVALID_DECISION' | 'NAME_TAKEN' | 'NEW_CONFLICTS';

export class MergeResolutionError extends Error {
  constructor(
    readonly code: MergeResolutionErrorCode,
    readonly paths: string[],
    message: string,
  ) {
    super(message);
    this.name = 'MergeResolutionError';
  }
}
