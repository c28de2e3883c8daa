import { invalidInput } from "../core/errors.js";

export type Handler = (argv: string[]) => Promise<number>;

/** `guang X SUB ...`: runs the named subcommand, or says which there are. */
export function subcommands(
  command: string,
  help: string,
  table: Record<string, Handler>,
): Handler {
  return async (argv) => {
    const [sub, ...rest] = argv;
    if (sub === undefined || sub === "help" || sub === "--help" || sub === "-h") {
      process.stdout.write(help);
      return 0;
    }
    const run = table[sub];
    if (!run)
      throw invalidInput(
        `guang ${command}: unknown subcommand "${sub}"; there are: ${Object.keys(table).join(", ")}`,
      );
    return run(rest);
  };
}
