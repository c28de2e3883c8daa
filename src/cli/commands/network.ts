import { parseArgs } from "node:util";
import type { components } from "../../client/api-types.js";
import { invalidInput } from "../../core/errors.js";
import { ApiClient } from "../client.js";
import { EXIT } from "../exit.js";
import { printResult, table, timeText } from "../format.js";

type NetworkView = components["schemas"]["NetworkView"];
type Statement = components["schemas"]["SettlementStatement"];

export const NETWORK_HELP = `usage: guang network [--json]
       guang network statement PEER --month YYYY-MM [--check] [--json]

This center in the network of centers (center staff): its name, its public key (what peers
put in their config as network.peers[].publicKey), and each peer with its clusters (ours to
name PEER:CLUSTER, e.g. guang submit -M b:gpu job.sh) and whether they answer.
  statement PEER   the month's settlement with PEER: each job it ran for us, with what it
                   charged, and each job we ran for it, with what we charged; totals
  --month          the month, e.g. 2026-12 (required with statement)
  --check          ask PEER for its own statement too and compare line by line: exit 0
                   when both agree, 1 with each difference when not
`;

function statementText(s: Statement): string {
  const part = (title: string, side: Statement["weRan"]) =>
    [
      `${title}: ${side.lines.length} job(s), ${side.total} ${s.currency}`,
      table(
        ["JOB_THERE", "CLUSTER", "END", "AMOUNT", "OUR_JOB"],
        side.lines.map((l) => [
          l.ranAs,
          l.cluster,
          timeText(l.endTime),
          l.amount,
          l.job === null ? "-" : String(l.job),
        ]),
        true,
      ),
    ].join("\n");
  return [
    `Statement ${s.month} between ${s.center} and ${s.peer}`,
    part(`${s.peer} ran for ${s.center}`, s.theyRan),
    part(`${s.center} ran for ${s.peer}`, s.weRan),
  ].join("\n\n");
}

export async function networkCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: true,
    options: { month: { type: "string" }, check: { type: "boolean" }, json: { type: "boolean" } },
  });
  const api = ApiClient.fromEnvironment();
  if (positionals.length === 0) {
    const n = await api.request<NetworkView>("GET", "/api/v1/network");
    printResult(values.json, n, () =>
      n.name === null
        ? "this center is in no network of centers (network: in its config names its peers)"
        : [
            `center ${n.name}`,
            `public key: ${n.publicKey}`,
            table(
              ["PEER", "URL", "ACTS_AS", "CLUSTER", "STATE"],
              n.peers.flatMap((p) =>
                (p.clusters.length ? p.clusters : [null]).map((k) => [
                  p.name,
                  p.url,
                  p.user ?? "-",
                  k?.name ?? "-",
                  k ? (k.reachable ? "up" : `down: ${k.error ?? "no answer yet"}`) : "-",
                ]),
              ),
              true,
            ),
          ].join("\n"),
    );
    return EXIT.ok;
  }
  const [what, peer, ...rest] = positionals;
  if (what !== "statement" || !peer || rest.length)
    throw invalidInput("usage: guang network statement PEER --month YYYY-MM [--check]");
  if (!values.month) throw invalidInput("guang network statement needs --month YYYY-MM");
  const path = `/api/v1/network/statements/${encodeURIComponent(peer)}`;
  const month = `month=${encodeURIComponent(values.month)}`;
  if (!values.check) {
    const s = await api.request<Statement>("GET", `${path}?${month}`);
    printResult(values.json, s, () => statementText(s));
    return EXIT.ok;
  }
  const c = await api.request<{ agree: boolean; differences: string[]; ours: Statement }>(
    "GET",
    `${path}/check?${month}`,
  );
  printResult(values.json, c, () =>
    [
      statementText(c.ours),
      c.agree
        ? `\n${peer}'s own statement agrees, line by line and in total`
        : `\n${peer}'s own statement differs:\n${c.differences.map((d) => `  ${d}`).join("\n")}`,
    ].join("\n"),
  );
  return c.agree ? EXIT.ok : EXIT.refused;
}
