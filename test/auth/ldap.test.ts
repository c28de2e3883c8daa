import { chmodSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  MAPPED_TEST_CONFIG,
  startCenter,
  waitFor,
  workdir,
  type TestCenter,
} from "../helpers/center.js";
import {
  ADMIN_DN,
  ADMIN_PW,
  BASE,
  slapdMissing,
  startSlapd,
  type Slapd,
} from "../helpers/slapd.js";

const missing = slapdMissing();
if (missing) console.log(missing);

const PEOPLE = [
  {
    uid: "lee",
    password: "lee-directory-pw",
    uidNumber: 30001,
    gidNumber: 30001,
    home: "/home/lee",
    org: "Institute of Physics",
  },
  {
    uid: "kim",
    password: "kim-directory-pw",
    uidNumber: 30002,
    gidNumber: 30002,
    home: "/home/kim",
    org: "Chemistry",
  },
  {
    uid: "ola",
    password: "ola-directory-pw",
    uidNumber: 30003,
    gidNumber: 30003,
    home: "/home/ola",
    org: "Nowhere",
  },
];

function ldapConfig(url: string, how: string): string {
  return `${MAPPED_TEST_CONFIG}auth:
  ldap:
    url: ${url}
${how}
    tenantAttribute: o
    tenants:
      "Institute of Physics": phys
      Chemistry: chem
`;
}

describe.skipIf(missing !== null)("LDAP sign-in against a real slapd", () => {
  let slapd: Slapd;
  let c: TestCenter;
  const login = (username: string, password: string, center = c) =>
    center.api("POST", "/api/v1/auth/login", { username, password }, null);

  beforeAll(async () => {
    slapd = await startSlapd(PEOPLE);
    c = await startCenter(ldapConfig(slapd.url, `    userDn: "uid={username},ou=people,${BASE}"`));
    await c.api("POST", "/api/v1/tenants", {
      name: "phys",
      admin: { username: "phys-admin", password: "Tenant-boss-pass-1" },
    });
  }, 60000);
  afterAll(async () => {
    await c?.stop();
    await slapd?.stop();
  });

  it("binds as the user, creates them at first sign-in in the mapped tenant, with uid, gid and home from the directory", async () => {
    const r = await login("lee", "lee-directory-pw");
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const me = (await c.api("GET", "/api/v1/auth/whoami", undefined, r.body.token)).body;
    expect(me).toMatchObject({
      user: "lee",
      tenant: "phys",
      posix: { name: "lee", uid: 30001, gid: 30001, home: "/home/lee" },
    });
    const shown = (await c.api("GET", "/api/v1/users/lee")).body;
    expect(shown).toMatchObject({ source: "ldap", email: "lee@example.org" });
    // a second sign-in finds the same user, whatever the case of the name typed
    expect((await login("Lee", "lee-directory-pw")).status).toBe(200);
    expect(
      (await c.api("GET", "/api/v1/users?tenant=phys")).body.users.filter(
        (u: { username: string }) => u.username === "lee",
      ).length,
    ).toBe(1);
  });

  it("refuses a wrong password, and records the attempt", async () => {
    const r = await login("lee", "not-the-password");
    expect([r.status, r.body.error.message]).toEqual([401, "wrong username or password"]);
    expect((await login("nobody-here", "whatever-pw-1")).status).toBe(401);
    const audit = (await c.api("GET", "/api/v1/audit?action=auth.login&actor=lee")).body.records;
    expect(
      audit.some(
        (a: { result: string; details: { method: string } }) =>
          a.result === "wrong_password" && a.details.method === "ldap",
      ),
    ).toBe(true);
  });

  it("refuses a person the mapping sends to a tenant that does not exist, or to none", async () => {
    const kim = await login("kim", "kim-directory-pw");
    expect([kim.status, kim.body.error.message]).toEqual([
      403,
      "ldap maps kim to tenant chem, which does not exist; a center admin creates it first",
    ]);
    const ola = await login("ola", "ola-directory-pw");
    expect(ola.status).toBe(403);
    expect(ola.body.error.message).toMatch(
      /says nothing that maps ola to a tenant \(o = Nowhere\)/,
    );
    // nothing was created for them
    expect((await c.api("GET", "/api/v1/users/kim")).status).toBe(404);
  });

  it.runIf(process.getuid?.() === 0)(
    "runs the directory user's jobs as their uid and gid",
    async () => {
      const token = (await login("lee", "lee-directory-pw")).body.token;
      await c.api("POST", "/api/v1/accounts", { name: "lee-proj", tenant: "phys", owner: "lee" });
      const dir = workdir();
      chmodSync(dir, 0o777);
      const r = await c.api(
        "POST",
        "/api/v1/jobs",
        {
          script: "#!/bin/bash\nid -u\nid -g\necho $HOME\n",
          workdir: dir,
          args: ["-A", "lee-proj"],
        },
        token,
      );
      expect(r.status).toBe(201);
      expect((await waitFor(c, r.body.id)).state).toBe("COMPLETED");
      expect(readFileSync(join(dir, `slurm-${r.body.id}.out`), "utf8")).toBe(
        "30001\n30001\n/home/lee\n",
      );
    },
  );

  it("finds the user by a search with a service account, and says so when the directory is down", async () => {
    const d = await startCenter(
      ldapConfig(
        slapd.url,
        `    searchBase: "ou=people,${BASE}"\n    searchFilter: "(uid={username})"\n    bindDn: "${ADMIN_DN}"\n    bindPassword: ${ADMIN_PW}\n    timeoutSeconds: 2`,
      ),
    );
    try {
      await d.api("POST", "/api/v1/tenants", {
        name: "phys",
        admin: { username: "phys-admin", password: "Tenant-boss-pass-1" },
      });
      expect((await login("lee", "lee-directory-pw", d)).status).toBe(200);
      expect((await login("lee", "wrong-password", d)).status).toBe(401);
      await slapd.stop();
      const down = await login("lee", "lee-directory-pw", d);
      expect(down.status).toBe(503);
      expect(down.body.error.message).toMatch(
        /the LDAP directory at ldap:\/\/127.0.0.1:\d+ did not answer/,
      );
    } finally {
      await d.stop();
    }
  });
});
