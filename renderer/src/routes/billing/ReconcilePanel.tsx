import { useEffect, useState } from 'react';
import { Link } from '@tanstack/react-router';
import { reconcileKinds } from '@shared/contract/methods/billing';
import type { ReconcileRow } from '@shared/contract/methods/billing';
import type { InvoiceDispute } from '@shared/plan-api/invoice-disputes';
import { formatUsd } from '@shared/util/money';
import { useAnnouncer } from '../../state/announcer';
import { EmptyState, ErrorState } from '../../components/ErrorState';
import { SkeletonBlock } from '../../components/Skeleton';
import { TableScroll } from '../../components/TableScroll';
import { formatCount, formatDate, formatInstant, plural } from '../../components/format';
import { useBillingQuery } from './use-billing-query';
import { reconcileKindLabels } from './billing-words';
import { DisputeDialog } from './DisputeDialog';
import { WorksheetButtons } from './WorksheetButtons';

interface Props {
  groupNumber: string;
  invoiceNumber: string;
  /** Whether this role may file a dispute (the plan takes one from billing.write or members.write). */
  canDispute: boolean;
  onDisputed: () => void;
}

const side = (s: { planCode: string | null; tier: string | null } | null, cents: number | null | undefined) =>
  s && s.planCode ? `${s.planCode} · ${s.tier ?? '—'}${cents === null || cents === undefined ? '' : ` · ${formatUsd(cents)}`}` : '—';

/**
 * The invoice against the local roster for its month: every member billed but not covered, covered
 * but not billed, or billed for another plan, tier or amount, in groups with plain headings. Each
 * can be disputed with the plan; the whole list saves as a worksheet.
 */
export function ReconcilePanel({ groupNumber, invoiceNumber, canDispute, onDisputed }: Props) {
  const announce = useAnnouncer((s) => s.announce);
  const result = useBillingQuery('billing.reconcile', { groupNumber, invoiceNumber }, { followRoster: true });
  const [disputing, setDisputing] = useState<ReconcileRow | null>(null);
  // Disputes filed here, by member, until the next reconciliation carries them.
  const [filed, setFiled] = useState<ReadonlyMap<string, InvoiceDispute>>(new Map());
  const found = result.data?.rows.length ?? null;
  useEffect(() => {
    if (found !== null) announce(found === 0 ? 'The invoice matches the roster.' : `${plural(found, 'difference', 'differences')} from the roster.`);
  }, [found, announce]);

  if (result.status === 'error' && !result.data) return <ErrorState title="The reconciliation could not be made" error={result.error} onRetry={result.reload} />;
  if (!result.data) return <SkeletonBlock label="Comparing the invoice with the roster…" lines={6} />;
  const data = result.data;

  const onFiled = (row: ReconcileRow, dispute: InvoiceDispute) => {
    setFiled((prev) => new Map(prev).set(row.memberId, dispute));
    setDisputing(null);
    announce(`Dispute sent for ${row.memberName}.`);
    onDisputed();
  };

  return (
    <div className="billing-reconcile" data-tour="invoice-reconcile">
      <div className="toolbar">
        <p className="page-meta">
          {formatCount(data.billedCount)} billed · {formatCount(data.coveredCount)} covered on the roster
          {data.rosterAsOf && <span className="muted"> · roster as of {formatInstant(data.rosterAsOf)}</span>}
        </p>
        {data.rows.length > 0 && <WorksheetButtons groupNumber={groupNumber} invoiceNumber={invoiceNumber} />}
      </div>
      {data.rows.length === 0 ? (
        <EmptyState title="The invoice matches the roster">
          <p>Every member billed is covered in this month, at the plan, tier and rate the roster has; nobody covered is missing.</p>
        </EmptyState>
      ) : (
        reconcileKinds.map((kind) => {
          const rows = data.rows.filter((r) => r.kind === kind);
          if (rows.length === 0) return null;
          const words = reconcileKindLabels[kind];
          const titleId = `reconcile-${kind}`;
          return (
            <section key={kind} className="billing-reconcile-group" aria-labelledby={titleId}>
              <h3 id={titleId} className="tx-section-title">
                {words.title} <span className="tab-count">{formatCount(rows.length)}</span>
              </h3>
              <p className="muted">{words.hint}</p>
              <TableScroll labelledBy={`${titleId}-caption`}>
                <table className="table billing-table">
                  <caption id={`${titleId}-caption`} className="visually-hidden">
                    Differences: {words.title.toLowerCase()}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">Member</th>
                      <th scope="col">Billed</th>
                      <th scope="col">Roster</th>
                      <th scope="col">What differs</th>
                      <th scope="col">Dispute</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((row) => {
                      const dispute = filed.get(row.memberId) ?? row.dispute;
                      return (
                        <tr key={row.memberId}>
                          <th scope="row">
                            <Link to="/members/$memberId" params={{ memberId: row.memberId }}>
                              {row.memberName}
                            </Link>
                            <span className="billing-sub mono">{row.memberId}</span>
                          </th>
                          <td>{side(row.billed, row.billed?.amountCents)}</td>
                          <td>
                            {side(row.roster, row.roster.expectedCents)}
                            {row.roster.coverageEnd && <span className="billing-sub">Coverage ended {formatDate(row.roster.coverageEnd)}</span>}
                          </td>
                          <td className="billing-note">{row.explanation}</td>
                          <td>
                            {dispute ? (
                              <span className="billing-disputed-state">
                                Disputed {formatInstant(dispute.filedAt)} — {dispute.status}
                                <span className="billing-sub">{dispute.note}</span>
                              </span>
                            ) : canDispute ? (
                              <button type="button" className="button" onClick={() => setDisputing(row)} aria-label={`Dispute ${row.memberName}`}>
                                Dispute
                              </button>
                            ) : (
                              <span className="muted">Not disputed</span>
                            )}
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </TableScroll>
            </section>
          );
        })
      )}
      {disputing && (
        <DisputeDialog
          groupNumber={groupNumber}
          invoiceNumber={invoiceNumber}
          periodStart={data.periodStart}
          row={disputing}
          onFiled={(d) => onFiled(disputing, d)}
          onClose={() => setDisputing(null)}
        />
      )}
    </div>
  );
}

