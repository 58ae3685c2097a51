/**
 * Left navigation: the notification bell by the brand, "My tasks", the published entities under "Data", then the
 * sections of navigation.ts the user may see.
 */
import { useSession } from '../auth/session-context.js';
import { canRead } from '../data/access-document.js';
import { useAccess, useTranslatedDocument } from '../data/use-access.js';
import { UserMenu } from '../auth/UserMenu.js';
import { NotificationBell } from '../inbox/NotificationBell.js';
import { Icon, type IconName } from '../ui/Icon.js';
import { useDraft } from './draft-context.js';
import { isActive, NAV_SECTIONS, PERSONAL_ITEMS, visibleSections } from './navigation.js';
import { href, type Route } from './router.js';

export function Sidebar({ route }: { route: Route }) {
  const doc = useTranslatedDocument(); // the Data entries in the person's language
  const { dirty } = useDraft();
  const { me } = useSession();
  const access = useAccess();
  // Entities the person's roles cannot read have no page for them (their API has no such type).
  const entities = Object.entries(doc.entities)
    .filter(([name]) => access.admin || canRead(access, name))
    .sort(([, x], [, y]) => x.pluralLabel.localeCompare(y.pluralLabel));

  return (
    <nav className="sidebar" aria-label="Main">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">T</span>
        <span className="brand-name">Trellis</span>
        <span className="brand-workspace">main</span>
        <NotificationBell />
      </div>
      <ul className="nav-personal" aria-label="Personal">
        {PERSONAL_ITEMS.map((item) => (
          <NavItem key={item.to} to={item.to} icon={item.icon} active={isActive(item.to, route.segments)} label={item.label} />
        ))}
      </ul>
      <div className="nav-section">
        <h2 className="nav-heading" id="nav-data">Data</h2>
        <ul aria-labelledby="nav-data">
          {entities.length === 0 && <li className="nav-empty">No entities yet</li>}
          {entities.map(([name, entity]) => (
            <NavItem key={name} to={`/data/${name}`} icon="table" active={isActive(`/data/${name}`, route.segments)} label={entity.pluralLabel} />
          ))}
        </ul>
      </div>
      {visibleSections(NAV_SECTIONS, me).map((section) => (
        <div className="nav-section" key={section.id}>
          <h2 className="nav-heading" id={`nav-${section.id}`}>{section.heading}</h2>
          <ul aria-labelledby={`nav-${section.id}`}>
            {section.items.map((item) => (
              <NavItem
                key={item.to}
                to={item.to}
                icon={item.icon}
                active={isActive(item.to, route.segments)}
                label={item.label}
                badge={item.draftBadge && dirty ? 'Unpublished changes' : undefined}
              />
            ))}
          </ul>
        </div>
      ))}
      <UserMenu />
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
