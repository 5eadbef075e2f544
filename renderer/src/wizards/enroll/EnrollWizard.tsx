// Placeholder until the wizard lands (issue 4, same session): the route exists so the router compiles.
export function EnrollWizard(_props: { draftId?: number | undefined; replaces?: number | undefined }) {
  return <h1>Enroll a subscriber</h1>;
}
