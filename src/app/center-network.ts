import { generateKeyPairSync, createPrivateKey, type KeyObject } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { publicKeyText } from "../core/center-signature.js";
import { invalidInput } from "../core/errors.js";
import type { Backend, BackendHooks } from "../backends/backend.js";
import type { NetworkSettings } from "../backends/peer/peer-config.js";
import { PeerCluster } from "../backends/peer/peer-cluster.js";
import { PeerLink } from "../backends/peer/peer-link.js";
import { saveCluster } from "../store/clusters.js";
import type { Db } from "../store/open.js";
import type { AuthService } from "../services/identity/auth.js";
import { NetworkService } from "../services/network/network.js";
import { PeerCalls } from "../services/network/peer-calls.js";
import { Settlement, type PeerSide } from "../services/network/settlement.js";

/** This center's signing key: the file named, or network-key.pem in its home, made at first start. */
function signingKey(home: string, file: string | null): KeyObject {
  const path = file ?? join(home, "network-key.pem");
  if (!existsSync(path)) {
    if (file) throw invalidInput(`network.keyFile ${file} does not exist`);
    const { privateKey } = generateKeyPairSync("ed25519");
    writeFileSync(path, privateKey.export({ format: "pem", type: "pkcs8" }), { mode: 0o600 });
  }
  try {
    const key = createPrivateKey(readFileSync(path));
    if (key.asymmetricKeyType !== "ed25519") throw new Error("it is not an Ed25519 key");
    return key;
  } catch (e) {
    throw invalidInput(
      `network key ${path} cannot be used: ${(e as Error).message} (an Ed25519 private key in PEM)`,
    );
  }
}

/**
 * The center's place in a network of centers: its key, a cluster of ours for each peer
 * cluster we send to (added to `backends`), the check of peers' signed calls, and the
 * statements. With no `network:` in the config: a service that says so, and no peers.
 */
export async function startNetwork(o: {
  home: string;
  settings: NetworkSettings | null;
  db: Db;
  currency: string;
  backends: Map<string, Backend>;
  hooks: BackendHooks;
  auth: AuthService;
}): Promise<{ network: NetworkService; calls: PeerCalls | null; start: () => Promise<void> }> {
  const n = o.settings;
  if (!n) {
    const network = new NetworkService({
      name: null,
      publicKey: null,
      peers: [],
      backends: o.backends,
      settlement: null,
    });
    return { network, calls: null, start: async () => {} };
  }
  const key = signingKey(o.home, n.keyFile);
  const clusters: PeerCluster[] = [];
  const sides: (PeerSide & { url: string })[] = [];
  for (const p of n.peers) {
    const link = new PeerLink(n.name, p.name, p.url, key);
    for (const k of p.clusters) {
      await saveCluster(o.db, k.name, "peer", { ...k, url: p.url });
      const cluster = new PeerCluster({ config: k, link, pollMs: n.pollMs, hooks: o.hooks });
      o.backends.set(k.name, cluster);
      clusters.push(cluster);
    }
    sides.push({
      name: p.name,
      url: p.url,
      user: p.user,
      clusters: p.clusters.map((k) => k.name),
      link,
    });
  }
  const settlement = new Settlement(
    o.db,
    n.name,
    o.currency,
    new Map(sides.map((s) => [s.name, s])),
  );
  return {
    network: new NetworkService({
      name: n.name,
      publicKey: publicKeyText(key),
      peers: sides,
      backends: o.backends,
      settlement,
    }),
    calls: new PeerCalls(new Map(n.peers.map((p) => [p.name, p])), o.auth),
    // a peer that does not answer is not fatal: our clusters serve, and it is asked again
    start: () => Promise.all(clusters.map((c) => c.start())).then(() => undefined),
  };
}
