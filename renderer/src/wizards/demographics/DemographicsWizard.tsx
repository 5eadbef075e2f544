// Placeholder until the wizard lands (issue 4, same session): the route exists so the router compiles.
export function DemographicsWizard(_props: { memberId: string; draftId?: number | undefined; replaces?: number | undefined }) {
  return <h1>Update demographics</h1>;
}
