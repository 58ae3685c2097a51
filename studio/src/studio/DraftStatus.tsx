/** An item of the draft against the published version, as the studio's lists show it: New or Modified, and its problems. */
import { deepEqual } from '../lib/stable.js';

export type DraftStatus = 'New' | 'Modified';

/** "New" without a published version, "Modified" when the draft differs from it, nothing when unchanged. */
export function draftStatus(published: unknown, draft: unknown): DraftStatus | undefined {
  if (!published) return 'New';
  return deepEqual(published, draft) ? undefined : 'Modified';
}

/** The badges of a list row's Status cell. */
export function DraftStatusBadges({ status, problems }: { status: DraftStatus | undefined; problems: number }) {
  return (
    <>
      {status && <span className={status === 'New' ? 'badge badge-green' : 'badge badge-amber'}>{status}</span>}
      {problems > 0 && (
        <span className="badge badge-red">
          {problems} problem{problems === 1 ? '' : 's'}
        </span>
      )}
    </>
  );
}
