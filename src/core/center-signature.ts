import { createHash, createPublicKey, sign, verify, type KeyObject } from "node:crypto";

/**
 * How one Guang center signs its calls to another (Ed25519): the method, the path with its
 * query, the instant, a SHA-256 of the body and the caller's name, one per line. The callee
 * knows the caller's public key from its own config, refuses a call more than MAX_SKEW_MS
 * off its clock, and a signature it has seen before (a replay).
 */
export const MAX_SKEW_MS = 5 * 60_000;

export const SIGNATURE_HEADERS = {
  center: "guang-center",
  date: "guang-date",
  signature: "guang-signature",
} as const;

export interface SignedCall {
  center: string;
  method: string;
  /** The path with its query, as sent. */
  path: string;
  /** ISO 8601. */
  date: string;
  body: string;
}

function signingText(c: SignedCall): string {
  const digest = createHash("sha256").update(c.body).digest("hex");
  return ["guang-call-v1", c.center, c.method.toUpperCase(), c.path, c.date, digest].join("\n");
}

/** The headers that make a call from `center` verifiable by its peers. */
export function signCall(key: KeyObject, c: SignedCall): Record<string, string> {
  return {
    [SIGNATURE_HEADERS.center]: c.center,
    [SIGNATURE_HEADERS.date]: c.date,
    [SIGNATURE_HEADERS.signature]: sign(null, Buffer.from(signingText(c)), key).toString("base64"),
  };
}

/** Null when the signature is the caller's and its instant is near ours; otherwise why not. */
export function checkSignature(
  publicKey: KeyObject,
  c: SignedCall,
  signature: string,
  nowMs: number,
): string | null {
  const at = Date.parse(c.date);
  if (Number.isNaN(at)) return `its ${SIGNATURE_HEADERS.date} (${c.date}) is not an instant`;
  if (Math.abs(at - nowMs) > MAX_SKEW_MS)
    return `it was signed at ${c.date}, more than 5 minutes from this center's clock (${new Date(nowMs).toISOString()}): the two clocks must agree`;
  const ok = verify(null, Buffer.from(signingText(c)), publicKey, Buffer.from(signature, "base64"));
  return ok
    ? null
    : `its signature is not center ${c.center}'s (is its public key in our config the one it uses?)`;
}

/** A public key as the config carries it: the base64 of its SPKI DER form (what `guang network` prints). */
export function publicKeyFrom(text: string): KeyObject {
  const key = createPublicKey({ key: Buffer.from(text, "base64"), format: "der", type: "spki" });
  if (key.asymmetricKeyType !== "ed25519") throw new Error("it is not an Ed25519 key");
  return key;
}

export function publicKeyText(key: KeyObject): string {
  return createPublicKey(key).export({ format: "der", type: "spki" }).toString("base64");
}
