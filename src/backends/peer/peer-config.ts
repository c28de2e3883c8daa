import type { KeyObject } from "node:crypto";
import { z } from "zod";
import { publicKeyFrom } from "../../core/center-signature.js";
import { invalidInput } from "../../core/errors.js";

const centerName = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,31}$/, "a center's name is 1 to 32 lower-case letters, digits or '-'");

/**
 * `network:` in the center's config: this center's name among its peers, its signing key, and
 * each peer: where it answers, its public key, who its calls act as here (a user of ours in
 * the tenant that stands for it: its account there holds its money), and its clusters we
 * send work to (ours to name `PEER:CLUSTER`), as which account of ours there, with our margin.
 */
export const networkConfig = z.strictObject({
  name: centerName,
  /** Our Ed25519 private key (PEM); default: network-key.pem in the home, made at first start. */
  keyFile: z.string().startsWith("/", "network.keyFile is an absolute path").optional(),
  pollSeconds: z.number().positive().max(3600).optional(),
  peers: z
    .array(
      z.strictObject({
        name: centerName,
        url: z.url({ protocol: /^https?$/, error: "network.peers[].url is an http(s) URL" }),
        publicKey: z.string().min(40, "network.peers[].publicKey: the peer's key as it prints it"),
        /** Our user its calls act as; absent: it cannot call us (we only send to it). */
        user: z.string().min(1).optional(),
        clusters: z
          .array(
            z.strictObject({
              cluster: z.string().min(1),
              /** Our account at the peer that its jobs are charged to. */
              account: z.string().min(1),
              /** What we add to the peer's charge (0.1: 10 %). */
              margin: z.number().min(0).max(10).optional(),
            }),
          )
          .optional(),
      }),
    )
    .optional(),
});

export interface PeerClusterConfig {
  /** Ours for it: PEER:CLUSTER. */
  name: string;
  peer: string;
  cluster: string;
  account: string;
  margin: number;
}

interface PeerConfig {
  name: string;
  url: string;
  publicKey: KeyObject;
  user: string | null;
  clusters: PeerClusterConfig[];
}

export interface NetworkSettings {
  name: string;
  keyFile: string | null;
  pollMs: number;
  peers: PeerConfig[];
}

/** The network settings with defaults, each peer's key read, names checked against the clusters'. */
export function networkSettings(
  n: z.output<typeof networkConfig>,
  source: string,
  clusterNames: Set<string>,
): NetworkSettings {
  const seen = new Set<string>();
  const peers = (n.peers ?? []).map((p) => {
    if (p.name === n.name)
      throw invalidInput(`${source}: network.peers: ${p.name} is this center's own name`);
    if (seen.has(p.name))
      throw invalidInput(`${source}: network.peers: ${p.name} is declared twice`);
    seen.add(p.name);
    let publicKey: KeyObject;
    try {
      publicKey = publicKeyFrom(p.publicKey);
    } catch (e) {
      throw invalidInput(
        `${source}: network.peers: ${p.name}: publicKey is not the peer's key as 'guang network' prints it (${(e as Error).message})`,
      );
    }
    const clusters = (p.clusters ?? []).map((k) => {
      const name = `${p.name}:${k.cluster}`;
      if (clusterNames.has(name))
        throw invalidInput(
          `${source}: network.peers: ${p.name}: cluster ${k.cluster} is named twice`,
        );
      clusterNames.add(name);
      return { name, peer: p.name, cluster: k.cluster, account: k.account, margin: k.margin ?? 0 };
    });
    return {
      name: p.name,
      url: p.url.replace(/\/$/, ""),
      publicKey,
      user: p.user ?? null,
      clusters,
    };
  });
  return {
    name: n.name,
    keyFile: n.keyFile ?? null,
    pollMs: (n.pollSeconds ?? 5) * 1000,
    peers,
  };
}
