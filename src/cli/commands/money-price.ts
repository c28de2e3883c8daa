import { parseArgs } from "node:util";
import type { PriceView } from "../../client/api-types.js";
import { invalidInput } from "../../core/errors.js";
import { ApiClient } from "../client.js";
import { EXIT } from "../exit.js";
import { printResult, timeText } from "../format.js";
import { confirm } from "../prompt.js";
import type { Handler } from "../subcommands.js";

/**
 * `guang money price PARTITION ...`: a new price from a time on. A price that is not free stops
 * the accounts with nothing to spend (on a new center: all of them, default included), so the
 * CLI asks the server which first, names them, and sets the price only once that is confirmed.
 */
export const setPrice: Handler = async (argv) => {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      json: { type: "boolean" },
      yes: { type: "boolean", short: "y" },
      "cpu-hour": { type: "string" },
      "mem-gib-hour": { type: "string" },
      "gpu-hour": { type: "string", multiple: true },
      max: { type: "boolean" },
      "min-charge": { type: "string" },
      qos: { type: "string" },
      tenant: { type: "string" },
      cluster: { type: "string" },
      from: { type: "string" },
    },
  });
  if (positionals.length !== 1)
    throw invalidInput("usage: guang money price PARTITION --cpu-hour X --from TIME");
  if (!values["cpu-hour"])
    throw invalidInput("guang money price: give the price of a core-hour with --cpu-hour X");
  if (!values.from)
    throw invalidInput(
      "guang money price: say from when it holds with --from TIME (ISO 8601, or now)",
    );
  const gpuHour: Record<string, string> = {};
  for (const g of values["gpu-hour"] ?? []) {
    const m = /^([\w*-]+)=(.+)$/.exec(g);
    if (!m)
      throw invalidInput(`--gpu-hour ${g}: write TYPE=PRICE, e.g. a100=8 (or *=4 for any type)`);
    gpuHour[m[1]!] = m[2]!;
  }
  const body = {
    cluster: values.cluster ?? "local",
    partition: positionals[0],
    effectiveFrom: values.from === "now" ? new Date().toISOString() : values.from,
    cpuHour: values["cpu-hour"],
    ...(values["mem-gib-hour"] ? { memGiBHour: values["mem-gib-hour"] } : {}),
    ...(Object.keys(gpuHour).length ? { gpuHour } : {}),
    ...(values.max ? { mode: "max" } : {}),
    ...(values["min-charge"] ? { minCharge: values["min-charge"] } : {}),
    ...(values.qos ? { qos: values.qos } : {}),
    ...(values.tenant ? { tenant: values.tenant } : {}),
  };
  const client = ApiClient.fromEnvironment();
  if (!values.yes) {
    const { accountsWithoutMoney: empty } = await client.request<{
      accountsWithoutMoney: string[];
    }>("POST", "/api/v1/prices/check", body);
    if (empty.length) {
      const what =
        `${empty.length} account(s) have nothing to spend, so this price would refuse their ` +
        `jobs on ${body.cluster}/${body.partition}: ${empty.join(", ")}. Give them money ` +
        `(guang money transfer ACCOUNT AMOUNT) or credit (guang money billing ACCOUNT --credit X)`;
      if (!process.stdin.isTTY) {
        process.stderr.write(
          `guang money price: nothing set: ${what}; or set it anyway with --yes\n`,
        );
        return EXIT.refused;
      }
      if (!(await confirm(`guang: ${what}.\nSet the price anyway? [y/N] `))) {
        process.stderr.write("guang money price: nothing set\n");
        return EXIT.refused;
      }
    }
  }
  const out = await client.request<PriceView & { accountsWithoutMoney: string[] }>(
    "POST",
    "/api/v1/prices",
    body,
  );
  // the accounts may have changed between the question and the price: say what holds now
  if (out.accountsWithoutMoney.length && !values.json)
    process.stderr.write(
      `guang: warning: ${out.accountsWithoutMoney.length} account(s) have nothing to spend, so their jobs on this partition are refused from ${timeText(out.effectiveFrom)}: ${out.accountsWithoutMoney.join(", ")}\n`,
    );
  return printResult(
    values.json,
    out,
    () =>
      `Price of ${out.cluster}/${out.partition}${out.tenant ? ` for ${out.tenant}` : ""} from ${timeText(out.effectiveFrom)}: ${out.cpuHour} ${out.currency} a core-hour`,
  );
};
