/** The Packs page's two lists and the names of its buttons. */
import type { PackInfo } from '../api/packs-api.js';

export type PackAction = 'install' | 'upgrade' | 'uninstall';
export const PACK_ACTIONS: PackAction[] = ['install', 'upgrade', 'uninstall'];

export const isPackAction = (value: string): value is PackAction => (PACK_ACTIONS as string[]).includes(value);

export const packLabel = (pack: Pick<PackInfo, 'name' | 'label'>): string => pack.label?.trim() || pack.name;

const VERBS: Record<PackAction, string> = { install: 'Install', upgrade: 'Upgrade', uninstall: 'Uninstall' };

/** "Install Customer service": the button on the Packs page (and the preview page's title). */
export const actionName = (action: PackAction, label: string): string => `${VERBS[action]} ${label}`;
export const actionVerb = (action: PackAction): string => VERBS[action];

export function splitPacks(packs: PackInfo[]): { installed: PackInfo[]; available: PackInfo[] } {
  const byLabel = (a: PackInfo, b: PackInfo) => packLabel(a).localeCompare(packLabel(b));
  return {
    installed: packs.filter((p) => p.installedVersion != null).sort(byLabel),
    available: packs.filter((p) => p.installedVersion == null).sort(byLabel),
  };
}

/** `{ "b2b-sales": "^1.0.0" }` → `["b2b-sales ^1.0.0"]`. */
export function dependencyList(dependencies: PackInfo['dependencies']): string[] {
  if (!dependencies || typeof dependencies !== 'object') return [];
  return Object.entries(dependencies).map(([name, range]) => `${name} ${String(range)}`);
}

/** Installed packs that depend on `name` (the server blocks uninstalling it while there are any). */
export function dependents(packs: PackInfo[], name: string): PackInfo[] {
  return packs.filter((p) => p.installedVersion != null && p.name !== name && p.dependencies && Object.hasOwn(p.dependencies, name));
}

/**
 * The packs an install or upgrade of `pack` installs besides it (its install order without it), as
 * "Label 1.0.0" with the version the pack folders hold.
 */
export function alsoInstalls(installOrder: string[], pack: string, packs: PackInfo[]): string[] {
  return installOrder
    .filter((name) => name !== pack)
    .map((name) => {
      const info = packs.find((p) => p.name === name);
      return info ? `${packLabel(info)} ${info.version}` : name;
    });
}
