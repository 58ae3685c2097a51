/**
 * The user and team directory of the /metadata API (names for owner pickers, history and sharing), shared by every
 * screen; `roles` and `attributes` are null unless the reader may manage users. It is loaded again after this
 * browser changed users or teams (`forgetDirectory`), and when a screen opens on one older than a minute (someone
 * else may have added a user since).
 */
import { useEffect, useState } from 'react';
import { metadataClient } from './graphql-client.js';

export interface DirectoryUser {
  id: string;
  name: string;
  email: string;
  active: boolean;
  roles: string[] | null;
  attributes: Record<string, unknown> | null;
  teams: { id: string; name: string }[];
}

export interface DirectoryTeam {
  id: string;
  name: string;
}

export interface Directory {
  users: DirectoryUser[];
  teams: DirectoryTeam[];
  userName: (id: string) => string | undefined;
  teamName: (id: string) => string | undefined;
}

export async function fetchDirectory(): Promise<Directory> {
  const data = await metadataClient.request<{ users: DirectoryUser[]; teams: DirectoryTeam[] }>(
    `query Directory { users(includeInactive: true) { id name email active roles attributes teams { id name } } teams { id name } }`,
  );
  const users = new Map(data.users.map((u) => [u.id, u.name]));
  const teams = new Map(data.teams.map((t) => [t.id, t.name]));
  return { users: data.users, teams: data.teams, userName: (id) => users.get(id), teamName: (id) => teams.get(id) };
}

const MAX_AGE_MS = 60_000;
let shared: Promise<Directory> | null = null;
let loadedAt = 0;

/** Loads the directory now (shared with every screen that asks meanwhile). */
export function reloadDirectory(): Promise<Directory> {
  shared = fetchDirectory();
  loadedAt = Date.now();
  shared.catch(() => {
    shared = null;
  });
  return shared;
}

/** Forgets the loaded directory (after users or teams changed), so the next screen loads it again. */
export function forgetDirectory(): void {
  shared = null;
}

/** Resolves after `change` succeeded, forgetting the directory it changed. */
export async function changingDirectory<T>(change: Promise<T>): Promise<T> {
  const result = await change;
  forgetDirectory();
  return result;
}

/** The directory, or null while it loads (or when it cannot be loaded: names then fall back to neutral words). */
export function useDirectory(): Directory | null {
  const [directory, setDirectory] = useState<Directory | null>(null);
  useEffect(() => {
    let live = true;
    (shared && Date.now() - loadedAt < MAX_AGE_MS ? shared : reloadDirectory()).then(
      (d) => live && setDirectory(d),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  return directory;
}
