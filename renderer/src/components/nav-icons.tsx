// Inline SVG so the app needs no icon font or network asset (CSP: default-src 'none'); same stroke style as icons.tsx.
const common = { width: 16, height: 16, viewBox: '0 0 16 16', fill: 'none', stroke: 'currentColor', strokeWidth: 1.5, 'aria-hidden': true, focusable: false } as const;

export const ActivityIcon = () => (
  <svg {...common}>
    <path d="M2 8h3l2-5 2 10 2-5h3" />
  </svg>
);

export const BillingIcon = () => (
  <svg {...common}>
    <path d="M3.5 1.5h9v13l-1.8-1.2-1.8 1.2L7.1 13.3l-1.8 1.2-1.8-1.2Z" />
    <path d="M5.5 5h5M5.5 7.5h5M5.5 10h3" />
  </svg>
);

export const SettingsIcon = () => (
  <svg {...common}>
    <circle cx="8" cy="8" r="2.2" />
    <path d="M8 1.5v2M8 12.5v2M1.5 8h2M12.5 8h2M3.4 3.4l1.4 1.4M11.2 11.2l1.4 1.4M3.4 12.6l1.4-1.4M11.2 4.8l1.4-1.4" />
  </svg>
);

export const BellIcon = () => (
  <svg {...common}>
    <path d="M4 11V7a4 4 0 0 1 8 0v4l1.2 1.5H2.8L4 11Z" />
    <path d="M6.5 14a1.6 1.6 0 0 0 3 0" />
  </svg>
);

export const HelpIcon = () => (
  <svg {...common}>
    <circle cx="8" cy="8" r="6.5" />
    <path d="M6.2 6.2a1.9 1.9 0 1 1 2.6 1.8c-.5.2-.8.6-.8 1.1v.6" />
    <path d="M8 11.6v.2" />
  </svg>
);
