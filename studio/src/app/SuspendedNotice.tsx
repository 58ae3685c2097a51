/**
 * Says what a missing plugin suspended (MetadataVersion.suspended): a banner on the studio's pages with each
 * component and why, and a one-line notice on the data pages of an entity that lost some of its setup.
 */
import { useMetadata } from './metadata-context.js';
import { describeSuspended, suspendedOfEntity } from './suspended-components.js';
import { Icon } from '../ui/Icon.js';

export function SuspendedBanner() {
  const { suspended, stored } = useMetadata();
  if (suspended.length === 0) return null;
  const count = suspended.length === 1 ? '1 component is' : `${suspended.length} components are`;
  return (
    <div className="banner banner-warning suspended-banner" role="status">
      <Icon name="warning" />
      <div className="banner-text">
        <strong>{count} suspended: a plugin the published metadata needs is not loaded</strong>
        <span>
          They stay in the metadata and their data is kept, but they do not run until the plugin is loaded again (under <code>plugins/</code> or
          named in <code>TRELLIS_PLUGINS</code>, and not in <code>TRELLIS_DISABLED_PLUGINS</code>). You can publish other changes meanwhile; removing or changing them needs the plugin.
        </span>
        <details>
          <summary>What is suspended</summary>
          <ul className="suspended-list">
            {suspended.map((component) => (
              <li key={component.path}>
                <strong>{describeSuspended(component.path, stored)}</strong>: {component.message}
              </li>
            ))}
          </ul>
        </details>
      </div>
    </div>
  );
}

export function SuspendedEntityNotice({ entity }: { entity: string }) {
  const { suspended, stored } = useMetadata();
  const mine = suspendedOfEntity(suspended, entity);
  if (mine.length === 0) return null;
  return (
    <p className="banner banner-warning" role="status">
      <Icon name="warning" />
      <span>
        Not available until a missing plugin is loaded again: {mine.map((component) => describeSuspended(component.path, stored)).join('; ')}. Their data is
        kept. An administrator can see why in the studio.
      </span>
    </p>
  );
}
