import path from 'node:path';

/**
 * The value of `--<name>` in `args` made absolute against `cwd`: while the plan service runs, it
 * carries the command out in its own folder, so a file the operator names must not depend on where
 * each process happens to run.
 */
export function absoluteOption(args: string[], name: string, cwd: string): string[] {
  return args.map((arg, index) => {
    if (arg.startsWith(`--${name}=`)) return `--${name}=${path.resolve(cwd, arg.slice(name.length + 3))}`;
    return args[index - 1] === `--${name}` ? path.resolve(cwd, arg) : arg;
  });
}

/** Every argument that is not an option made absolute against `cwd`, for commands whose only positionals are files. */
export function absolutePositionals(args: string[], cwd: string): string[] {
  return args.map((arg) => (arg.startsWith('-') ? arg : path.resolve(cwd, arg)));
}
