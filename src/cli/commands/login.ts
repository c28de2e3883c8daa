import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { invalidInput } from "../../core/errors.js";
import { ApiClient, clientConfigPath, writeClientConfig } from "../client.js";
import { EXIT } from "../exit.js";

export const LOGIN_HELP = `usage: guang login --server URL --user NAME [--password-file FILE] [--json]

Signs in and keeps the token in ${"$"}XDG_CONFIG_HOME/guang/config.json (mode 600). Without
--password-file the password is read from the terminal (or the first line of stdin).
GUANG_SERVER and GUANG_TOKEN, when set, are used instead of the saved ones.
`;

async function readPassword(): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const c of stdin) chunks.push(c as Buffer);
    return Buffer.concat(chunks).toString("utf8").split("\n")[0] ?? "";
  }
  process.stderr.write("Password: ");
  stdin.setRawMode(true);
  let pw = "";
  return new Promise((resolve) => {
    const onData = (d: Buffer) => {
      for (const ch of d.toString("utf8")) {
        if (ch === "\r" || ch === "\n") {
          stdin.setRawMode(false);
          stdin.off("data", onData);
          stdin.pause();
          process.stderr.write("\n");
          resolve(pw);
          return;
        }
        if (ch === "\u0003") process.exit(130);
        if (ch === "\u007f") pw = pw.slice(0, -1);
        else pw += ch;
      }
    };
    stdin.on("data", onData);
  });
}

export async function loginCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: { server: { type: "string" }, user: { type: "string" }, "password-file": { type: "string" }, json: { type: "boolean" } },
  });
  const server = values.server ?? process.env.GUANG_SERVER;
  if (!server) throw invalidInput("give the server: guang login --server http://HOST:8080 --user NAME");
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
      throw invalidInput(`cannot read the password file ${values["password-file"]}: ${(e as Error).message}`);
    }
  } else password = await readPassword();
  const r = await new ApiClient(server, null).request<{ token: string; expiresAt: string }>("POST", "/api/v1/auth/login", { username: values.user, password });
  writeClientConfig({ server, user: values.user, token: r.token });
  if (values.json) process.stdout.write(`${JSON.stringify({ server, user: values.user, config: clientConfigPath(), expiresAt: r.expiresAt })}\n`);
  else process.stdout.write(`Logged in to ${server} as ${values.user} (token saved in ${clientConfigPath()}, valid until ${r.expiresAt})\n`);
  return EXIT.ok;
}
