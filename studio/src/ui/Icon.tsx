/** Inline stroke icons (no icon font, no dependency). Decorative: hidden from assistive tech. */
const PATHS: Record<string, string> = {
  database: 'M4 6c0-1.7 3.6-3 8-3s8 1.3 8 3-3.6 3-8 3-8-1.3-8-3zm0 0v12c0 1.7 3.6 3 8 3s8-1.3 8-3V6M4 12c0 1.7 3.6 3 8 3s8-1.3 8-3',
  table: 'M3 5h18v14H3zM3 10h18M9 10v9',
  layers: 'M12 3l9 5-9 5-9-5 9-5zm-9 9l9 5 9-5M3 16l9 5 9-5',
  upload: 'M12 16V4m0 0l-5 5m5-5l5 5M4 20h16',
  history: 'M3 12a9 9 0 1 0 3-6.7L3 8m0-5v5h5M12 7v5l3 3',
  plus: 'M12 5v14M5 12h14',
  x: 'M6 6l12 12M18 6L6 18',
  check: 'M5 12l5 5 9-11',
  chevronUp: 'M6 15l6-6 6 6',
  chevronDown: 'M6 9l6 6 6-6',
  chevronLeft: 'M15 6l-6 6 6 6',
  chevronRight: 'M9 6l6 6-6 6',
  arrowUp: 'M12 19V5m-6 6l6-6 6 6',
  arrowDown: 'M12 5v14m6-6l-6 6-6-6',
  search: 'M11 4a7 7 0 1 0 0 14 7 7 0 0 0 0-14zm9 16l-4-4',
  filter: 'M4 5h16l-6 8v6l-4-2v-4z',
  trash: 'M4 7h16M9 7V4h6v3m-8 0l1 13h8l1-13',
  edit: 'M4 20h4L19 9l-4-4L4 16zM14 6l4 4',
  warning: 'M12 3l10 18H2zM12 10v5m0 3v.5',
  info: 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zm0 8v6m0-9v.5',
  undo: 'M9 14L4 9l5-5M4 9h11a5 5 0 0 1 0 10h-3',
  redo: 'M15 14l5-5-5-5m5 5H9a5 5 0 0 0 0 10h3',
  code: 'M8 8l-4 4 4 4m8-8l4 4-4 4m-6 3l4-14',
  link: 'M10 14a4 4 0 0 0 6 0l3-3a4 4 0 0 0-6-6l-1 1m2 4a4 4 0 0 0-6 0l-3 3a4 4 0 0 0 6 6l1-1',
  grip: 'M9 6h.01M9 12h.01M9 18h.01M15 6h.01M15 12h.01M15 18h.01',
  restore: 'M3 12a9 9 0 1 0 3-6.7L3 8m0-5v5h5',
  users: 'M9 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8zm-7 10v-1a6 6 0 0 1 12 0v1m2-10a3.5 3.5 0 1 0 0-7m2 17v-1a5 5 0 0 0-3-4.6',
  team: 'M12 10a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM5 12a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5zm14 0a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5zM7 20v-1.5a5 5 0 0 1 10 0V20M1.5 19v-1a3.5 3.5 0 0 1 4.5-3.3m16.5 4.3v-1a3.5 3.5 0 0 0-4.5-3.3',
  key: 'M14.5 3a6.5 6.5 0 1 1-5.9 9.2L3 17.8V21h3.2v-2.2h2.2v-2.2h2.2l1.3-1.3A6.5 6.5 0 0 1 14.5 3zm2 4.5h.01',
  shield: 'M12 3l8 3v6c0 4.5-3.4 8.2-8 9-4.6-.8-8-4.5-8-9V6zm-3.5 9l2.5 2.5 4.5-5',
  mail: 'M3 6h18v12H3zm0 0l9 7 9-7',
  lock: 'M6 11h12v10H6zm2 0V8a4 4 0 0 1 8 0v3m-4 4v2',
  unlock: 'M6 11h12v10H6zm2 0V8a4 4 0 0 1 7.7-1.5M12 15v2',
  logout: 'M15 4h4v16h-4M10 17l-5-5 5-5m-5 5h11',
  copy: 'M9 9h11v11H9zM5 15H4V4h11v1',
  user: 'M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zm-8 9v-1a7 7 0 0 1 14 0v1',
  share: 'M18 8a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM6 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6zm12 7a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM8.6 13.5l6.8 4M15.4 6.5l-6.8 4',
  bell: 'M6 16V11a6 6 0 0 1 12 0v5l2 2H4zm4 4h4',
  workflow: 'M5 3h6v6H5zM13 15h6v6h-6zM8 9v3a3 3 0 0 0 3 3h2',
  play: 'M7 4l13 8-13 8z',
  tasks: 'M4 4h16v16H4zm4 8l3 3 5-6',
  activity: 'M3 12h4l3-8 4 16 3-8h4',
  badge: 'M12 2l2.4 2.2 3.2-.4.8 3.1 2.9 1.5-1.2 3 1.2 3-2.9 1.5-.8 3.1-3.2-.4L12 22l-2.4-2.2-3.2.4-.8-3.1-2.9-1.5 1.2-3-1.2-3 2.9-1.5.8-3.1 3.2.4zm-3 10l2 2 4-4',
};

export type IconName = keyof typeof PATHS;

export function Icon({ name, size = 16, className }: { name: IconName; size?: number; className?: string }) {
  return (
    <svg
      className={className ? `icon ${className}` : 'icon'}
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
