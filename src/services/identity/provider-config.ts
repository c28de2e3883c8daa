// The config sections of the identity providers (auth.ldap, auth.oidc): declared here, beside
// the code that reads them, and composed into the whole config by app/center-config.ts.
import { z } from "zod";

/** How a directory's or provider's people are placed in tenants (the config's shared keys). */
const tenantMapping = {
  /** The tenant new users go to when the mapping names none. */
  tenant: z.string().optional(),
  /** A directory attribute or token claim whose value picks the tenant... */
  tenantAttribute: z.string().optional(),
  /** ...through this table (value → tenant name); absent: the value is the tenant's name. */
  tenants: z.record(z.string(), z.string()).optional(),
};

/** The `auth.ldap` config section. */
export const ldapConfig = z.strictObject({
  url: z.string().regex(/^ldaps?:\/\//, "auth.ldap.url is ldap://host:port or ldaps://host:port"),
  /** Direct bind: the user's DN with {username} in it... */
  userDn: z
    .string()
    .includes("{username}", { message: "auth.ldap.userDn must contain {username}" })
    .optional(),
  /** ...or search for it (with a service account when the directory needs one). */
  searchBase: z.string().optional(),
  searchFilter: z
    .string()
    .includes("{username}", { message: "auth.ldap.searchFilter must contain {username}" })
    .optional(),
  bindDn: z.string().optional(),
  bindPassword: z.string().optional(),
  timeoutSeconds: z.number().min(1).max(60).optional(),
  ...tenantMapping,
});

export type LdapConfig = z.output<typeof ldapConfig>;

/** The `auth.oidc` config section. */
export const oidcConfig = z.strictObject({
  issuer: z.url(),
  clientId: z.string().min(1),
  clientSecret: z.string().optional(),
  /** Where the provider sends the browser back: this server's /api/v1/auth/oidc/callback as the browser reaches it. */
  redirectUri: z.url(),
  scopes: z.string().optional(),
  usernameClaim: z.string().optional(),
  /** Where the browser goes once signed in. */
  afterLogin: z.string().startsWith("/").optional(),
  /** The provider's name on the portal's "Sign in with ..." button (e.g. your institution's). */
  displayName: z.string().min(1).max(60).optional(),
  /** Only for tests and labs: talk to an issuer over plain http. */
  allowInsecureHttp: z.boolean().optional(),
  ...tenantMapping,
});

export type OidcConfig = z.output<typeof oidcConfig>;
