// Placeholder until the wizard lands (issue 4, same session): the route exists so the router compiles.
export function SettingsPage(_props: Record<string, never>) {
  return <h1>Settings</h1>;
}
