import { useEffect, useState } from 'react';
import { Link } from '@tanstack/react-router';
import type { InvoicePreview } from '@shared/contract/methods/billing';
import { formatUsd } from '@shared/util/money';
import { useGroupStore } from '../../state/group-store';
import { useAnnouncer } from '../../state/announcer';
import { useCoreEvent } from '../../api/ApiProvider';
import { EmptyState, ErrorState } from '../../components/ErrorState';
import { SkeletonBlock } from '../../components/Skeleton';
import { TableScroll } from '../../components/TableScroll';
import { BackIcon } from '../../components/icons';
import { formatCount, formatDate, plural } from '../../components/format';
import { useBillingQuery } from './use-billing-query';
import { formatMonth } from './billing-words';
import './billing.css';

type PreviewLine = InvoicePreview['lines'][number];

const changeLabels: Record<PreviewLine['change'], string> = { added: 'Added', removed: 'Removed', changed: 'Changed', same: 'Same' };
/** Differences first (added, removed, changed), then the unchanged, each by name. */
const changeOrder: Record<PreviewLine['change'], number> = { added: 0, removed: 1, changed: 2, same: 3 };

const coverage = (planCode: string | null, tier: string | null) => (planCode ? `${planCode} · ${tier ?? '—'}` : '—');

/**
 * The next invoice as today's roster and pending changes would bill it, against the last invoice:
 * what will differ and why, before it is issued. Unchanged families are hidden until asked for.
 */
export function PreviewPage() {
  const groupNumber = useGroupStore((s) => s.groupNumber) ?? '';
  const preview = useBillingQuery('billing.preview', { groupNumber }, { followRoster: true });
  const reload = preview.reload;
  // Pending changes and the roster shape the preview as much as invoices do.
  useCoreEvent((event) => {
    if ((event.type === 'roster.changed' || event.type === 'activity.changed') && event.groupNumber === groupNumber) reload();
  });
  const [showSame, setShowSame] = useState(false);
  const announce = useAnnouncer((s) => s.announce);

  const data = preview.data;
  const differing = data ? data.lines.filter((l) => l.change !== 'same').length : null;
  useEffect(() => {
    if (differing !== null) announce(plural(differing, 'family differs', 'families differ') + ' from the last invoice');
  }, [differing, announce]);

  return (
    <div className="page page-billing">
      <Link to="/billing" className="back-link">
        <BackIcon />
        Back to Billing
      </Link>
      <div className="page-header">
        <h1 className="page-title">Next invoice preview</h1>
        <p className="page-meta">An estimate from today’s roster and changes waiting for the plan; the plan issues the real invoice.</p>
      </div>
      {preview.status === 'error' && !data ? (
        <ErrorState title="The preview could not be made" error={preview.error} onRetry={preview.reload} />
      ) : !data ? (
        <SkeletonBlock label="Working out the next invoice…" lines={8} />
      ) : (
        <>
          <PreviewFigures preview={data} />
          <section className="card card-wide" aria-labelledby="preview-lines-title">
            <div className="billing-card-head">
              <h2 id="preview-lines-title" className="card-title">
                Line by line
              </h2>
              <label className="wz-radio billing-toggle">
                <input type="checkbox" checked={showSame} onChange={(e) => setShowSame(e.target.checked)} />
                <span>Show unchanged families ({formatCount(data.lines.length - (differing ?? 0))})</span>
              </label>
            </div>
            <PreviewLines lines={data.lines} showSame={showSame} />
          </section>
        </>
      )}
    </div>
  );
}

function PreviewFigures({ preview }: { preview: InvoicePreview }) {
  const difference = preview.lastPremiumsCents === null ? null : preview.premiumsCents - preview.lastPremiumsCents;
  return (
    <section aria-label="Next invoice" className="stats">
      <div className="stat" role="group" aria-labelledby="preview-month">
        <div id="preview-month" className="stat-label">
          Month
        </div>
        <div className="stat-value billing-figure">{formatMonth(preview.periodStart)}</div>
        <div className="stat-foot">
          <span className="muted">To be issued {formatDate(preview.issuesOn)}</span>
        </div>
      </div>
      <div className="stat" role="group" aria-labelledby="preview-premiums">
        <div id="preview-premiums" className="stat-label">
          Premiums
        </div>
        <div className="stat-value billing-figure">{formatUsd(preview.premiumsCents)}</div>
        <div className="stat-foot">
          <span className="muted">
            {difference === null || preview.lastPremiumsCents === null
              ? 'No invoice yet to compare with'
              : `${difference === 0 ? 'Same as' : difference > 0 ? `${formatUsd(difference)} more than` : `${formatUsd(-difference)} less than`} the last invoice (${formatUsd(preview.lastPremiumsCents)})`}
          </span>
        </div>
      </div>
      <div className="stat" role="group" aria-labelledby="preview-pending">
        <div id="preview-pending" className="stat-label">
          Pending changes
        </div>
        <div className="stat-value billing-figure">{formatCount(preview.pendingChanges)}</div>
        <div className="stat-foot">
          <span className="muted">{preview.pendingChanges === 0 ? 'Nothing waiting for the plan' : 'Counted as if the plan accepts them'}</span>
          {preview.pendingChanges > 0 && (
            <Link to="/activity" search={{}} className="link-button">
              See them in Activity
            </Link>
          )}
        </div>
      </div>
    </section>
  );
}

function PreviewLines({ lines, showSame }: { lines: PreviewLine[]; showSame: boolean }) {
  const shown = lines.filter((l) => showSame || l.change !== 'same').sort((a, b) => changeOrder[a.change] - changeOrder[b.change] || a.memberName.localeCompare(b.memberName));
  if (shown.length === 0)
    return (
      <EmptyState title="Nothing changes from the last invoice">
        <p>Every family is billed as it was. Show unchanged families to see them.</p>
      </EmptyState>
    );
  return (
    <TableScroll labelledBy="preview-lines-title">
      <table className="table billing-table">
        <thead>
          <tr>
            <th scope="col">Member</th>
            <th scope="col">Change</th>
            <th scope="col">Last invoice</th>
            <th scope="col">Next invoice</th>
            <th scope="col" className="num">
              Difference
            </th>
          </tr>
        </thead>
        <tbody>
          {shown.map((l) => (
            <tr key={l.memberId} className={l.change === 'same' ? 'billing-same' : undefined}>
              <th scope="row">
                {l.memberName} <span className="muted mono">{l.memberId}</span>
              </th>
              <td>
                <span className={`badge badge-change-${l.change}`}>{changeLabels[l.change]}</span>
                {l.pending && (
                  <span className="badge badge-sync billing-pending" title="A change not yet accepted by the plan shapes this line">
                    Pending change
                  </span>
                )}
              </td>
              <td>
                {coverage(l.lastPlanCode, l.lastTier)} <span className="num">{formatUsd(l.lastAmountCents)}</span>
              </td>
              <td>
                {coverage(l.planCode, l.tier)} <span className="num">{formatUsd(l.amountCents)}</span>
              </td>
              <td className="num">{formatUsd(l.amountCents - l.lastAmountCents)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
