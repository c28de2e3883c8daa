import { createServer, type Server } from "node:http";
import Provider from "oidc-provider";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, startCenter, TEST_CONFIG, type TestCenter } from "../helpers/center.js";

/** The people the provider knows: its account id → claims. */
const PEOPLE: Record<string, Record<string, string>> = {
  u1: { preferred_username: "wang", email: "wang@pku.example", org: "Peking University" },
  u2: { preferred_username: "zhao", email: "zhao@x.example", org: "Somewhere Else" },
  u3: { preferred_username: "Bad Name!", email: "b@x.example", org: "Peking University" },
};

/** A browser, as far as a sign-in needs one: follows redirects by hand and keeps cookies per host. */
class Browser {
  private jar = new Map<string, Map<string, string>>();

  private cookies(url: URL): string {
    return [...(this.jar.get(url.host) ?? new Map()).entries()]
      .map(([k, v]) => `${k}=${v}`)
      .join("; ");
  }

  async go(
    url: string,
    init: { method?: string; form?: Record<string, string> } = {},
  ): Promise<{ status: number; location: string | null; body: string }> {
    const u = new URL(url);
    const res = await fetch(u, {
      method: init.method ?? "GET",
      redirect: "manual",
      headers: {
        cookie: this.cookies(u),
        ...(init.form ? { "content-type": "application/x-www-form-urlencoded" } : {}),
      },
      body: init.form ? new URLSearchParams(init.form).toString() : undefined,
    });
    const jar = this.jar.get(u.host) ?? new Map<string, string>();
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const i = pair!.indexOf("=");
      const value = pair!.slice(i + 1);
      if (value === "" || /max-age=0|expires=thu, 01 jan 1970/i.test(c))
        jar.delete(pair!.slice(0, i));
      else jar.set(pair!.slice(0, i), value);
    }
    this.jar.set(u.host, jar);
    const location = res.headers.get("location");
    return {
      status: res.status,
      location: location ? new URL(location, u).href : null,
      body: await res.text(),
    };
  }

  cookie(host: string, name: string): string | undefined {
    return this.jar.get(host)?.get(name);
  }

  /** The whole single sign-on as the provider's (development) login and consent pages ask for it. */
  async signIn(
    guang: string,
    accountId: string,
  ): Promise<{ status: number; location: string | null; body: string; authorizeUrl: string }> {
    let r = await this.go(`${guang}/api/v1/auth/oidc/login`);
    const authorizeUrl = r.location!;
    for (let i = 0; i < 12 && r.location; i++) {
      const at = new URL(r.location);
      if (at.href.startsWith(guang)) return { ...(await this.go(r.location)), authorizeUrl };
      r = await this.go(r.location);
      const m = /\/interaction\/([^/?]+)$/.exec(at.pathname);
      if (m && r.status === 200) {
        const prompt =
          /name="prompt" value="(\w+)"/.exec(r.body)?.[1] ??
          (r.body.includes('name="login"') ? "login" : "consent");
        r = await this.go(at.href, {
          method: "POST",
          form: prompt === "login" ? { prompt, login: accountId, password: "any" } : { prompt },
        });
      }
    }
    throw new Error(
      `the sign-in did not come back to Guang: ${r.status} ${r.location} ${r.body.slice(0, 300)}`,
    );
  }
}

describe("OpenID Connect single sign-on against a real provider (oidc-provider)", () => {
  let provider: Server;
  let c: TestCenter;
  let issuer: string;

  beforeAll(async () => {
    const providerPort = await freePort();
    const guangPort = await freePort();
    issuer = `http://127.0.0.1:${providerPort}`;
    const redirect = `http://127.0.0.1:${guangPort}/api/v1/auth/oidc/callback`;
    const oidc = new Provider(issuer, {
      clients: [
        {
          client_id: "guang",
          client_secret: "guang-client-secret",
          redirect_uris: [redirect],
          grant_types: ["authorization_code"],
          response_types: ["code"],
        },
      ],
      claims: { openid: ["sub"], profile: ["preferred_username"], email: ["email"], org: ["org"] },
      pkce: { required: () => true },
      cookies: { keys: ["test-cookie-key-1"] },
      findAccount: async (_ctx, id) =>
        PEOPLE[id]
          ? { accountId: id, claims: async () => ({ sub: id, ...PEOPLE[id] }) }
          : undefined,
    });
    provider = createServer(oidc.callback());
    await new Promise<void>((r) => provider.listen(providerPort, "127.0.0.1", r));
    const config = `${TEST_CONFIG}auth:
  oidc:
    issuer: ${issuer}
    clientId: guang
    clientSecret: guang-client-secret
    redirectUri: ${redirect}
    scopes: openid profile email org
    allowInsecureHttp: true
    displayName: PKU IAAA
    tenantAttribute: org
    tenants:
      Peking University: pku
`;
    c = await startCenter(config, {}, guangPort);
    expect(
      (
        await c.api("POST", "/api/v1/tenants", {
          name: "pku",
          admin: { username: "pku-admin", password: "Tenant-boss-pass-1" },
        })
      ).status,
    ).toBe(201);
  }, 60000);
  afterAll(async () => {
    await c?.stop();
    await new Promise((r) => provider?.close(r));
  });

  it("signs in with authorization code + PKCE, creates the user in the tenant the claim maps, and opens a cookie session", async () => {
    // the portal's sign-in page offers the provider by its name
    expect((await c.api("GET", "/api/v1/auth/methods", undefined, null)).body).toEqual({
      password: true,
      sso: { name: "PKU IAAA", login: "/api/v1/auth/oidc/login" },
    });
    const b = new Browser();
    const r = await b.signIn(c.url, "u1");
    const authorize = new URL(r.authorizeUrl);
    expect(authorize.origin).toBe(issuer);
    expect(authorize.searchParams.get("code_challenge_method")).toBe("S256");
    expect(authorize.searchParams.get("code_challenge")).toMatch(/^[\w-]{43}$/);
    expect(r.status).toBe(302);
    // back to the portal, signed in
    expect(r.location).toBe(`${c.url}/`);
    const me = await b.go(`${c.url}/api/v1/auth/whoami`);
    expect(JSON.parse(me.body)).toMatchObject({ user: "wang", tenant: "pku", roles: [] });
    expect((await c.api("GET", "/api/v1/users/wang")).body).toMatchObject({
      source: "oidc",
      email: "wang@pku.example",
      tenant: "pku",
    });
    // again: the same user
    const again = new Browser();
    expect((await again.signIn(c.url, "u1")).status).toBe(302);
    expect(
      (await c.api("GET", "/api/v1/users?tenant=pku")).body.users.filter(
        (u: { username: string }) => u.username === "wang",
      ).length,
    ).toBe(1);
  });

  it("refuses a person whose claim maps to no tenant, or whose name cannot be a user name, and records it", async () => {
    const zhao = await new Browser().signIn(c.url, "u2");
    expect(zhao.status).toBe(403);
    expect(JSON.parse(zhao.body).error.message).toMatch(
      /oidc says nothing that maps zhao to a tenant \(org = Somewhere Else\)/,
    );
    const bad = await new Browser().signIn(c.url, "u3");
    expect(bad.status).toBe(403);
    expect(JSON.parse(bad.body).error.message).toMatch(/user name "Bad Name!" is not valid/);
    expect((await c.api("GET", "/api/v1/users/zhao")).status).toBe(404);
    const audit = (await c.api("GET", "/api/v1/audit?action=auth.login&result=sign_in_refused"))
      .body.records;
    expect(audit.some((a: { actor: string }) => a.actor === "zhao")).toBe(true);
  });

  it("refuses a callback that another browser started, or with a forged state", async () => {
    const b = new Browser();
    const start = await b.go(`${c.url}/api/v1/auth/oidc/login`);
    const state = new URL(start.location!).searchParams.get("state")!;
    // the same state, but from a browser without the state cookie (login CSRF)
    const other = await new Browser().go(
      `${c.url}/api/v1/auth/oidc/callback?code=x&state=${state}`,
    );
    expect(other.status).toBe(403);
    expect(JSON.parse(other.body).error.message).toMatch(
      /unknown or expired, or came back to another browser/,
    );
    const forged = await b.go(`${c.url}/api/v1/auth/oidc/callback?code=x&state=forged`);
    expect(forged.status).toBe(403);
  });
});
