// Inline SVG so the app needs no icon font or network asset (CSP: default-src 'none').
const common = { width: 16, height: 16, viewBox: '0 0 16 16', fill: 'none', stroke: 'currentColor', strokeWidth: 1.5, 'aria-hidden': true, focusable: false } as const;

export const DashboardIcon = () => (
  <svg {...common}>
    <rect x="2" y="2" width="5" height="6" rx="1" />
    <rect x="9" y="2" width="5" height="3" rx="1" />
    <rect x="9" y="7" width="5" height="7" rx="1" />
    <rect x="2" y="10" width="5" height="4" rx="1" />
  </svg>
);

export const MembersIcon = () => (
  <svg {...common}>
    <circle cx="6" cy="5.5" r="2.5" />
    <path d="M1.5 14c.5-2.8 2.2-4 4.5-4s4 1.2 4.5 4" />
    <circle cx="11.5" cy="6" r="2" />
    <path d="M11 10c1.8 0 3.1 1 3.5 3.5" />
  </svg>
);

export const SearchIcon = () => (
  <svg {...common}>
    <circle cx="7" cy="7" r="4.5" />
    <path d="M10.5 10.5 14 14" />
  </svg>
);

export const ChevronDownIcon = () => (
  <svg {...common} width={12} height={12}>
    <path d="M4 6l4 4 4-4" />
  </svg>
);

export const BackIcon = () => (
  <svg {...common}>
    <path d="M10 3 5 8l5 5" />
  </svg>
);

export const AccountIcon = () => (
  <svg {...common}>
    <circle cx="8" cy="8" r="6.5" />
    <circle cx="8" cy="6.5" r="2.2" />
    <path d="M4 12.6c.9-1.6 2.3-2.4 4-2.4s3.1.8 4 2.4" />
  </svg>
);
