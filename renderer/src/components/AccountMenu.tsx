import { DropdownMenu } from 'radix-ui';
import { useNavigate } from '@tanstack/react-router';
import { useStatusStore } from '../state/status-store';
import { useAnnouncer } from '../state/announcer';
import { useSignOut } from '../state/use-sign-out';
import { AccountIcon, ChevronDownIcon } from './icons';

/**
 * Who is using GroupDesk, on every screen: their name and user ID, Settings, and the way out — signing
 * out of the plan's service, or on demo data leaving the demo for Welcome (sign in or create an account).
 */
export function AccountMenu() {
  const session = useStatusStore((s) => s.session);
  const navigate = useNavigate();
  const announce = useAnnouncer((s) => s.announce);
  const signOut = useSignOut();
  if (!session) return null;
  const demo = session.mode === 'sandbox';
  const user = session.user;
  const who = user ? user.name : 'Not signed in';

  // Not modal: a modal menu marks the rest of the app aria-hidden while leaving its buttons and links
  // focusable, which screen readers and axe (aria-hidden-focus) report. The menu still closes on
  // Escape or a click outside and gives focus back to its button.
  return (
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger asChild>
        {/* A narrow window cuts the name on the button: the pointer's tooltip gives it whole with the user ID, as the menu does. */}
        <button type="button" className="button button-ghost account-trigger" aria-label={`Account: ${who}${demo ? ' (demo)' : ''}`} title={user ? `${user.name} (${user.userId})` : undefined}>
          <AccountIcon />
          <span className="account-trigger-name">{who}</span>
          {demo && <span className="account-trigger-demo">(demo)</span>}
          <ChevronDownIcon />
        </button>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content className="menu account-menu" align="end" sideOffset={6} collisionPadding={8}>
          <DropdownMenu.Label className="account-menu-who">
            {user ? (
              <>
                <span className="account-menu-name">{user.name}</span>
                <span className="account-menu-id">
                  User ID <span className="mono">{user.userId}</span>
                </span>
              </>
            ) : (
              <span className="account-menu-name">Not signed in</span>
            )}
            {demo && <span className="account-menu-id">Demo data on this computer</span>}
          </DropdownMenu.Label>
          <DropdownMenu.Separator className="menu-separator" />
          <DropdownMenu.Item className="menu-item" onSelect={() => void navigate({ to: '/settings' })}>
            Settings
          </DropdownMenu.Item>
          {demo ? (
            <DropdownMenu.Item className="menu-item" onSelect={() => void navigate({ to: '/welcome' })}>
              Leave the demo
            </DropdownMenu.Item>
          ) : (
            user && (
              <DropdownMenu.Item
                className="menu-item"
                onSelect={() =>
                  void signOut().then((refused) => {
                    if (refused) announce(refused.message);
                  })
                }
              >
                Sign out
              </DropdownMenu.Item>
            )
          )}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
