/** The name of a user or a team by id (owner and team cells), from the shared directory. */
import { useDirectory } from '../api/directory-api.js';

export function DirectoryName({ kind, id }: { kind: 'user' | 'team'; id: string }) {
  const directory = useDirectory();
  if (!directory) return <span className="muted">…</span>;
  const name = kind === 'user' ? directory.userName(id) : directory.teamName(id);
  return name ? <>{name}</> : <span className="muted">{kind === 'user' ? 'Former user' : 'Removed team'}</span>;
}
