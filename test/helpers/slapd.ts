import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { freePort } from "./center.js";
import { tmpdir } from "node:os";
import { join } from "node:path";

const SLAPD = "/usr/sbin/slapd";
export const BASE = "dc=example,dc=org";
export const ADMIN_DN = `cn=admin,${BASE}`;
export const ADMIN_PW = "directory-admin-pw";

/** Why a real slapd cannot run here, or null when it can. */
export function slapdMissing(): string | null {
  return existsSync(SLAPD) && existsSync("/usr/lib/ldap/back_mdb.so")
    ? null
    : "skipped: no slapd (apt-get install slapd ldap-utils; .ci/run does)";
}

export interface Person {
  uid: string;
  password: string;
  uidNumber: number;
  gidNumber: number;
  home: string;
  org: string;
}

export interface Slapd {
  url: string;
  stop(): Promise<void>;
}

/** Starts a private slapd (its own config, database and port) seeded with these people. */
export async function startSlapd(people: Person[]): Promise<Slapd> {
  const dir = mkdtempSync(join(tmpdir(), "guang-slapd-"));
  mkdirSync(join(dir, "data"));
  const conf = join(dir, "slapd.conf");
  writeFileSync(
    conf,
    [
      ...["core", "cosine", "nis", "inetorgperson"].map(
        (s) => `include /etc/ldap/schema/${s}.schema`,
      ),
      `pidfile ${dir}/slapd.pid`,
      "modulepath /usr/lib/ldap",
      "moduleload back_mdb",
      "database mdb",
      `suffix "${BASE}"`,
      `rootdn "${ADMIN_DN}"`,
      `rootpw ${ADMIN_PW}`,
      `directory ${dir}/data`,
      // people may read their own entry; the service account (rootdn) everything
      "access to attrs=userPassword by self write by anonymous auth by * none",
      "access to * by self read by users read by anonymous auth",
      "",
    ].join("\n"),
  );
  const hash = (pw: string) =>
    execFileSync("/usr/sbin/slappasswd", ["-s", pw], { encoding: "utf8" }).trim();
  const ldif = [
    `dn: ${BASE}\nobjectClass: dcObject\nobjectClass: organization\ndc: example\no: Example\n`,
    `dn: ou=people,${BASE}\nobjectClass: organizationalUnit\nou: people\n`,
    ...people.map(
      (p) =>
        `dn: uid=${p.uid},ou=people,${BASE}\nobjectClass: inetOrgPerson\nobjectClass: posixAccount\nuid: ${p.uid}\ncn: ${p.uid}\nsn: ${p.uid}\n` +
        `o: ${p.org}\nmail: ${p.uid}@example.org\nuidNumber: ${p.uidNumber}\ngidNumber: ${p.gidNumber}\nhomeDirectory: ${p.home}\nuserPassword: ${hash(p.password)}\n`,
    ),
  ].join("\n");
  writeFileSync(join(dir, "seed.ldif"), ldif);
  execFileSync("/usr/sbin/slapadd", ["-f", conf, "-l", join(dir, "seed.ldif")], { stdio: "pipe" });
  const port = await freePort();
  const url = `ldap://127.0.0.1:${port}`;
  const proc: ChildProcess = spawn(SLAPD, ["-f", conf, "-h", `${url}/`, "-d", "0"], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  let log = "";
  proc.stderr!.on("data", (d: Buffer) => (log += d.toString()));
  // ready when it accepts connections
  for (let i = 0; ; i++) {
    const up = await new Promise<boolean>((resolve) => {
      const s = connect(port, "127.0.0.1");
      s.once("connect", () => (s.destroy(), resolve(true)));
      s.once("error", () => resolve(false));
    });
    if (up) break;
    if (i > 100 || proc.exitCode !== null) throw new Error(`slapd did not start: ${log}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url,
    async stop() {
      if (proc.exitCode !== null) return;
      const gone = new Promise((r) => proc.once("exit", r));
      proc.kill("SIGTERM");
      await gone;
    },
  };
}
