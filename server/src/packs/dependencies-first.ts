/**
 * `dependenciesFirst(installs)`: installed packs ordered so each comes after the installed packs it depends on,
 * otherwise keeping the given (install) order. An upgrade can install a dependency after its dependent, so the
 * install time alone does not say which pack brought a component both have. Pure.
 */
interface Installed {
  pack: string;
  manifest: { dependencies?: Record<string, string> };
}

export function dependenciesFirst<T extends Installed>(installs: T[]): T[] {
  const byName = new Map(installs.map((i) => [i.pack, i]));
  const ordered: T[] = [];
  const placed = new Set<string>();
  const place = (install: T, visiting: Set<string>): void => {
    if (placed.has(install.pack) || visiting.has(install.pack)) return;
    visiting.add(install.pack);
    for (const dependency of Object.keys(install.manifest.dependencies ?? {})) {
      const installed = byName.get(dependency);
      if (installed) place(installed, visiting);
    }
    placed.add(install.pack);
    ordered.push(install);
  };
  for (const install of installs) place(install, new Set());
  return ordered;
}
