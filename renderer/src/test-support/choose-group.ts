import { screen } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';

/** Opens the header's group switcher and picks the group with this number, as a user does with the mouse. */
export async function chooseGroup(user: UserEvent, groupNumber: string): Promise<void> {
  await user.click(await screen.findByRole('combobox', { name: 'Group' }));
  await user.click(await screen.findByRole('option', { name: new RegExp(`\\b${groupNumber}\\b`) }));
}
