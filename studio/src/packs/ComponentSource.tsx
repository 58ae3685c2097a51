/** The Source cell of the entity and field tables (see component-origins.ts): "Pack service 1.0.0" for a component a pack brought (an upgrade of that pack may change it), else "Yours". */
export function ComponentSource({ origin }: { origin: string | undefined }) {
  if (!origin) return <span className="muted">Yours</span>;
  return (
    <span className="badge badge-pack" title={`Installed with the pack ${origin}: an upgrade of that pack may change it (your own edits are kept)`}>
      Pack {origin}
    </span>
  );
}
