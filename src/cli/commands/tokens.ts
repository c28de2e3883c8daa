import { parseArgs } from "node:util";
import { invalidInput } from "../../core/errors.js";
import { ApiClient } from "../client.js";
import { printResult, table, timeText } from "../format.js";
import { subcommands } from "../subcommands.js";

export const TOKENS_HELP = `usage: guang tokens <subcommand>

  list                          your API tokens (never their secrets): name, kind, made, ends, revoked
  create NAME [--days N]        a named token for scripts, shown once; it lives N days at most
                                (the center's auth.tokenMaxDays when not given)
  revoke ID                     ends a token at once (its event streams too)

Every subcommand takes --json. A script uses a token as GUANG_TOKEN, or Authorization: Bearer.
`;

const json = { json: { type: "boolean" } } as const;

interface TokenRow {
  id: number;
  name: string;
  kind: string;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
}

export const tokensCommand = subcommands("tokens", TOKENS_HELP, {
  async list(argv) {
    const { values } = parseArgs({ args: argv, strict: true, options: json });
    const { tokens } = await ApiClient.fromEnvironment().request<{ tokens: TokenRow[] }>(
      "GET",
      "/api/v1/tokens",
    );
    return printResult(values.json, tokens, () =>
      table(
        ["ID", "NAME", "KIND", "CREATED", "EXPIRES", "REVOKED"],
        tokens.map((t) => [
          String(t.id),
          t.name,
          t.kind,
          timeText(t.createdAt),
          t.expiresAt ? timeText(t.expiresAt) : "-",
          t.revokedAt ?? "-",
        ]),
      ),
    );
  },
  async create(argv) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: { ...json, days: { type: "string" } },
    });
    if (positionals.length !== 1) throw invalidInput("usage: guang tokens create NAME [--days N]");
    if (values.days !== undefined && !/^\d+$/.test(values.days))
      throw invalidInput(`--days is a whole number of days, not "${values.days}"`);
    const t = await ApiClient.fromEnvironment().request<{
      id: number;
      name: string;
      token: string;
      expiresAt: string | null;
    }>("POST", "/api/v1/tokens", {
      name: positionals[0],
      ...(values.days !== undefined ? { expiresInDays: Number(values.days) } : {}),
    });
    return printResult(
      values.json,
      t,
      () =>
        `Token ${t.id} "${t.name}" (until ${t.expiresAt ? timeText(t.expiresAt) : "revoked"}); it is shown only now:\n${t.token}`,
    );
  },
  async revoke(argv) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: json,
    });
    if (positionals.length !== 1) throw invalidInput("usage: guang tokens revoke ID");
    const r = await ApiClient.fromEnvironment().request<{ revoked: number }>(
      "DELETE",
      `/api/v1/tokens/${encodeURIComponent(positionals[0]!)}`,
    );
    return printResult(values.json, r, () => `Revoked token ${r.revoked}`);
  },
});
