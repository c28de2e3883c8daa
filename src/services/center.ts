import type { IdentityPolicy } from "../backends/unix-identity.js";
import type { Store } from "../store/open.js";
import type { AuditService } from "./access/audit.js";
import type { ClusterService } from "./clusters/clusters.js";
import type { ApiTokenService } from "./identity/api-tokens.js";
import type { AuthService } from "./identity/auth.js";
import type { OidcSignIn } from "./identity/oidc-sign-in.js";
import type { ProfileService } from "./identity/profile.js";
import type { WebShells } from "./shells/web-shells.js";
import type { FileService } from "./files/files.js";
import type { StorageService } from "./storage/storage.js";
import type { StorageBilling } from "./storage/storage-billing.js";
import type { EventStreams } from "./jobs/event-streams.js";
import type { EventBus } from "./jobs/events.js";
import type { FairShare } from "./jobs/fair-share.js";
import type { JobService } from "./jobs/jobs.js";
import type { QosService } from "./jobs/qos.js";
import type { SubmitService } from "./jobs/submission.js";
import type { OutputReader } from "./jobs/output-reader.js";
import type { GrantService } from "./money/grants.js";
import type { LedgerService } from "./money/ledger.js";
import type { WalletService } from "./money/wallets.js";
import type { PriceService } from "./money/prices.js";
import type { StatementService } from "./money/statements.js";
import type { StatementMail } from "./money/statement-mail.js";
import type { ApplicationService } from "./applications/applications.js";
import type { ReportService } from "./reports/reports.js";
import type { CenterScreen } from "./reports/center-screen.js";
import type { EfficiencyReport } from "./reports/efficiency.js";
import type { AccountService } from "./tenancy/accounts.js";
import type { MemberService } from "./tenancy/members.js";
import type { TenantService } from "./tenancy/tenants.js";
import type { UserService } from "./tenancy/users.js";
import type { NetworkService } from "./network/network.js";
import type { PeerCalls } from "./network/peer-calls.js";

/** What a running center offers its clients' layer (the API): one instance of each service. */
export interface CenterServices {
  home: string;
  store: Store;
  auth: AuthService;
  tokens: ApiTokenService;
  /** Null when no OpenID provider is configured. */
  oidc: OidcSignIn | null;
  tenants: TenantService;
  profiles: ProfileService;
  shells: WebShells;
  files: FileService;
  storage: StorageService;
  storageBilling: StorageBilling;
  users: UserService;
  accounts: AccountService;
  members: MemberService;
  audit: AuditService;
  ledger: LedgerService;
  wallets: WalletService;
  prices: PriceService;
  reports: ReportService;
  /** The center at a glance, for its display wall. */
  screen: CenterScreen;
  efficiency: EfficiencyReport;
  statements: StatementService;
  statementMail: StatementMail;
  applications: ApplicationService;
  grants: GrantService;
  jobs: JobService;
  qos: QosService;
  submissions: SubmitService;
  outputs: OutputReader;
  clusters: ClusterService;
  events: EventBus;
  /** Fair-share factors, like sshare. */
  fairShare: FairShare;
  /** Open event streams, by user and token. */
  streams: EventStreams;
  /** Who user work runs as. */
  identity: IdentityPolicy;
  /** The network of centers: peers, statements. */
  network: NetworkService;
  /** Verifies peer centers' signed calls; null: in no network. */
  peerCalls: PeerCalls | null;
}
