/**
 * The shared ending of a kill test's child process: one progress line per step on stdout (the parent
 * kills it at a chosen line), and the plan it was given parsed from its first argument. A failure
 * prints its stack and exits 1, so the parent tells a crash from the SIGKILL it sent.
 */
export const say = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

export function runChild<Plan>(main: (plan: Plan) => Promise<void>): void {
  const plan = JSON.parse(process.argv[2] ?? '') as Plan;
  main(plan).then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
}
