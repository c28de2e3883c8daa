import { parseArgs } from "node:util";
import { formatBytes, parseBytes } from "../../core/byte-size.js";
import { invalidInput } from "../../core/errors.js";
import type { StorageItem } from "../../client/api-types.js";
import { ApiClient } from "../client.js";
import { printResult, table, timeText } from "../format.js";

export const QUOTA_HELP = `usage: guang quota [--scan] [--all] [--json]
       guang quota set (--user NAME | --account NAME) [--soft SIZE] [--hard SIZE]
                       [--soft-files N] [--hard-files N]

Storage used by your home and your accounts' project folders, as last counted, with their
quotas (like quota -s): a * marks one over its soft quota, ** over its hard one (new jobs of
the account are refused then).

  --scan        count now (as each folder's owner), then show
  --all         every home and folder in your reach (center and tenant admins)
  set           set a quota (admins); a SIZE is e.g. 500M, 10G, 1.5T; "none" lifts one
`;

type Item = StorageItem;

const size = (n: number | null | undefined) =>
  n === null || n === undefined ? "-" : formatBytes(n, true);
const count = (n: number | null | undefined) => (n === null || n === undefined ? "-" : String(n));

async function set(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: true,
    options: {
      user: { type: "string" },
      account: { type: "string" },
      soft: { type: "string" },
      hard: { type: "string" },
      "soft-files": { type: "string" },
      "hard-files": { type: "string" },
      json: { type: "boolean" },
    },
  });
  if (positionals.length)
    throw invalidInput(`guang quota set takes flags only, not "${positionals.join(" ")}"`);
  if (!values.user === !values.account)
    throw invalidInput("name one of --user NAME or --account NAME");
  const bytes = (v: string | undefined, what: string) =>
    v === undefined || v === "none" ? null : parseBytes(v, what);
  const files = (v: string | undefined, what: string) => {
    if (v === undefined || v === "none") return null;
    if (!/^\d+$/.test(v)) throw invalidInput(`${what} "${v}" is not a whole number of files`);
    return Number(v);
  };
  const r = await ApiClient.fromEnvironment().request<Item | null>(
    "PUT",
    "/api/v1/storage/quotas",
    {
      ...(values.user ? { user: values.user } : { account: values.account }),
      softBytes: bytes(values.soft, "--soft"),
      hardBytes: bytes(values.hard, "--hard"),
      softFiles: files(values["soft-files"], "--soft-files"),
      hardFiles: files(values["hard-files"], "--hard-files"),
    },
  );
  return printResult(
    values.json,
    r,
    () => `Quota set for ${values.user ? `user ${values.user}` : `account ${values.account}`}`,
  );
}

export async function quotaCommand(argv: string[]): Promise<number> {
  if (argv[0] === "set") return set(argv.slice(1));
  const { values, positionals } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: true,
    options: { scan: { type: "boolean" }, all: { type: "boolean" }, json: { type: "boolean" } },
  });
  if (positionals.length)
    throw invalidInput(
      `guang quota: unknown word "${positionals[0]}" (did you mean guang quota set?)`,
    );
  const client = ApiClient.fromEnvironment();
  const items = values.scan
    ? await client.request<Item[]>("POST", "/api/v1/storage/scan", { all: values.all ?? false })
    : await client.request<Item[]>("GET", `/api/v1/storage${values.all ? "?all=true" : ""}`);
  return printResult(values.json, items, () =>
    items.length === 0
      ? "Nothing is counted for you here (no home of your own, and no project folders configured)"
      : table(
          ["WHAT", "PATH", "USED", "SOFT", "HARD", "FILES", "FSOFT", "FHARD", "COUNTED"],
          items.map((i) => [
            `${i.kind} ${i.name}`,
            i.path,
            `${size(i.bytes)}${i.over === "hard" ? "**" : i.over === "soft" ? "*" : ""}`,
            size(i.quota?.softBytes),
            size(i.quota?.hardBytes),
            count(i.files),
            count(i.quota?.softFiles),
            count(i.quota?.hardFiles),
            i.takenAt ? timeText(i.takenAt) : "never",
          ]),
        ),
  );
}
