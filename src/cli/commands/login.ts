import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { invalidInput } from "../../core/errors.js";
import { ApiClient, clientConfigPath, writeClientConfig } from "../client.js";
import { EXIT } from "../exit.js";
import { readSecrets } from "../prompt.js";
import { timeText } from "../format.js";

export const LOGIN_HELP = `usage: guang login --server URL --user NAME [--password-file FILE] [--json]

Signs in and keeps the token in ${"$"}XDG_CONFIG_HOME/guang/config.json (mode 600). Without
--password-file the password is read from the terminal (or the first line of stdin).
GUANG_SERVER and GUANG_TOKEN, when set, are used instead of the saved ones.
`;

export async function loginCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      server: { type: "string" },
      user: { type: "string" },
      "password-file": { type: "string" },
      json: { type: "boolean" },
    },
  });
  const server = values.server ?? process.env.GUANG_SERVER;
  if (!server)
    throw invalidInput("give the server: guang login --server http://HOST:8080 --user NAME");
  if (!values.user) throw invalidInput("give the user: guang login --server URL --user NAME");
  try {
    new URL(server);
  } catch {
    throw invalidInput(`--server ${server} is not a URL; use e.g. http://127.0.0.1:8080`);
  }
  let password: string;
  if (values["password-file"]) {
    try {
      password = readFileSync(values["password-file"], "utf8").split("\n")[0]!;
    } catch (e) {
      throw invalidInput(
        `cannot read the password file ${values["password-file"]}: ${(e as Error).message}`,
      );
    }
  } else [password] = (await readSecrets(["Password: "])) as [string];
  const r = await new ApiClient(server, null).request<{
    token: string;
    expiresAt: string;
    mustChangePassword?: boolean;
  }>("POST", "/api/v1/auth/login", { username: values.user, password });
  writeClientConfig({ server, user: values.user, token: r.token });
  const must = r.mustChangePassword === true;
  if (values.json)
    process.stdout.write(
      `${JSON.stringify({ server, user: values.user, config: clientConfigPath(), expiresAt: r.expiresAt, mustChangePassword: must })}\n`,
    );
  else {
    process.stdout.write(
      `Logged in to ${server} as ${values.user} (token saved in ${clientConfigPath()}, valid until ${timeText(r.expiresAt)})\n`,
    );
    if (must)
      process.stdout.write(
        "Your password was chosen by someone else: change it now with guang passwd (nothing else is allowed until then)\n",
      );
  }
  return EXIT.ok;
}
