import { useEffect, useId, useRef, useState } from 'react';
import { printOnly } from '../../components/print-only';

/**
 * The recovery codes, shown once: to copy, print or write down. The heading takes focus so a screen
 * reader starts here, and leaving is a deliberate step.
 */
export function RecoveryCodes({ userId, codes, onDone }: { userId: string; codes: string[]; onDone: () => void }) {
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const block = useRef<HTMLDivElement>(null);
  const [copied, setCopied] = useState<string | null>(null);
  useEffect(() => heading.current?.focus(), []);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(`GroupDesk recovery codes for ${userId}\n${codes.join('\n')}\n`);
      setCopied('Copied. Paste them somewhere safe, such as a password manager.');
    } catch {
      setCopied('Copying did not work here: print them or write them down.');
    }
  };

  return (
    <div className="settings-form" aria-labelledby={`${id}-title`} role="group" ref={block}>
      <h3 id={`${id}-title`} ref={heading} tabIndex={-1}>
        Save your recovery codes
      </h3>
      <p>
        If you lose your phone, each of these codes signs you in once instead of a 6-digit code. They are shown only now: copy or print them and keep them somewhere safe.
      </p>
      <p>
        For the user ID <strong>{userId}</strong>.
      </p>
      <ul className="two-factor-codes" aria-label={`Recovery codes for ${userId}`}>
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
      <div className="two-factor-actions no-print">
        <button type="button" className="button" onClick={() => void copy()}>
          Copy codes
        </button>
        <button type="button" className="button" onClick={() => block.current && printOnly(block.current)}>
          Print codes
        </button>
        <button type="button" className="button button-primary" onClick={onDone}>
          I have saved them
        </button>
      </div>
      {copied && (
        <p className="account-status no-print" role="status">
          {copied}
        </p>
      )}
    </div>
  );
}
