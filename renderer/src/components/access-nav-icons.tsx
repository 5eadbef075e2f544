// The navigation's Access and Users icons, in nav-icons.tsx's inline-SVG style (CSP: no icon font).
const common = { width: 16, height: 16, viewBox: '0 0 16 16', fill: 'none', stroke: 'currentColor', strokeWidth: 1.5, 'aria-hidden': true, focusable: false } as const;

/** A key: getting into a group. */
export const AccessIcon = () => (
  <svg {...common}>
    <circle cx="5" cy="8" r="2.8" />
    <path d="M7.8 8h6.7M12 8v2.5M14.5 8v2" />
  </svg>
);

/** An ID badge: a user of the group, unlike the roster's two people. */
export const UsersIcon = () => (
  <svg {...common}>
    <rect x="1.5" y="3" width="13" height="10" rx="1.5" />
    <circle cx="5.5" cy="7" r="1.6" />
    <path d="M3.2 11c.4-1.1 1.2-1.7 2.3-1.7s1.9.6 2.3 1.7M10 6.5h3M10 9h2.5" />
  </svg>
);
