/** The header row shared by the live fairness table and the end-of-meeting summary. */
export function SpeakingTableHead() {
  return (
    <thead>
      <tr>
        <th scope="col" className="fac-th-name">
          Member
        </th>
        <th scope="col" className="fac-th-time">
          Time (share)
        </th>
        <th scope="col">Turns</th>
        <th scope="col">Passes</th>
      </tr>
    </thead>
  );
}
