import { formatCount } from '../../components/format';

/** The column headings of a row of member counts: employees, dependents and their total. */
export function MemberCountHeadings() {
  return (
    <>
      <th scope="col" className="num">
        Employees
      </th>
      <th scope="col" className="num">
        Dependents
      </th>
      <th scope="col" className="num">
        Total
      </th>
    </>
  );
}

/** A row's member counts under MemberCountHeadings, the total in bold. */
export function MemberCountCells({ subscribers, dependents, total }: { subscribers: number; dependents: number; total: number }) {
  return (
    <>
      <td className="num">{formatCount(subscribers)}</td>
      <td className="num">{formatCount(dependents)}</td>
      <td className="num strong">{formatCount(total)}</td>
    </>
  );
}
