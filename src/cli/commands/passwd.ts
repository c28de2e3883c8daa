import { parseArgs } from "node:util";
import { invalidInput } from "../../core/errors.js";
import { ApiClient } from "../client.js";
import { EXIT } from "../exit.js";
import { readSecrets } from "../prompt.js";

export const PASSWD_HELP = `usage: guang passwd

Changes your password: asks for the current one and the new one twice at the terminal
(or reads current and new, one per line, from stdin).
`;

export async function passwdCommand(argv: string[]): Promise<number> {
  parseArgs({ args: argv, strict: true, options: {} });
  const interactive = process.stdin.isTTY;
  const [current, next, again] = await readSecrets(
    interactive ? ["Current password: ", "New password: ", "Again: "] : ["", ""],
  );
  if (interactive && next !== again)
    throw invalidInput("the two new passwords differ; nothing changed");
  await ApiClient.fromEnvironment().request("POST", "/api/v1/auth/password", {
    current,
    password: next,
  });
  process.stdout.write("Password changed; your other sessions and API tokens have ended\n");
  return EXIT.ok;
}
