import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ConfirmDialog } from './ConfirmDialog';

function renderRemove(onConfirm = vi.fn()) {
  render(
    <ConfirmDialog
      trigger={<button type="button">Remove Ana Adams</button>}
      title="Remove Ana Adams?"
      description="Ana Adams loses access to this group at once."
      cancelLabel="Keep Ana Adams"
      confirmLabel="Remove"
      tone="danger"
      onConfirm={onConfirm}
    />,
  );
  return onConfirm;
}

describe('ConfirmDialog', () => {
  it('asks with its title as name and its description, starting on the way out', async () => {
    const user = userEvent.setup();
    renderRemove();
    await user.click(screen.getByRole('button', { name: 'Remove Ana Adams' }));

    const dialog = await screen.findByRole('alertdialog', { name: 'Remove Ana Adams?' });
    expect(dialog).toHaveAccessibleDescription('Ana Adams loses access to this group at once.');
    expect(screen.getByRole('button', { name: 'Keep Ana Adams' })).toHaveFocus();
  });

  it('does nothing on Escape and gives focus back to the button that opened it', async () => {
    const user = userEvent.setup();
    const onConfirm = renderRemove();
    const trigger = screen.getByRole('button', { name: 'Remove Ana Adams' });
    await user.click(trigger);
    await screen.findByRole('alertdialog');

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(onConfirm).not.toHaveBeenCalled();
    expect(trigger).toHaveFocus();
  });

  it('confirms from the keyboard, closes, and returns focus', async () => {
    const user = userEvent.setup();
    const onConfirm = renderRemove();
    const trigger = screen.getByRole('button', { name: 'Remove Ana Adams' });
    trigger.focus();
    await user.keyboard('{Enter}');
    await screen.findByRole('alertdialog');

    await user.tab();
    expect(screen.getByRole('button', { name: 'Remove' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(onConfirm).toHaveBeenCalledOnce();
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(trigger).toHaveFocus();
  });

  it('opens without a trigger when asked, shows its extra words, and says when it is dismissed', async () => {
    const user = userEvent.setup();
    const onOpenChange = vi.fn();
    render(
      <ConfirmDialog
        open
        onOpenChange={onOpenChange}
        title="Discard changes not yet sent?"
        description="2 changes wait to be sent."
        cancelLabel="Keep them"
        confirmLabel="Discard and switch"
        onConfirm={() => {}}
      >
        <p>Reconnect to send them first.</p>
      </ConfirmDialog>,
    );

    const dialog = screen.getByRole('alertdialog', { name: 'Discard changes not yet sent?' });
    expect(dialog).toHaveTextContent('Reconnect to send them first.');
    await user.click(screen.getByRole('button', { name: 'Keep them' }));
    expect(onOpenChange).toHaveBeenCalledWith(false);
  });
});
