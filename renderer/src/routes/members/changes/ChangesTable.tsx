import { Link } from '@tanstack/react-router';
import type { RosterDiffRow } from '@shared/contract/methods/roster-history';
import { relationshipLabels } from '@shared/domain/relationships';
import { rosterChangeLabels } from '@shared/domain/roster-changes';
import { TableScroll } from '../../../components/TableScroll';
import { formatDatesIn } from '../../../components/format';

/** One page of changes: the member (a link to their record), how they are related, the kind of change and what changed. */
export function ChangesTable({ rows, caption, titleId }: { rows: readonly RosterDiffRow[]; caption: string; titleId: string }) {
  return (
    <TableScroll labelledBy={titleId}>
      <table className="table changes-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Member</th>
            <th scope="col">Relationship</th>
            <th scope="col">Change</th>
            <th scope="col">Details</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.memberId}>
              <th scope="row">
                <Link to="/members/$memberId" params={{ memberId: row.memberId }}>
                  {row.name}
                </Link>
                <div className="muted mono">{row.memberId}</div>
              </th>
              <td>{relationshipLabels[row.relationship]}</td>
              <td>
                <span className={`change-badge change-${row.change}`}>{rosterChangeLabels[row.change]}</span>
              </td>
              <td className="change-details">
                <ul>
                  {row.details.map((detail) => (
                    <li key={detail}>{formatDatesIn(detail)}</li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
