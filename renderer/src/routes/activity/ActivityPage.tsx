// Placeholder until the wizard lands (issue 4, same session): the route exists so the router compiles.
export function ActivityPage(_props: { selectedId?: number | undefined }) {
  return <h1>Activity</h1>;
}
