import { spawnSync } from "node:child_process";
import { AS_ROOT } from "./unix-user.js";

/** Why test hosts cannot be made here (not root, no iproute2), or null. */
export function netnsMissing(): string | null {
  if (!AS_ROOT) return "test hosts in network namespaces need root";
  if (spawnSync("ip", ["netns", "list"]).status !== 0)
    return "test hosts need iproute2's ip netns (apt-get install iproute2)";
  return null;
}

function ip(...args: string[]): void {
  const r = spawnSync("ip", args, { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`ip ${args.join(" ")}: ${r.stderr.trim()}`);
}

export interface TestHosts {
  /** The namespaces, one per host. */
  names: string[];
  /** Each host's address, reachable from this process and from the other hosts. */
  addresses: string[];
  remove(): void;
}

/**
 * `count` test hosts on one bridge: a network namespace each, joined by a veth pair to a
 * bridge in this namespace (which has .254 of their /24). Names carry this process's id,
 * so that runs never meet; remove() takes all of it away.
 */
export function makeHosts(count: number): TestHosts {
  const tag = String(process.pid % 100000);
  const subnet = `10.${77 + (process.pid % 100)}.${process.pid % 250}`;
  const bridge = `gbr${tag}`;
  const names = Array.from({ length: count }, (_, i) => `guang-${tag}-${i}`);
  const addresses = names.map((_, i) => `${subnet}.${i + 1}`);
  const hosts: TestHosts = {
    names,
    addresses,
    remove() {
      for (const n of names) spawnSync("ip", ["netns", "del", n]);
      spawnSync("ip", ["link", "del", bridge]);
    },
  };
  try {
    ip("link", "add", bridge, "type", "bridge");
    ip("addr", "add", `${subnet}.254/24`, "dev", bridge);
    ip("link", "set", bridge, "up");
    names.forEach((n, i) => {
      const outside = `gv${tag}x${i}`;
      ip("netns", "add", n);
      ip("link", "add", outside, "type", "veth", "peer", "name", "eth0", "netns", n);
      ip("link", "set", outside, "master", bridge, "up");
      ip("-n", n, "addr", "add", `${addresses[i]}/24`, "dev", "eth0");
      ip("-n", n, "link", "set", "eth0", "up");
      ip("-n", n, "link", "set", "lo", "up");
    });
  } catch (e) {
    hosts.remove();
    throw e;
  }
  return hosts;
}
