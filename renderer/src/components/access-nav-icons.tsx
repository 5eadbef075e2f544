// The navigation's Access and Users icons, in nav-icons.tsx's inline-SVG style (CSP: no icon font).
const common = { width: 16, height: 16, viewBox: '0 0 16 16', fill: 'none', stroke: 'currentColor', strokeWidth: 1.5, 'aria-hidden': true, focusable: false } as const;

/** A key: getting into a group. */
export const AccessIcon = () => (
  <svg {...common}>
    <circle cx="5" cy="8" r="2.8" />
    <path d="M7.8 8h6.7M12 8v2.5M14.5 8v2" />
  </svg>
);

/** Two people: the group's users. */
export const UsersIcon = () => (
  <svg {...common}>
    <circle cx="6" cy="5.5" r="2.3" />
    <path d="M1.8 13.5a4.2 4.2 0 0 1 8.4 0" />
    <path d="M10.5 3.4a2.3 2.3 0 0 1 0 4.3M12 9.6a4.2 4.2 0 0 1 2.2 3.9" />
  </svg>
);
