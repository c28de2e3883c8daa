import * as oidc from "openid-client";
import { GuangError } from "../../core/errors.js";
import type { Db } from "../../store/open.js";
import { auditSignIn } from "../access/audit.js";
import type { AuthService, SignedIn } from "./auth.js";
import { provisionUser } from "./external-users.js";
import type { OidcConfig } from "./provider-config.js";

/** A sign-in on its way through the provider: what the callback must match. */
interface Flow {
  verifier: string;
  nonce: string;
  until: number;
}

const FLOW_MS = 10 * 60000;

/**
 * OpenID Connect single sign-on: authorization code with PKCE (S256), state and nonce. The
 * provider's discovery document is fetched once, at the first sign-in. Flows in progress
 * live in memory for ten minutes: the browser must come back to the process it left.
 */
export class OidcSignIn {
  private config: oidc.Configuration | null = null;
  private readonly flows = new Map<string, Flow>();

  constructor(
    private readonly db: Db,
    private readonly cfg: OidcConfig,
    private readonly auth: AuthService,
  ) {}

  /** The portal, by default: a browser is where single sign-on happens. */
  get afterLogin(): string {
    return this.cfg.afterLogin ?? "/";
  }

  /** The provider's name for the portal's button; null: the portal's own words. */
  get displayName(): string | null {
    return this.cfg.displayName ?? null;
  }

  private async discover(): Promise<oidc.Configuration> {
    if (this.config) return this.config;
    const insecure = this.cfg.allowInsecureHttp && this.cfg.issuer.startsWith("http:");
    try {
      this.config = await oidc.discovery(
        new URL(this.cfg.issuer),
        this.cfg.clientId,
        this.cfg.clientSecret,
        undefined,
        insecure ? { execute: [oidc.allowInsecureRequests] } : undefined,
      );
    } catch (e) {
      throw new GuangError(
        "provider_unavailable",
        502,
        `the OpenID provider ${this.cfg.issuer} could not be reached or described itself wrongly (${(e as Error).message}); try again later, or tell the center`,
      );
    }
    return this.config;
  }

  /** Where to send the browser, and the state to bind to it (in a cookie). */
  async begin(): Promise<{ url: string; state: string }> {
    const config = await this.discover();
    const verifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const now = Date.now();
    for (const [k, f] of this.flows) if (f.until < now) this.flows.delete(k);
    this.flows.set(state, { verifier, nonce, until: now + FLOW_MS });
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: this.cfg.redirectUri,
      scope: this.cfg.scopes ?? "openid profile email",
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: "S256",
      state,
      nonce,
    });
    return { url: url.href, state };
  }

  /** The provider sent the browser back: trade the code for tokens, map the claims to a user, open a session. */
  async finish(
    callbackQuery: string,
    cookieState: string | undefined,
    ip: string,
  ): Promise<SignedIn> {
    const params = new URLSearchParams(callbackQuery);
    const state = params.get("state") ?? "";
    const fail = (message: string) => new GuangError("sign_in_refused", 403, message);
    if (params.get("error"))
      throw fail(
        `the provider refused the sign-in: ${params.get("error")} ${params.get("error_description") ?? ""}`.trim(),
      );
    const flow = this.flows.get(state);
    if (!flow || flow.until < Date.now() || state !== cookieState)
      throw fail(
        "this sign-in is unknown or expired, or came back to another browser; start again",
      );
    this.flows.delete(state);
    const config = await this.discover();
    const url = new URL(this.cfg.redirectUri);
    url.search = callbackQuery;
    let claims: Record<string, unknown>;
    try {
      const tokens = await oidc.authorizationCodeGrant(config, url, {
        pkceCodeVerifier: flow.verifier,
        expectedState: state,
        expectedNonce: flow.nonce,
      });
      const id = (tokens.claims() ?? {}) as Record<string, unknown>;
      // providers differ in which claims they put in the ID token; the userinfo answer has the rest
      const info = config.serverMetadata().userinfo_endpoint
        ? await oidc.fetchUserInfo(config, tokens.access_token, String(id.sub))
        : {};
      claims = { ...info, ...id };
    } catch (e) {
      await auditSignIn(
        this.db,
        { userId: null, username: "?", ip, tenantId: null },
        "oidc",
        "provider_refused",
        { message: (e as Error).message },
      );
      throw fail(`the provider did not confirm the sign-in: ${(e as Error).message}`);
    }
    const username = String(claims[this.cfg.usernameClaim ?? "preferred_username"] ?? "");
    const tenantValue = this.cfg.tenantAttribute ? claims[this.cfg.tenantAttribute] : undefined;
    try {
      const user = await provisionUser(
        this.db,
        {
          source: "oidc",
          username,
          externalId: `${claims.iss}|${claims.sub}`,
          tenantValue:
            tenantValue === undefined || tenantValue === null
              ? null
              : String(Array.isArray(tenantValue) ? tenantValue[0] : tenantValue),
          email: typeof claims.email === "string" ? claims.email : null,
          posix: null,
        },
        this.cfg,
      );
      return await this.auth.openSession(user, ip, "oidc");
    } catch (e) {
      if ((e as GuangError).code === "sign_in_refused")
        await auditSignIn(
          this.db,
          { userId: null, username, ip, tenantId: null },
          "oidc",
          "sign_in_refused",
          { message: (e as Error).message },
        );
      throw e;
    }
  }
}
