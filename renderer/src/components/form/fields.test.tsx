import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FormProvider, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { TextField } from './fields';

function PasswordForm() {
  const form = useForm({ resolver: zodResolver(z.object({ password: z.string().min(12, 'Use at least 12 characters') })), defaultValues: { password: '' }, mode: 'onTouched' });
  return (
    <FormProvider {...form}>
      <form noValidate>
        <TextField
          name="password"
          label="Password"
          type="password"
          autoComplete="new-password"
          hint="At least 12 characters"
          describedBy="rules"
        />
        <p id="rules">Not your user ID</p>
        <button type="button">Next</button>
      </form>
    </FormProvider>
  );
}

describe('the form-field kit', () => {
  it('names a field by its label and describes it by its hint, what else describes it, and its message', async () => {
    const user = userEvent.setup();
    render(<PasswordForm />);
    const input = screen.getByLabelText('Password');
    expect(input).toHaveAttribute('type', 'password');
    expect(input).toHaveAccessibleDescription('At least 12 characters Not your user ID');

    await user.type(input, 'short');
    await user.tab();
    expect(input).toBeInvalid();
    expect(input).toHaveAccessibleDescription('At least 12 characters Not your user ID Use at least 12 characters');
  });
});
