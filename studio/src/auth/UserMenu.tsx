/** The signed-in person at the bottom of the sidebar, with the language of labels, "Change password" and "Sign out". */
import { useEffect, useId, useRef, useState } from 'react';
import { Icon } from '../ui/Icon.js';
import { LanguagePicker } from '../data/LanguagePicker.js';
import { ChangePasswordDialog } from './ChangePasswordDialog.js';
import { useSession } from './session-context.js';
import { initials } from './initials.js';

export function UserMenu() {
  const { user, signOut } = useSession();
  const [open, setOpen] = useState(false);
  const [changing, setChanging] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const menuId = useId();

  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent | KeyboardEvent) => {
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !ref.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', close);
    };
  }, [open]);

  return (
    <div className="user-menu" ref={ref}>
      {open && (
        <div className="user-menu-popover" id={menuId} role="menu" aria-label="Account">
          <div className="user-menu-identity">
            <strong>{user.name}</strong>
            <span className="muted small">{user.email}</span>
          </div>
          <LanguagePicker />
          <button type="button" role="menuitem" className="user-menu-item" onClick={() => { setOpen(false); setChanging(true); }}>
            <Icon name="lock" /> Change password
          </button>
          <button type="button" role="menuitem" className="user-menu-item" onClick={() => { setOpen(false); void signOut(); }}>
            <Icon name="logout" /> Sign out
          </button>
        </div>
      )}
      <button
        type="button"
        className="user-menu-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={`Account: ${user.name}`}
        onClick={() => setOpen((o) => !o)}
      >
        <span className="avatar" aria-hidden="true">{initials(user.name, user.email)}</span>
        <span className="user-menu-text">
          <span className="user-menu-name">{user.name}</span>
          <span className="user-menu-email">{user.email}</span>
        </span>
        <Icon name="chevronUp" className="user-menu-chevron" />
      </button>
      <ChangePasswordDialog open={changing} onClose={() => setChanging(false)} />
    </div>
  );
}
