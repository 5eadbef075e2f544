import './account.css';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@shared/plan-api/accounts';

interface Rule {
  text: string;
  met: boolean;
}

const Tick = () => (
  <svg width={14} height={14} viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth={2} aria-hidden="true" focusable="false">
    <path d="M3 8.5 6.5 12 13 4.5" />
  </svg>
);

/**
 * The plan service's rules for a new password, in the order a user meets them while typing. The
 * service also refuses common and repetitive passwords; that answer comes back on the field.
 */
export function passwordRules(password: string, confirm: string, userId: string): Rule[] {
  const typed = password.length > 0;
  const id = userId.trim().toLowerCase();
  return [
    { text: `At least ${PASSWORD_MIN_LENGTH} characters`, met: password.length >= PASSWORD_MIN_LENGTH },
    { text: `At most ${PASSWORD_MAX_LENGTH} characters`, met: typed && password.length <= PASSWORD_MAX_LENGTH },
    { text: 'Does not contain your user ID', met: typed && (id === '' || !password.toLowerCase().includes(id)) },
    { text: 'Passwords match', met: typed && password === confirm },
  ];
}

/**
 * Ticks each rule as the user types. Not a live region (it would speak on every keystroke): the
 * password inputs name it in aria-describedby, so it is read when they get focus.
 */
export function PasswordChecklist({ id, password, confirm, userId }: { id: string; password: string; confirm: string; userId: string }) {
  return (
    <ul id={id} className="password-rules" aria-label="Password rules">
      {passwordRules(password, confirm, userId).map((rule) => (
        <li key={rule.text} className={rule.met ? 'is-met' : undefined}>
          <span className="password-rule-mark" aria-hidden="true">
            {rule.met ? <Tick /> : null}
          </span>
          {rule.text}
          <span className="visually-hidden">{rule.met ? ': done' : ': not yet'}</span>
        </li>
      ))}
    </ul>
  );
}
