// Placeholder until the wizard lands (issue 4, same session): the route exists so the router compiles.
export function IdCardWizard(_props: { memberIds: string[]; draftId?: number | undefined; replaces?: number | undefined }) {
  return <h1>Request ID cards</h1>;
}
