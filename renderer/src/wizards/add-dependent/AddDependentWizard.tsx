// Placeholder until the wizard lands (issue 4, same session): the route exists so the router compiles.
export function AddDependentWizard(_props: { subscriberId: string; draftId?: number | undefined; replaces?: number | undefined }) {
  return <h1>Add a dependent</h1>;
}
