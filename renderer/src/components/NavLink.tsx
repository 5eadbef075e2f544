import type { ReactNode } from 'react';
import { Link, type LinkProps } from '@tanstack/react-router';
import { Tooltip } from 'radix-ui';
import { useMediaQuery } from './use-media-query';

/** The width below which shell.css shows the navigation as an icon rail. */
export const iconRailQuery = '(max-width: 900px)';

/**
 * One item of the main navigation. In a narrow window or at 200% zoom only its icon shows, so it then
 * gets a tooltip with its name, on hover and on keyboard focus alike; the name stays its accessible name.
 */
export function NavLink({ label, icon, children, ...link }: LinkProps & { label: string; icon: ReactNode; children?: ReactNode }) {
  const iconOnly = useMediaQuery(iconRailQuery);
  const item = (
    <Link {...link} className="nav-link">
      {icon}
      <span className="nav-text">{label}</span>
      {children}
    </Link>
  );
  if (!iconOnly) return item;
  return (
    <Tooltip.Root>
      <Tooltip.Trigger asChild>{item}</Tooltip.Trigger>
      <Tooltip.Portal>
        <Tooltip.Content className="tooltip" side="right" sideOffset={8}>
          {label}
        </Tooltip.Content>
      </Tooltip.Portal>
    </Tooltip.Root>
  );
}
