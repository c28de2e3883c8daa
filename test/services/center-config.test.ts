import { describe, expect, it } from "vitest";
import { parseCenterConfig } from "../../src/app/center-config.js";

const ldap = {
  url: "ldap://127.0.0.1:389",
  userDn: "uid={username},ou=people,dc=x",
  tenant: "pku",
};
const oidc = {
  issuer: "https://sso.example.edu",
  clientId: "guang",
  redirectUri: "https://guang.example.edu/api/v1/auth/oidc/callback",
  tenant: "pku",
};

describe("center config: sign-in", () => {
  it("fills the defaults and takes a full auth section", () => {
    const d = parseCenterConfig({}, "test").auth;
    expect(d).toMatchObject({
      passwordMinLength: 10,
      lockoutAttempts: 5,
      lockoutMs: 15 * 60000,
      attemptsPerIpPerMinute: 30,
      attemptsPerUserPerMinute: 10,
      ldap: null,
      oidc: null,
    });
    const c = parseCenterConfig(
      {
        server: { trustProxy: true },
        auth: { passwordMinLength: 12, lockoutMinutes: 30, ldap, oidc },
      },
      "test",
    );
    expect(c.trustProxy).toBe(true);
    expect(c.auth).toMatchObject({
      passwordMinLength: 12,
      lockoutMs: 30 * 60000,
      ldap: { url: "ldap://127.0.0.1:389" },
      oidc: { clientId: "guang" },
    });
  });

  it("refuses what is wrong, naming the key", () => {
    const cases: [unknown, RegExp][] = [
      [{ auth: { passwordMinLength: 4 } }, /auth.passwordMinLength/],
      [
        { auth: { ldap: { ...ldap, url: "http://x" } } },
        /auth.ldap.url is ldap:\/\/host:port or ldaps:\/\/host:port/,
      ],
      [
        { auth: { ldap: { url: "ldap://x", tenant: "pku" } } },
        /auth.ldap needs userDn, or searchBase and searchFilter/,
      ],
      [
        { auth: { ldap: { ...ldap, userDn: "ou=people" } } },
        /auth.ldap.userDn must contain \{username\}/,
      ],
      [
        { auth: { ldap: { ...ldap, bindDn: "cn=admin" } } },
        /give bindDn and bindPassword together/,
      ],
      [
        { auth: { ldap: { url: "ldap://x", userDn: "uid={username}" } } },
        /auth.ldap needs tenant \(where new users go\) or tenantAttribute/,
      ],
      [{ auth: { oidc: { ...oidc, issuer: "not a url" } } }, /auth.oidc.issuer/],
      [
        { auth: { oidc: { ...oidc, tenant: undefined } } },
        /auth.oidc needs tenant .* or tenantAttribute \(which claim picks it\)/,
      ],
      [{ auth: { oidc: { ...oidc, secret: "x" } } }, /unknown field\(s\) "secret"/],
      [{ server: { trustProxy: "yes" } }, /server.trustProxy/],
    ];
    for (const [raw, message] of cases)
      expect(() => parseCenterConfig(raw, "test.yaml"), JSON.stringify(raw)).toThrow(message);
  });
});
