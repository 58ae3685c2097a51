/** Left navigation: the published entities under "Data", the studio pages under "Studio". */
import { useMetadata } from './metadata-context.js';
import { useDraft } from './draft-context.js';
import { href, type Route } from './router.js';
import { Icon, type IconName } from '../ui/Icon.js';

export function Sidebar({ route }: { route: Route }) {
  const { doc } = useMetadata();
  const { dirty } = useDraft();
  const [area, a] = route.segments;
  const entities = Object.entries(doc.entities).sort(([, x], [, y]) => x.pluralLabel.localeCompare(y.pluralLabel));

  return (
    <nav className="sidebar" aria-label="Main">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">T</span>
        <span className="brand-name">Trellis</span>
        <span className="brand-workspace">main</span>
      </div>
      <div className="nav-section">
        <h2 className="nav-heading" id="nav-data">Data</h2>
        <ul aria-labelledby="nav-data">
          {entities.length === 0 && <li className="nav-empty">No entities yet</li>}
          {entities.map(([name, entity]) => (
            <NavItem key={name} to={`/data/${name}`} icon="table" active={area === 'data' && a === name} label={entity.pluralLabel} />
          ))}
        </ul>
      </div>
      <div className="nav-section">
        <h2 className="nav-heading" id="nav-studio">Studio</h2>
        <ul aria-labelledby="nav-studio">
          <NavItem to="/studio/entities" icon="layers" active={area === 'studio' && a === 'entities'} label="Entities" />
          <NavItem
            to="/studio/publish"
            icon="upload"
            active={area === 'studio' && a === 'publish'}
            label="Publish"
            badge={dirty ? 'Unpublished changes' : undefined}
          />
          <NavItem to="/studio/history" icon="history" active={area === 'studio' && a === 'history'} label="History" />
        </ul>
      </div>
    </nav>
  );
}

function NavItem({ to, icon, label, active, badge }: { to: string; icon: IconName; label: string; active: boolean; badge?: string }) {
  return (
    <li>
      <a className={active ? 'nav-link active' : 'nav-link'} href={href(to)} aria-current={active ? 'page' : undefined}>
        <Icon name={icon} />
        <span className="nav-label">{label}</span>
        {badge && (
          <span className="nav-badge" title={badge}>
            <span className="visually-hidden">({badge})</span>
          </span>
        )}
      </a>
    </li>
  );
}
