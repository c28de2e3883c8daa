import { Client, InvalidCredentialsError } from "ldapts";
import { GuangError } from "../../core/errors.js";
import type { LdapConfig } from "./provider-config.js";

/** What the directory says about a person who signed in. */
export interface DirectoryEntry {
  dn: string;
  uid: number | null;
  gid: number | null;
  home: string | null;
  email: string | null;
  /** The value of the tenant attribute, when one is configured. */
  tenantValue: string | null;
}

function first(v: unknown): string | null {
  const x = Array.isArray(v) ? v[0] : v;
  if (x === undefined || x === null) return null;
  return Buffer.isBuffer(x) ? x.toString("utf8") : String(x);
}

function int(v: unknown): number | null {
  const s = first(v);
  return s !== null && /^\d+$/.test(s) ? Number(s) : null;
}

function unreachable(cfg: LdapConfig, e: unknown): GuangError {
  return new GuangError(
    "directory_unavailable",
    503,
    `the LDAP directory at ${cfg.url} did not answer (${(e as Error).message}); try again later, or tell the center`,
  );
}

/**
 * Checks a password against the institution's LDAP directory by binding as the user (the
 * directory decides; we never see its hashes), and reads the POSIX identity there. User
 * names are checked against Guang's name rule before they get here, so they need no
 * escaping in a DN or a filter.
 */
export class LdapDirectory {
  constructor(private readonly cfg: LdapConfig) {}

  private client(): Client {
    const ms = (this.cfg.timeoutSeconds ?? 5) * 1000;
    return new Client({ url: this.cfg.url, timeout: ms, connectTimeout: ms });
  }

  /** The entry when the password is right; null when the user or the password is wrong. */
  async authenticate(username: string, password: string): Promise<DirectoryEntry | null> {
    // an empty password would be an anonymous bind, which "succeeds"
    if (password.length === 0) return null;
    const c = this.client();
    try {
      let dn: string;
      if (this.cfg.searchBase && this.cfg.searchFilter) {
        if (this.cfg.bindDn) await c.bind(this.cfg.bindDn, this.cfg.bindPassword);
        const { searchEntries } = await c.search(this.cfg.searchBase, {
          scope: "sub",
          filter: this.cfg.searchFilter.replaceAll("{username}", username),
          attributes: ["dn"],
          sizeLimit: 2,
        });
        if (searchEntries.length !== 1) return null;
        dn = searchEntries[0]!.dn;
      } else {
        dn = this.cfg.userDn!.replaceAll("{username}", username);
      }
      try {
        await c.bind(dn, password);
      } catch (e) {
        if (e instanceof InvalidCredentialsError) return null;
        throw e;
      }
      const attrs = [
        "uidNumber",
        "gidNumber",
        "homeDirectory",
        "mail",
        ...(this.cfg.tenantAttribute ? [this.cfg.tenantAttribute] : []),
      ];
      const { searchEntries } = await c.search(dn, { scope: "base", attributes: attrs });
      const e = searchEntries[0] ?? { dn };
      const get = (k: string) => (e as Record<string, unknown>)[k];
      return {
        dn,
        uid: int(get("uidNumber")),
        gid: int(get("gidNumber")),
        home: first(get("homeDirectory")),
        email: first(get("mail")),
        tenantValue: this.cfg.tenantAttribute ? first(get(this.cfg.tenantAttribute)) : null,
      };
    } catch (e) {
      throw unreachable(this.cfg, e);
    } finally {
      await c.unbind().catch(() => undefined);
    }
  }
}
