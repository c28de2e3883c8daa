// Generated from Guang's OpenAPI document by scripts/generate-client.mjs: do not edit.
/* eslint-disable */
export interface paths {
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in with a password (local or LDAP); returns a session token for the Authorization header */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        username: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            token: string;
                            expiresAt: string;
                            user: string;
                            csrfToken: string;
                            mustChangePassword: boolean;
                        };
                    };
                };
                /** @description An error: its code, a message that says what to do, details */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                /** @enum {string} */
                                code: "invalid_input" | "invalid_json" | "unauthorized" | "forbidden" | "csrf" | "password_change_required" | "sign_in_refused" | "not_found" | "method_not_allowed" | "conflict" | "no_identity" | "output_unreadable" | "home_in_use" | "account_limit" | "storage_quota" | "insufficient_funds" | "no_price" | "file_changed" | "upload_offset" | "range_not_satisfiable" | "payload_too_large" | "unsupported_media_type" | "too_many_attempts" | "too_many_requests" | "too_many_streams" | "internal" | "slurm_refused" | "slurm_failed" | "slurm_unavailable" | "peer_refused" | "peer_unavailable" | "peer_signature" | "directory_unavailable" | "provider_unavailable" | "shell_unavailable";
                                message: string;
                                details?: Record<string, never>;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Browser sign-in: sets an HttpOnly, SameSite session cookie; send csrfToken as X-CSRF-Token on every change */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        username: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: string;
                            expiresAt: string;
                            csrfToken: string;
                        };
                    };
                };
                /** @description An error: its code, a message that says what to do, details */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                /** @enum {string} */
                                code: "invalid_input" | "invalid_json" | "unauthorized" | "forbidden" | "csrf" | "password_change_required" | "sign_in_refused" | "not_found" | "method_not_allowed" | "conflict" | "no_identity" | "output_unreadable" | "home_in_use" | "account_limit" | "storage_quota" | "insufficient_funds" | "no_price" | "file_changed" | "upload_offset" | "range_not_satisfiable" | "payload_too_large" | "unsupported_media_type" | "too_many_attempts" | "too_many_requests" | "too_many_streams" | "internal" | "slurm_refused" | "slurm_failed" | "slurm_unavailable" | "peer_refused" | "peer_unavailable" | "peer_signature" | "directory_unavailable" | "provider_unavailable" | "shell_unavailable";
                                message: string;
                                details?: Record<string, never>;
                            };
                        };
                    };
                };
            };
        };
        /** Sign out: ends this session and clears its cookies */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            signedOut: boolean;
                        };
                    };
                };
                /** @description An error: its code, a message that says what to do, details */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                /** @enum {string} */
                                code: "invalid_input" | "invalid_json" | "unauthorized" | "forbidden" | "csrf" | "password_change_required" | "sign_in_refused" | "not_found" | "method_not_allowed" | "conflict" | "no_identity" | "output_unreadable" | "home_in_use" | "account_limit" | "storage_quota" | "insufficient_funds" | "no_price" | "file_changed" | "upload_offset" | "range_not_satisfiable" | "payload_too_large" | "unsupported_media_type" | "too_many_attempts" | "too_many_requests" | "too_many_streams" | "internal" | "slurm_refused" | "slurm_failed" | "slurm_unavailable" | "peer_refused" | "peer_unavailable" | "peer_signature" | "directory_unavailable" | "provider_unavailable" | "shell_unavailable";
                                message: string;
                                details?: Record<string, never>;
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/methods": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How one may sign in here: with a password, and with single sign-on (OIDC) when it is configured */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @constant */
                            password: true;
                            sso: {
                                name: string | null;
                                login: string;
                            } | null;
                        };
                    };
                };
                /** @description An error: its code, a message that says what to do, details */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                /** @enum {string} */
                                code: "invalid_input" | "invalid_json" | "unauthorized" | "forbidden" | "csrf" | "password_change_required" | "sign_in_refused" | "not_found" | "method_not_allowed" | "conflict" | "no_identity" | "output_unreadable" | "home_in_use" | "account_limit" | "storage_quota" | "insufficient_funds" | "no_price" | "file_changed" | "upload_offset" | "range_not_satisfiable" | "payload_too_large" | "unsupported_media_type" | "too_many_attempts" | "too_many_requests" | "too_many_streams" | "internal" | "slurm_refused" | "slurm_failed" | "slurm_unavailable" | "peer_refused" | "peer_unavailable" | "peer_signature" | "directory_unavailable" | "provider_unavailable" | "shell_unavailable";
                                message: string;
                                details?: Record<string, never>;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/oidc/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Single sign-on: redirects the browser to the OpenID provider (authorization code with PKCE) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Redirect */
                302: {
                    headers: {
                        Location?: string;
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description An error: its code, a message that says what to do, details */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                /** @enum {string} */
                                code: "invalid_input" | "invalid_json" | "unauthorized" | "forbidden" | "csrf" | "password_change_required" | "sign_in_refused" | "not_found" | "method_not_allowed" | "conflict" | "no_identity" | "output_unreadable" | "home_in_use" | "account_limit" | "storage_quota" | "insufficient_funds" | "no_price" | "file_changed" | "upload_offset" | "range_not_satisfiable" | "payload_too_large" | "unsupported_media_type" | "too_many_attempts" | "too_many_requests" | "too_many_streams" | "internal" | "slurm_refused" | "slurm_failed" | "slurm_unavailable" | "peer_refused" | "peer_unavailable" | "peer_signature" | "directory_unavailable" | "provider_unavailable" | "shell_unavailable";
                                message: string;
                                details?: Record<string, never>;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/oidc/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Where the OpenID provider sends the browser back; opens a session and redirects */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Redirect */
                302: {
                    headers: {
                        Location?: string;
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description An error: its code, a message that says what to do, details */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                /** @enum {string} */
                                code: "invalid_input" | "invalid_json" | "unauthorized" | "forbidden" | "csrf" | "password_change_required" | "sign_in_refused" | "not_found" | "method_not_allowed" | "conflict" | "no_identity" | "output_unreadable" | "home_in_use" | "account_limit" | "storage_quota" | "insufficient_funds" | "no_price" | "file_changed" | "upload_offset" | "range_not_satisfiable" | "payload_too_large" | "unsupported_media_type" | "too_many_attempts" | "too_many_requests" | "too_many_streams" | "internal" | "slurm_refused" | "slurm_failed" | "slurm_unavailable" | "peer_refused" | "peer_unavailable" | "peer_signature" | "directory_unavailable" | "provider_unavailable" | "shell_unavailable";
                                message: string;
                                details?: Record<string, never>;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/whoami": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who you are: user, tenant, roles, accounts and POSIX identity */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: string;
                            tenant: string | null;
                            readonly roles: ("center-admin" | "center-finance" | "tenant-admin" | "tenant-finance")[];
                            accounts: {
                                name: string;
                                /** @enum {string} */
                                role: "owner" | "member" | "admin";
                            }[];
                            posix: components["schemas"]["PosixIdentity"] | null;
                        };
                    };
                };
                /** @description An error: its code, a message that says what to do, details */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                /** @enum {string} */
                                code: "invalid_input" | "invalid_json" | "unauthorized" | "forbidden" | "csrf" | "password_change_required" | "sign_in_refused" | "not_found" | "method_not_allowed" | "conflict" | "no_identity" | "output_unreadable" | "home_in_use" | "account_limit" | "storage_quota" | "insufficient_funds" | "no_price" | "file_changed" | "upload_offset" | "range_not_satisfiable" | "payload_too_large" | "unsupported_media_type" | "too_many_attempts" | "too_many_requests" | "too_many_streams" | "internal" | "slurm_refused" | "slurm_failed" | "slurm_unavailable" | "peer_refused" | "peer_unavailable" | "peer_signature" | "directory_unavailable" | "provider_unavailable" | "shell_unavailable";
                                message: string;
                                details?: Record<string, never>;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/profile": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your e-mail and which job mails you get when a job names none */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ProfileView"];
                    };
                };
                /** @description An error: its code, a message that says what to do, details */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                /** @enum {string} */
                                code: "invalid_input" | "invalid_json" | "unauthorized" | "forbidden" | "csrf" | "password_change_required" | "sign_in_refused" | "not_found" | "method_not_allowed" | "conflict" | "no_identity" | "output_unreadable" | "home_in_use" | "account_limit" | "storage_quota" | "insufficient_funds" | "no_price" | "file_changed" | "upload_offset" | "range_not_satisfiable" | "payload_too_large" | "unsupported_media_type" | "too_many_attempts" | "too_many_requests" | "too_many_streams" | "internal" | "slurm_refused" | "slurm_failed" | "slurm_unavailable" | "peer_refused" | "peer_unavailable" | "peer_signature" | "directory_unavailable" | "provider_unavailable" | "shell_unavailable";
                                message: string;
                                details?: Record<string, never>;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change your e-mail and the job mails (BEGIN, END, FAIL) you get for jobs that name no --mail-type */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        email?: string | null;
                        jobMail?: ("BEGIN" | "END" | "FAIL")[];
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ProfileView"];
                    };
                };
                /** @description An error: its code, a message that says what to do, details */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                /** @enum {string} */
                                code: "invalid_input" | "invalid_json" | "unauthorized" | "forbidden" | "csrf" | "password_change_required" | "sign_in_refused" | "not_found" | "method_not_allowed" | "conflict" | "no_identity" | "output_unreadable" | "home_in_use" | "account_limit" | "storage_quota" | "insufficient_funds" | "no_price" | "file_changed" | "upload_offset" | "range_not_satisfiable" | "payload_too_large" | "unsupported_media_type" | "too_many_attempts" | "too_many_requests" | "too_many_streams" | "internal" | "slurm_refused" | "slurm_failed" | "slurm_unavailable" | "peer_refused" | "peer_unavailable" | "peer_signature" | "directory_unavailable" | "provider_unavailable" | "shell_unavailable";
                                message: string;
                                details?: Record<string, never>;
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/auth/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change your password (give the current one) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        current: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            changed: boolean;
                        };
                    };
                };
                /** @description An error: its code, a message that says what to do, details */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                /** @enum {string} */
                                code: "invalid_input" | "invalid_json" | "unauthorized" | "forbidden" | "csrf" | "password_change_required" | "sign_in_refused" | "not_found" | "method_not_allowed" | "conflict" | "no_identity" | "output_unreadable" | "home_in_use" | "account_limit" | "storage_quota" | "insufficient_funds" | "no_price" | "file_changed" | "upload_offset" | "range_not_satisfiable" | "payload_too_large" | "unsupported_media_type" | "too_many_attempts" | "too_many_requests" | "too_many_streams" | "internal" | "slurm_refused" | "slurm_failed" | "slurm_unavailable" | "peer_refused" | "peer_unavailable" | "peer_signature" | "directory_unavailable" | "provider_unavailable" | "shell_unavailable";
                                message: string;
                                details?: Record<string, never>;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your API tokens (never their secret) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            tokens: {
                                id: number;
                                name: string;
                                /** @enum {string} */
                                kind: "session" | "api";
                                createdAt: string;
                                expiresAt: string | null;
                                revokedAt: string | null;
                            }[];
                        };
                    };
                };
                /** @description An error: its code, a message that says what to do, details */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                /** @enum {string} */
                                code: "invalid_input" | "invalid_json" | "unauthorized" | "forbidden" | "csrf" | "password_change_required" | "sign_in_refused" | "not_found" | "method_not_allowed" | "conflict" | "no_identity" | "output_unreadable" | "home_in_use" | "account_limit" | "storage_quota" | "insufficient_funds" | "no_price" | "file_changed" | "upload_offset" | "range_not_satisfiable" | "payload_too_large" | "unsupported_media_type" | "too_many_attempts" | "too_many_requests" | "too_many_streams" | "internal" | "slurm_refused" | "slurm_failed" | "slurm_unavailable" | "peer_refused" | "peer_unavailable" | "peer_signature" | "directory_unavailable" | "provider_unavailable" | "shell_unavailable";
                                message: string;
                                details?: Record<string, never>;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a named API token; its secret is shown only in this answer */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        expiresInDays?: number | null;
                    };
                };
            };
            responses: {
                /** @description OK */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            name: string;
                            token: string;
                            expiresAt: string | null;
                        };
                    };
                };
                /** @description An error: its code, a message that says what to do, details */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                /** @enum {string} */
                                code: "invalid_input" | "invalid_json" | "unauthorized" | "forbidden" | "csrf" | "password_change_required" | "sign_in_refused" | "not_found" | "method_not_allowed" | "conflict" | "no_identity" | "output_unreadable" | "home_in_use" | "account_limit" | "storage_quota" | "insufficient_funds" | "no_price" | "file_changed" | "upload_offset" | "range_not_satisfiable" | "payload_too_large" | "unsupported_media_type" | "too_many_attempts" | "too_many_requests" | "too_many_streams" | "internal" | "slurm_refused" | "slurm_failed" | "slurm_unavailable" | "peer_refused" | "peer_unavailable" | "peer_signature" | "directory_unavailable" | "provider_unavailable" | "shell_unavailable";
                                message: string;
                                details?: Record<string, never>;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tokens/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke one of your tokens */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            revoked: number;
                        };
                    };
                };
                /** @description An error: its code, a message that says what to do, details */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                /** @enum {string} */
                                code: "invalid_input" | "invalid_json" | "unauthorized" | "forbidden" | "csrf" | "password_change_required" | "sign_in_refused" | "not_found" | "method_not_allowed" | "conflict" | "no_identity" | "output_unreadable" | "home_in_use" | "account_limit" | "storage_quota" | "insufficient_funds" | "no_price" | "file_changed" | "upload_offset" | "range_not_satisfiable" | "payload_too_large" | "unsupported_media_type" | "too_many_attempts" | "too_many_requests" | "too_many_streams" | "internal" | "slurm_refused" | "slurm_failed" | "slurm_unavailable" | "peer_refused" | "peer_unavailable" | "peer_signature" | "directory_unavailable" | "provider_unavailable" | "shell_unavailable";
                                message: string;
                                details?: Record<string, never>;
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Tenants (institutions): all of them for center staff, your own for everyone else */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            tenants: components["schemas"]["TenantView"][];
                        };
                    };
                };
                /** @description An error: its code, a message that says what to do, details */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                /** @enum {string} */
                                code: "invalid_input" | "invalid_json" | "unauthorized" | "forbidden" | "csrf" | "password_change_required" | "sign_in_refused" | "not_found" | "method_not_allowed" | "conflict" | "no_identity" | "output_unreadable" | "home_in_use" | "account_limit" | "storage_quota" | "insufficient_funds" | "no_price" | "file_changed" | "upload_offset" | "range_not_satisfiable" | "payload_too_large" | "unsupported_media_type" | "too_many_attempts" | "too_many_requests" | "too_many_streams" | "internal" | "slurm_refused" | "slurm_failed" | "slurm_unavailable" | "peer_refused" | "peer_unavailable" | "peer_signature" | "directory_unavailable" | "provider_unavailable" | "shell_unavailable";
                                message: string;
                                details?: Record<string, never>;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a tenant with its first tenant admin (center admin); a generated password is shown only in this answer */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        admin: {
                            username: string;
                            password?: string;
                            /** Format: email */
                            email?: string;
                            posix?: {
                                name?: string;
                                uid?: number;
                                gid?: number;
                                home?: string;
                            };
                        };
                    };
                };
            };
            responses: {
                /** @description OK */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            tenant: components["schemas"]["TenantView"];
                            admin: components["schemas"]["UserView"];
                            password: string | null;
                        };
                    };
                };
                /** @description An error: its code, a message that says what to do, details */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                /** @enum {string} */
                                code: "invalid_input" | "invalid_json" | "unauthorized" | "forbidden" | "csrf" | "password_change_required" | "sign_in_refused" | "not_found" | "method_not_allowed" | "conflict" | "no_identity" | "output_unreadable" | "home_in_use" | "account_limit" | "storage_quota" | "insufficient_funds" | "no_price" | "file_changed" | "upload_offset" | "range_not_satisfiable" | "payload_too_large" | "unsupported_media_type" | "too_many_attempts" | "too_many_requests" | "too_many_streams" | "internal" | "slurm_refused" | "slurm_failed" | "slurm_unavailable" | "peer_refused" | "peer_unavailable" | "peer_signature" | "directory_unavailable" | "provider_unavailable" | "shell_unavailable";
                                message: string;
                                details?: Record<string, never>;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One tenant, with how many users and accounts it has */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TenantView"];
                    };
                };
                /** @description An error: its code, a message that says what to do, details */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                /** @enum {string} */
                                code: "invalid_input" | "invalid_json" | "unauthorized" | "forbidden" | "csrf" | "password_change_required" | "sign_in_refused" | "not_found" | "method_not_allowed" | "conflict" | "no_identity" | "output_unreadable" | "home_in_use" | "account_limit" | "storage_quota" | "insufficient_funds" | "no_price" | "file_changed" | "upload_offset" | "range_not_satisfiable" | "payload_too_large" | "unsupported_media_type" | "too_many_attempts" | "too_many_requests" | "too_many_streams" | "internal" | "slurm_refused" | "slurm_failed" | "slurm_unavailable" | "peer_refused" | "peer_unavailable" | "peer_signature" | "directory_unavailable" | "provider_unavailable" | "shell_unavailable";
                                message: string;
                                details?: Record<string, never>;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{name}/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Disable a tenant (center admin): its accounts take no new jobs and say why; waiting jobs wait; its people still sign in */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TenantView"];
                    };
                };
                /** @description An error: its code, a message that says what to do, details */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                /** @enum {string} */
                                code: "invalid_input" | "invalid_json" | "unauthorized" | "forbidden" | "csrf" | "password_change_required" | "sign_in_refused" | "not_found" | "method_not_allowed" | "conflict" | "no_identity" | "output_unreadable" | "home_in_use" | "account_limit" | "storage_quota" | "insufficient_funds" | "no_price" | "file_changed" | "upload_offset" | "range_not_satisfiable" | "payload_too_large" | "unsupported_media_type" | "too_many_attempts" | "too_many_requests" | "too_many_streams" | "internal" | "slurm_refused" | "slurm_failed" | "slurm_unavailable" | "peer_refused" | "peer_unavailable" | "peer_signature" | "directory_unavailable" | "provider_unavailable" | "shell_unavailable";
                                message: string;
                                details?: Record<string, never>;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{name}/enable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Enable a disabled tenant again: its accounts take jobs again */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TenantView"];
                    };
                };
                /** @description An error: its code, a message that says what to do, details */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                /** @enum {string} */
                                code: "invalid_input" | "invalid_json" | "unauthorized" | "forbidden" | "csrf" | "password_change_required" | "sign_in_refused" | "not_found" | "method_not_allowed" | "conflict" | "no_identity" | "output_unreadable" | "home_in_use" | "account_limit" | "storage_quota" | "insufficient_funds" | "no_price" | "file_changed" | "upload_offset" | "range_not_satisfiable" | "payload_too_large" | "unsupported_media_type" | "too_many_attempts" | "too_many_requests" | "too_many_streams" | "internal" | "slurm_refused" | "slurm_failed" | "slurm_unavailable" | "peer_refused" | "peer_unavailable" | "peer_signature" | "directory_unavailable" | "provider_unavailable" | "shell_unavailable";
                                message: string;
                                details?: Record<string, never>;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Users of your tenant (tenant admin), of one tenant or of all (center admin), by name; q finds those whose name or e-mail holds it; offset and limit give a page (total: how many match) */
        get: {
            parameters: {
                query?: {
                    tenant?: string;
                    q?: string;
                    offset?: number;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            users: components["schemas"]["UserView"][];
                            total: number;
                        };
                    };
                };
                /** @description An error: its code, a message that says what to do, details */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                /** @enum {string} */
                                code: "invalid_input" | "invalid_json" | "unauthorized" | "forbidden" | "csrf" | "password_change_required" | "sign_in_refused" | "not_found" | "method_not_allowed" | "conflict" | "no_identity" | "output_unreadable" | "home_in_use" | "account_limit" | "storage_quota" | "insufficient_funds" | "no_price" | "file_changed" | "upload_offset" | "range_not_satisfiable" | "payload_too_large" | "unsupported_media_type" | "too_many_attempts" | "too_many_requests" | "too_many_streams" | "internal" | "slurm_refused" | "slurm_failed" | "slurm_unavailable" | "peer_refused" | "peer_unavailable" | "peer_signature" | "directory_unavailable" | "provider_unavailable" | "shell_unavailable";
                                message: string;
                                details?: Record<string, never>;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a user in your tenant (tenant admin) or in a named one (center admin); a generated password is shown only in this answer */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        username: string;
                        tenant?: string;
                        password?: string;
                        roles?: string[];
                        /** Format: email */
                        email?: string;
                        posix?: {
                            name?: string;
                            uid?: number;
                            gid?: number;
                            home?: string;
                        };
                    };
                };
            };
            responses: {
                /** @description OK */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: components["schemas"]["UserView"];
                            password: string | null;
                        };
                    };
                };
                /** @description An error: its code, a message that says what to do, details */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                /** @enum {string} */
                                code: "invalid_input" | "invalid_json" | "unauthorized" | "forbidden" | "csrf" | "password_change_required" | "sign_in_refused" | "not_found" | "method_not_allowed" | "conflict" | "no_identity" | "output_unreadable" | "home_in_use" | "account_limit" | "storage_quota" | "insufficient_funds" | "no_price" | "file_changed" | "upload_offset" | "range_not_satisfiable" | "payload_too_large" | "unsupported_media_type" | "too_many_attempts" | "too_many_requests" | "too_many_streams" | "internal" | "slurm_refused" | "slurm_failed" | "slurm_unavailable" | "peer_refused" | "peer_unavailable" | "peer_signature" | "directory_unavailable" | "provider_unavailable" | "shell_unavailable";
                                message: string;
                                details?: Record<string, never>;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One user, with roles, POSIX identity and accounts */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["UserView"];
                    };
                };
                /** @description An error: its code, a message that says what to do, details */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                /** @enum {string} */
                                code: "invalid_input" | "invalid_json" | "unauthorized" | "forbidden" | "csrf" | "password_change_required" | "sign_in_refused" | "not_found" | "method_not_allowed" | "conflict" | "no_identity" | "output_unreadable" | "home_in_use" | "account_limit" | "storage_quota" | "insufficient_funds" | "no_price" | "file_changed" | "upload_offset" | "range_not_satisfiable" | "payload_too_large" | "unsupported_media_type" | "too_many_attempts" | "too_many_requests" | "too_many_streams" | "internal" | "slurm_refused" | "slurm_failed" | "slurm_unavailable" | "peer_refused" | "peer_unavailable" | "peer_signature" | "directory_unavailable" | "provider_unavailable" | "shell_unavailable";
                                message: string;
                                details?: Record<string, never>;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a user's roles, e-mail, POSIX identity, password; disable or unlock them */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        roles?: string[];
                        email?: string | null;
                        posix?: {
                            name?: string;
                            uid?: number;
                            gid?: number;
                            home?: string;
                        } | null;
                        disabled?: boolean;
                        password?: string;
                        /** @constant */
                        unlock?: true;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["UserView"];
                    };
                };
                /** @description An error: its code, a message that says what to do, details */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                /** @enum {string} */
                                code: "invalid_input" | "invalid_json" | "unauthorized" | "forbidden" | "csrf" | "password_change_required" | "sign_in_refused" | "not_found" | "method_not_allowed" | "conflict" | "no_identity" | "output_unreadable" | "home_in_use" | "account_limit" | "storage_quota" | "insufficient_funds" | "no_price" | "file_changed" | "upload_offset" | "range_not_satisfiable" | "payload_too_large" | "unsupported_media_type" | "too_many_attempts" | "too_many_requests" | "too_many_streams" | "internal" | "slurm_refused" | "slurm_failed" | "slurm_unavailable" | "peer_refused" | "peer_unavailable" | "peer_signature" | "directory_unavailable" | "provider_unavailable" | "shell_unavailable";
                                message: string;
                                details?: Record<string, never>;
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/accounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Accounts (projects) you may see: yours; your tenant's for tenant staff; all for center staff */
        get: {
            parameters: {
                query?: {
                    tenant?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            accounts: components["schemas"]["AccountView"][];
                        };
                    };
                };
                /** @description An error: its code, a message that says what to do, details */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                /** @enum {string} */
                                code: "invalid_input" | "invalid_json" | "unauthorized" | "forbidden" | "csrf" | "password_change_required" | "sign_in_refused" | "not_found" | "method_not_allowed" | "conflict" | "no_identity" | "output_unreadable" | "home_in_use" | "account_limit" | "storage_quota" | "insufficient_funds" | "no_price" | "file_changed" | "upload_offset" | "range_not_satisfiable" | "payload_too_large" | "unsupported_media_type" | "too_many_attempts" | "too_many_requests" | "too_many_streams" | "internal" | "slurm_refused" | "slurm_failed" | "slurm_unavailable" | "peer_refused" | "peer_unavailable" | "peer_signature" | "directory_unavailable" | "provider_unavailable" | "shell_unavailable";
                                message: string;
                                details?: Record<string, never>;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create an account with its owner (tenant admin, or center admin naming the tenant) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        tenant?: string;
                        owner: string;
                        limits?: {
                            maxRunningJobs?: number | null;
                            maxSubmitJobs?: number | null;
                            maxCpus?: number | null;
                            maxGpus?: number | null;
                            maxTimeLimit?: (number | string) | null;
                        };
                        allowed?: {
                            clusters?: string[];
                            partitions?: string[];
                            qos?: string[];
                        };
                    };
                };
            };
            responses: {
                /** @description OK */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AccountView"];
                    };
                };
                /** @description An error: its code, a message that says what to do, details */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                /** @enum {string} */
                                code: "invalid_input" | "invalid_json" | "unauthorized" | "forbidden" | "csrf" | "password_change_required" | "sign_in_refused" | "not_found" | "method_not_allowed" | "conflict" | "no_identity" | "output_unreadable" | "home_in_use" | "account_limit" | "storage_quota" | "insufficient_funds" | "no_price" | "file_changed" | "upload_offset" | "range_not_satisfiable" | "payload_too_large" | "unsupported_media_type" | "too_many_attempts" | "too_many_requests" | "too_many_streams" | "internal" | "slurm_refused" | "slurm_failed" | "slurm_unavailable" | "peer_refused" | "peer_unavailable" | "peer_signature" | "directory_unavailable" | "provider_unavailable" | "shell_unavailable";
                                message: string;
                                details?: Record<string, never>;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/accounts/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One account: state (and who blocked it, why), limits, what it may use */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AccountView"];
                    };
                };
                /** @description An error: its code, a message that says what to do, details */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                /** @enum {string} */
                                code: "invalid_input" | "invalid_json" | "unauthorized" | "forbidden" | "csrf" | "password_change_required" | "sign_in_refused" | "not_found" | "method_not_allowed" | "conflict" | "no_identity" | "output_unreadable" | "home_in_use" | "account_limit" | "storage_quota" | "insufficient_funds" | "no_price" | "file_changed" | "upload_offset" | "range_not_satisfiable" | "payload_too_large" | "unsupported_media_type" | "too_many_attempts" | "too_many_requests" | "too_many_streams" | "internal" | "slurm_refused" | "slurm_failed" | "slurm_unavailable" | "peer_refused" | "peer_unavailable" | "peer_signature" | "directory_unavailable" | "provider_unavailable" | "shell_unavailable";
                                message: string;
                                details?: Record<string, never>;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change an account's limits (null lifts one) or what it may use */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        limits?: {
                            maxRunningJobs?: number | null;
                            maxSubmitJobs?: number | null;
                            maxCpus?: number | null;
                            maxGpus?: number | null;
                            maxTimeLimit?: (number | string) | null;
                        };
                        allowed?: {
                            clusters?: string[];
                            partitions?: string[];
                            qos?: string[];
                        };
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AccountView"];
                    };
                };
                /** @description An error: its code, a message that says what to do, details */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                /** @enum {string} */
                                code: "invalid_input" | "invalid_json" | "unauthorized" | "forbidden" | "csrf" | "password_change_required" | "sign_in_refused" | "not_found" | "method_not_allowed" | "conflict" | "no_identity" | "output_unreadable" | "home_in_use" | "account_limit" | "storage_quota" | "insufficient_funds" | "no_price" | "file_changed" | "upload_offset" | "range_not_satisfiable" | "payload_too_large" | "unsupported_media_type" | "too_many_attempts" | "too_many_requests" | "too_many_streams" | "internal" | "slurm_refused" | "slurm_failed" | "slurm_unavailable" | "peer_refused" | "peer_unavailable" | "peer_signature" | "directory_unavailable" | "provider_unavailable" | "shell_unavailable";
                                message: string;
                                details?: Record<string, never>;
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/accounts/{name}/block": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Block an account: new jobs are refused, waiting ones wait (AccountBlocked), running ones go on */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AccountView"];
                    };
                };
                /** @description An error: its code, a message that says what to do, details */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                /** @enum {string} */
                                code: "invalid_input" | "invalid_json" | "unauthorized" | "forbidden" | "csrf" | "password_change_required" | "sign_in_refused" | "not_found" | "method_not_allowed" | "conflict" | "no_identity" | "output_unreadable" | "home_in_use" | "account_limit" | "storage_quota" | "insufficient_funds" | "no_price" | "file_changed" | "upload_offset" | "range_not_satisfiable" | "payload_too_large" | "unsupported_media_type" | "too_many_attempts" | "too_many_requests" | "too_many_streams" | "internal" | "slurm_refused" | "slurm_failed" | "slurm_unavailable" | "peer_refused" | "peer_unavailable" | "peer_signature" | "directory_unavailable" | "provider_unavailable" | "shell_unavailable";
                                message: string;
                                details?: Record<string, never>;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/accounts/{name}/unblock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Lift an admin's block of an account */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AccountView"];
                    };
                };
                /** @description An error: its code, a message that says what to do, details */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                /** @enum {string} */
                                code: "invalid_input" | "invalid_json" | "unauthorized" | "forbidden" | "csrf" | "password_change_required" | "sign_in_refused" | "not_found" | "method_not_allowed" | "conflict" | "no_identity" | "output_unreadable" | "home_in_use" | "account_limit" | "storage_quota" | "insufficient_funds" | "no_price" | "file_changed" | "upload_offset" | "range_not_satisfiable" | "payload_too_large" | "unsupported_media_type" | "too_many_attempts" | "too_many_requests" | "too_many_streams" | "internal" | "slurm_refused" | "slurm_failed" | "slurm_unavailable" | "peer_refused" | "peer_unavailable" | "peer_signature" | "directory_unavailable" | "provider_unavailable" | "shell_unavailable";
                                message: string;
                                details?: Record<string, never>;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/accounts/{name}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Members of an account, with their roles and limits */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            members: components["schemas"]["MemberView"][];
                        };
                    };
                };
                /** @description An error: its code, a message that says what to do, details */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                /** @enum {string} */
                                code: "invalid_input" | "invalid_json" | "unauthorized" | "forbidden" | "csrf" | "password_change_required" | "sign_in_refused" | "not_found" | "method_not_allowed" | "conflict" | "no_identity" | "output_unreadable" | "home_in_use" | "account_limit" | "storage_quota" | "insufficient_funds" | "no_price" | "file_changed" | "upload_offset" | "range_not_satisfiable" | "payload_too_large" | "unsupported_media_type" | "too_many_attempts" | "too_many_requests" | "too_many_streams" | "internal" | "slurm_refused" | "slurm_failed" | "slurm_unavailable" | "peer_refused" | "peer_unavailable" | "peer_signature" | "directory_unavailable" | "provider_unavailable" | "shell_unavailable";
                                message: string;
                                details?: Record<string, never>;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Add a user of the account's tenant as member, admin or owner, with limits */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        user: string;
                        role?: string;
                        limits?: {
                            maxRunningJobs?: number | null;
                            maxSubmitJobs?: number | null;
                            maxCpus?: number | null;
                            maxGpus?: number | null;
                            maxTimeLimit?: (number | string) | null;
                        };
                    };
                };
            };
            responses: {
                /** @description OK */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            members: components["schemas"]["MemberView"][];
                        };
                    };
                };
                /** @description An error: its code, a message that says what to do, details */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                /** @enum {string} */
                                code: "invalid_input" | "invalid_json" | "unauthorized" | "forbidden" | "csrf" | "password_change_required" | "sign_in_refused" | "not_found" | "method_not_allowed" | "conflict" | "no_identity" | "output_unreadable" | "home_in_use" | "account_limit" | "storage_quota" | "insufficient_funds" | "no_price" | "file_changed" | "upload_offset" | "range_not_satisfiable" | "payload_too_large" | "unsupported_media_type" | "too_many_attempts" | "too_many_requests" | "too_many_streams" | "internal" | "slurm_refused" | "slurm_failed" | "slurm_unavailable" | "peer_refused" | "peer_unavailable" | "peer_signature" | "directory_unavailable" | "provider_unavailable" | "shell_unavailable";
                                message: string;
                                details?: Record<string, never>;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/accounts/{name}/fairshare": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Fair share of an account's members, like sshare: decayed usage (core-hours) and the Fair Tree factor the scheduler uses */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FairShareView"];
                    };
                };
                /** @description An error: its code, a message that says what to do, details */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                /** @enum {string} */
                                code: "invalid_input" | "invalid_json" | "unauthorized" | "forbidden" | "csrf" | "password_change_required" | "sign_in_refused" | "not_found" | "method_not_allowed" | "conflict" | "no_identity" | "output_unreadable" | "home_in_use" | "account_limit" | "storage_quota" | "insufficient_funds" | "no_price" | "file_changed" | "upload_offset" | "range_not_satisfiable" | "payload_too_large" | "unsupported_media_type" | "too_many_attempts" | "too_many_requests" | "too_many_streams" | "internal" | "slurm_refused" | "slurm_failed" | "slurm_unavailable" | "peer_refused" | "peer_unavailable" | "peer_signature" | "directory_unavailable" | "provider_unavailable" | "shell_unavailable";
                                message: string;
                                details?: Record<string, never>;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/accounts/{name}/members/{user}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a member (an account keeps at least one owner) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                    user: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            members: components["schemas"]["MemberView"][];
                        };
                    };
                };
                /** @description An error: its code, a message that says what to do, details */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                /** @enum {string} */
                                code: "invalid_input" | "invalid_json" | "unauthorized" | "forbidden" | "csrf" | "password_change_required" | "sign_in_refused" | "not_found" | "method_not_allowed" | "conflict" | "no_identity" | "output_unreadable" | "home_in_use" | "account_limit" | "storage_quota" | "insufficient_funds" | "no_price" | "file_changed" | "upload_offset" | "range_not_satisfiable" | "payload_too_large" | "unsupported_media_type" | "too_many_attempts" | "too_many_requests" | "too_many_streams" | "internal" | "slurm_refused" | "slurm_failed" | "slurm_unavailable" | "peer_refused" | "peer_unavailable" | "peer_signature" | "directory_unavailable" | "provider_unavailable" | "shell_unavailable";
                                message: string;
                                details?: Record<string, never>;
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a member's role or limits */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                    user: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        role?: string;
                        limits?: {
                            maxRunningJobs?: number | null;
                            maxSubmitJobs?: number | null;
                            maxCpus?: number | null;
                            maxGpus?: number | null;
                            maxTimeLimit?: (number | string) | null;
                        };
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            members: components["schemas"]["MemberView"][];
                        };
                    };
                };
                /** @description An error: its code, a message that says what to do, details */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                /** @enum {string} */
                                code: "invalid_input" | "invalid_json" | "unauthorized" | "forbidden" | "csrf" | "password_change_required" | "sign_in_refused" | "not_found" | "method_not_allowed" | "conflict" | "no_identity" | "output_unreadable" | "home_in_use" | "account_limit" | "storage_quota" | "insufficient_funds" | "no_price" | "file_changed" | "upload_offset" | "range_not_satisfiable" | "payload_too_large" | "unsupported_media_type" | "too_many_attempts" | "too_many_requests" | "too_many_streams" | "internal" | "slurm_refused" | "slurm_failed" | "slurm_unavailable" | "peer_refused" | "peer_unavailable" | "peer_signature" | "directory_unavailable" | "provider_unavailable" | "shell_unavailable";
                                message: string;
                                details?: Record<string, never>;
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/applications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Applications: yours; your tenant's for its admins (all for the center's); `mine=true` for only yours */
        get: {
            parameters: {
                query?: {
                    state?: "pending" | "changes" | "approved" | "rejected";
                    mine?: "true" | "false";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            applications: components["schemas"]["ApplicationView"][];
                        };
                    };
                };
                /** @description An error: its code, a message that says what to do, details */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                /** @enum {string} */
                                code: "invalid_input" | "invalid_json" | "unauthorized" | "forbidden" | "csrf" | "password_change_required" | "sign_in_refused" | "not_found" | "method_not_allowed" | "conflict" | "no_identity" | "output_unreadable" | "home_in_use" | "account_limit" | "storage_quota" | "insufficient_funds" | "no_price" | "file_changed" | "upload_offset" | "range_not_satisfiable" | "payload_too_large" | "unsupported_media_type" | "too_many_attempts" | "too_many_requests" | "too_many_streams" | "internal" | "slurm_refused" | "slurm_failed" | "slurm_unavailable" | "peer_refused" | "peer_unavailable" | "peer_signature" | "directory_unavailable" | "provider_unavailable" | "shell_unavailable";
                                message: string;
                                details?: Record<string, never>;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Apply for a new account (title, purpose, field, PI, members, clusters, core- and GPU-hours, period), more hours for an account, or higher limits */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @constant */
                        kind: "account";
                        name: string;
                        title: string;
                        purpose: string;
                        /** @enum {string} */
                        field: "life-sciences" | "medical" | "environment" | "ai" | "physics" | "chemistry" | "materials" | "engineering" | "earth" | "other";
                        pi: string;
                        /** @default [] */
                        members?: string[];
                        /** @default [] */
                        clusters?: string[];
                        /** @default 0 */
                        coreHours?: number;
                        /** @default 0 */
                        gpuHours?: number;
                        startsAt?: string;
                        endsAt?: string;
                    } | {
                        /** @constant */
                        kind: "extend";
                        account: string;
                        purpose: string;
                        /** @default 0 */
                        coreHours?: number;
                        /** @default 0 */
                        gpuHours?: number;
                        endsAt?: string;
                    } | {
                        /** @constant */
                        kind: "limits";
                        account: string;
                        purpose: string;
                        limits: {
                            maxRunningJobs?: number | null;
                            maxSubmitJobs?: number | null;
                            maxCpus?: number | null;
                            maxGpus?: number | null;
                            maxTimeLimit?: (number | string) | null;
                        };
                    };
                };
            };
            responses: {
                /** @description OK */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApplicationView"];
                    };
                };
                /** @description An error: its code, a message that says what to do, details */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                /** @enum {string} */
                                code: "invalid_input" | "invalid_json" | "unauthorized" | "forbidden" | "csrf" | "password_change_required" | "sign_in_refused" | "not_found" | "method_not_allowed" | "conflict" | "no_identity" | "output_unreadable" | "home_in_use" | "account_limit" | "storage_quota" | "insufficient_funds" | "no_price" | "file_changed" | "upload_offset" | "range_not_satisfiable" | "payload_too_large" | "unsupported_media_type" | "too_many_attempts" | "too_many_requests" | "too_many_streams" | "internal" | "slurm_refused" | "slurm_failed" | "slurm_unavailable" | "peer_refused" | "peer_unavailable" | "peer_signature" | "directory_unavailable" | "provider_unavailable" | "shell_unavailable";
                                message: string;
                                details?: Record<string, never>;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/applications/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One application: what it asks, its state, who decided and why */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApplicationView"];
                    };
                };
                /** @description An error: its code, a message that says what to do, details */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                /** @enum {string} */
                                code: "invalid_input" | "invalid_json" | "unauthorized" | "forbidden" | "csrf" | "password_change_required" | "sign_in_refused" | "not_found" | "method_not_allowed" | "conflict" | "no_identity" | "output_unreadable" | "home_in_use" | "account_limit" | "storage_quota" | "insufficient_funds" | "no_price" | "file_changed" | "upload_offset" | "range_not_satisfiable" | "payload_too_large" | "unsupported_media_type" | "too_many_attempts" | "too_many_requests" | "too_many_streams" | "internal" | "slurm_refused" | "slurm_failed" | "slurm_unavailable" | "peer_refused" | "peer_unavailable" | "peer_signature" | "directory_unavailable" | "provider_unavailable" | "shell_unavailable";
                                message: string;
                                details?: Record<string, never>;
                            };
                        };
                    };
                };
            };
        };
        /** Change your application while it is open (waiting, or sent back for changes): it waits again */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @constant */
                        kind: "account";
                        name: string;
                        title: string;
                        purpose: string;
                        /** @enum {string} */
                        field: "life-sciences" | "medical" | "environment" | "ai" | "physics" | "chemistry" | "materials" | "engineering" | "earth" | "other";
                        pi: string;
                        /** @default [] */
                        members?: string[];
                        /** @default [] */
                        clusters?: string[];
                        /** @default 0 */
                        coreHours?: number;
                        /** @default 0 */
                        gpuHours?: number;
                        startsAt?: string;
                        endsAt?: string;
                    } | {
                        /** @constant */
                        kind: "extend";
                        account: string;
                        purpose: string;
                        /** @default 0 */
                        coreHours?: number;
                        /** @default 0 */
                        gpuHours?: number;
                        endsAt?: string;
                    } | {
                        /** @constant */
                        kind: "limits";
                        account: string;
                        purpose: string;
                        limits: {
                            maxRunningJobs?: number | null;
                            maxSubmitJobs?: number | null;
                            maxCpus?: number | null;
                            maxGpus?: number | null;
                            maxTimeLimit?: (number | string) | null;
                        };
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApplicationView"];
                    };
                };
                /** @description An error: its code, a message that says what to do, details */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                /** @enum {string} */
                                code: "invalid_input" | "invalid_json" | "unauthorized" | "forbidden" | "csrf" | "password_change_required" | "sign_in_refused" | "not_found" | "method_not_allowed" | "conflict" | "no_identity" | "output_unreadable" | "home_in_use" | "account_limit" | "storage_quota" | "insufficient_funds" | "no_price" | "file_changed" | "upload_offset" | "range_not_satisfiable" | "payload_too_large" | "unsupported_media_type" | "too_many_attempts" | "too_many_requests" | "too_many_streams" | "internal" | "slurm_refused" | "slurm_failed" | "slurm_unavailable" | "peer_refused" | "peer_unavailable" | "peer_signature" | "directory_unavailable" | "provider_unavailable" | "shell_unavailable";
                                message: string;
                                details?: Record<string, never>;
                            };
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/applications/{id}/decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve (making the account, members and grants as `request` says, edited or not), reject, or ask for changes, with a note (needed to reject or ask) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        decision: "approve" | "reject" | "changes";
                        note?: string;
                        request?: {
                            /** @constant */
                            kind: "account";
                            name: string;
                            title: string;
                            purpose: string;
                            /** @enum {string} */
                            field: "life-sciences" | "medical" | "environment" | "ai" | "physics" | "chemistry" | "materials" | "engineering" | "earth" | "other";
                            pi: string;
                            /** @default [] */
                            members?: string[];
                            /** @default [] */
                            clusters?: string[];
                            /** @default 0 */
                            coreHours?: number;
                            /** @default 0 */
                            gpuHours?: number;
                            startsAt?: string;
                            endsAt?: string;
                        } | {
                            /** @constant */
                            kind: "extend";
                            account: string;
                            purpose: string;
                            /** @default 0 */
                            coreHours?: number;
                            /** @default 0 */
                            gpuHours?: number;
                            endsAt?: string;
                        } | {
                            /** @constant */
                            kind: "limits";
                            account: string;
                            purpose: string;
                            limits: {
                                maxRunningJobs?: number | null;
                                maxSubmitJobs?: number | null;
                                maxCpus?: number | null;
                                maxGpus?: number | null;
                                maxTimeLimit?: (number | string) | null;
                            };
                        };
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApplicationView"];
                    };
                };
                /** @description An error: its code, a message that says what to do, details */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                /** @enum {string} */
                                code: "invalid_input" | "invalid_json" | "unauthorized" | "forbidden" | "csrf" | "password_change_required" | "sign_in_refused" | "not_found" | "method_not_allowed" | "conflict" | "no_identity" | "output_unreadable" | "home_in_use" | "account_limit" | "storage_quota" | "insufficient_funds" | "no_price" | "file_changed" | "upload_offset" | "range_not_satisfiable" | "payload_too_large" | "unsupported_media_type" | "too_many_attempts" | "too_many_requests" | "too_many_streams" | "internal" | "slurm_refused" | "slurm_failed" | "slurm_unavailable" | "peer_refused" | "peer_unavailable" | "peer_signature" | "directory_unavailable" | "provider_unavailable" | "shell_unavailable";
                                message: string;
                                details?: Record<string, never>;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The audit log, newest first: your tenant's (tenant admin) or all (center); filter, page with `before`, or format=csv */
        get: {
            parameters: {
                query?: {
                    tenant?: string;
                    actor?: string;
                    action?: string;
                    result?: string;
                    from?: string;
                    to?: string;
                    before?: number;
                    limit?: number;
                    format?: "json" | "csv";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            records: components["schemas"]["AuditView"][];
                            next: number | null;
                        };
                    };
                };
                /** @description An error: its code, a message that says what to do, details */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                /** @enum {string} */
                                code: "invalid_input" | "invalid_json" | "unauthorized" | "forbidden" | "csrf" | "password_change_required" | "sign_in_refused" | "not_found" | "method_not_allowed" | "conflict" | "no_identity" | "output_unreadable" | "home_in_use" | "account_limit" | "storage_quota" | "insufficient_funds" | "no_price" | "file_changed" | "upload_offset" | "range_not_satisfiable" | "payload_too_large" | "unsupported_media_type" | "too_many_attempts" | "too_many_requests" | "too_many_streams" | "internal" | "slurm_refused" | "slurm_failed" | "slurm_unavailable" | "peer_refused" | "peer_unavailable" | "peer_signature" | "directory_unavailable" | "provider_unavailable" | "shell_unavailable";
                                message: string;
                                details?: Record<string, never>;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/prices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Prices in force now (or `at`; `history=true` for every version): the general ones and your tenant's own */
        get: {
            parameters: {
                query?: {
                    cluster?: string;
                    partition?: string;
                    at?: string;
                    history?: "true" | "false";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            prices: components["schemas"]["PriceView"][];
                        };
                    };
                };
                /** @description An error: its code, a message that says what to do, details */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                /** @enum {string} */
                                code: "invalid_input" | "invalid_json" | "unauthorized" | "forbidden" | "csrf" | "password_change_required" | "sign_in_refused" | "not_found" | "method_not_allowed" | "conflict" | "no_identity" | "output_unreadable" | "home_in_use" | "account_limit" | "storage_quota" | "insufficient_funds" | "no_price" | "file_changed" | "upload_offset" | "range_not_satisfiable" | "payload_too_large" | "unsupported_media_type" | "too_many_attempts" | "too_many_requests" | "too_many_streams" | "internal" | "slurm_refused" | "slurm_failed" | "slurm_unavailable" | "peer_refused" | "peer_unavailable" | "peer_signature" | "directory_unavailable" | "provider_unavailable" | "shell_unavailable";
                                message: string;
                                details?: Record<string, never>;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Set a price from an effective time on (never in the past): per core-hour, GiB-hour, GPU-hour by type, sum or max (Slurm's billing TRES), minimum charge; optionally for one QoS or one tenant */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        cluster: string;
                        partition: string;
                        qos?: string;
                        tenant?: string;
                        effectiveFrom: string;
                        cpuHour: string;
                        memGiBHour?: string;
                        gpuHour?: {
                            [key: string]: string;
                        };
                        /** @enum {string} */
                        mode?: "sum" | "max";
                        minCharge?: string;
                    };
                };
            };
            responses: {
                /** @description OK */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            cluster: string;
                            partition: string;
                            qos: string;
                            tenant: string | null;
                            effectiveFrom: string;
                            cpuHour: string;
                            memGiBHour: string;
                            gpuHour: {
                                [key: string]: string;
                            };
                            /** @enum {string} */
                            mode: "sum" | "max";
                            minCharge: string;
                            currency: string;
                            accountsWithoutMoney: string[];
                        };
                    };
                };
                /** @description An error: its code, a message that says what to do, details */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                /** @enum {string} */
                                code: "invalid_input" | "invalid_json" | "unauthorized" | "forbidden" | "csrf" | "password_change_required" | "sign_in_refused" | "not_found" | "method_not_allowed" | "conflict" | "no_identity" | "output_unreadable" | "home_in_use" | "account_limit" | "storage_quota" | "insufficient_funds" | "no_price" | "file_changed" | "upload_offset" | "range_not_satisfiable" | "payload_too_large" | "unsupported_media_type" | "too_many_attempts" | "too_many_requests" | "too_many_streams" | "internal" | "slurm_refused" | "slurm_failed" | "slurm_unavailable" | "peer_refused" | "peer_unavailable" | "peer_signature" | "directory_unavailable" | "provider_unavailable" | "shell_unavailable";
                                message: string;
                                details?: Record<string, never>;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/prices/check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** What setting this price would do, nothing stored: the same checks, the accounts with nothing to spend that it would stop (so that a client asks before it sets it), and with `example` what such a job would cost under it */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        cluster: string;
                        partition: string;
                        qos?: string;
                        tenant?: string;
                        effectiveFrom: string;
                        cpuHour: string;
                        memGiBHour?: string;
                        gpuHour?: {
                            [key: string]: string;
                        };
                        /** @enum {string} */
                        mode?: "sum" | "max";
                        minCharge?: string;
                        example?: {
                            cpus: number;
                            memGiB: number;
                            gpus: number;
                            gpuType?: string;
                            hours: number;
                        };
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            accountsWithoutMoney: string[];
                            exampleCost: string | null;
                        };
                    };
                };
                /** @description An error: its code, a message that says what to do, details */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                /** @enum {string} */
                                code: "invalid_input" | "invalid_json" | "unauthorized" | "forbidden" | "csrf" | "password_change_required" | "sign_in_refused" | "not_found" | "method_not_allowed" | "conflict" | "no_identity" | "output_unreadable" | "home_in_use" | "account_limit" | "storage_quota" | "insufficient_funds" | "no_price" | "file_changed" | "upload_offset" | "range_not_satisfiable" | "payload_too_large" | "unsupported_media_type" | "too_many_attempts" | "too_many_requests" | "too_many_streams" | "internal" | "slurm_refused" | "slurm_failed" | "slurm_unavailable" | "peer_refused" | "peer_unavailable" | "peer_signature" | "directory_unavailable" | "provider_unavailable" | "shell_unavailable";
                                message: string;
                                details?: Record<string, never>;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{name}/discount": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A tenant's discount on all prices, in percent, from an effective time on */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        percent: number;
                        effectiveFrom: string;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            tenant: string;
                            percent: number;
                            effectiveFrom: string;
                        };
                    };
                };
                /** @description An error: its code, a message that says what to do, details */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                /** @enum {string} */
                                code: "invalid_input" | "invalid_json" | "unauthorized" | "forbidden" | "csrf" | "password_change_required" | "sign_in_refused" | "not_found" | "method_not_allowed" | "conflict" | "no_identity" | "output_unreadable" | "home_in_use" | "account_limit" | "storage_quota" | "insufficient_funds" | "no_price" | "file_changed" | "upload_offset" | "range_not_satisfiable" | "payload_too_large" | "unsupported_media_type" | "too_many_attempts" | "too_many_requests" | "too_many_streams" | "internal" | "slurm_refused" | "slurm_failed" | "slurm_unavailable" | "peer_refused" | "peer_unavailable" | "peer_signature" | "directory_unavailable" | "provider_unavailable" | "shell_unavailable";
                                message: string;
                                details?: Record<string, never>;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/balances": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Balances you may see: a tenant's wallet and its accounts', one account's, or all (center) */
        get: {
            parameters: {
                query?: {
                    tenant?: string;
                    account?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            wallets: components["schemas"]["WalletView"][];
                        };
                    };
                };
                /** @description An error: its code, a message that says what to do, details */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                /** @enum {string} */
                                code: "invalid_input" | "invalid_json" | "unauthorized" | "forbidden" | "csrf" | "password_change_required" | "sign_in_refused" | "not_found" | "method_not_allowed" | "conflict" | "no_identity" | "output_unreadable" | "home_in_use" | "account_limit" | "storage_quota" | "insufficient_funds" | "no_price" | "file_changed" | "upload_offset" | "range_not_satisfiable" | "payload_too_large" | "unsupported_media_type" | "too_many_attempts" | "too_many_requests" | "too_many_streams" | "internal" | "slurm_refused" | "slurm_failed" | "slurm_unavailable" | "peer_refused" | "peer_unavailable" | "peer_signature" | "directory_unavailable" | "provider_unavailable" | "shell_unavailable";
                                message: string;
                                details?: Record<string, never>;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ledger": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Ledger transactions and their postings, newest first (each sums to zero); page with `before` */
        get: {
            parameters: {
                query?: {
                    tenant?: string;
                    account?: string;
                    before?: number;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            transactions: components["schemas"]["TransactionView"][];
                            next: number | null;
                        };
                    };
                };
                /** @description An error: its code, a message that says what to do, details */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                /** @enum {string} */
                                code: "invalid_input" | "invalid_json" | "unauthorized" | "forbidden" | "csrf" | "password_change_required" | "sign_in_refused" | "not_found" | "method_not_allowed" | "conflict" | "no_identity" | "output_unreadable" | "home_in_use" | "account_limit" | "storage_quota" | "insufficient_funds" | "no_price" | "file_changed" | "upload_offset" | "range_not_satisfiable" | "payload_too_large" | "unsupported_media_type" | "too_many_attempts" | "too_many_requests" | "too_many_streams" | "internal" | "slurm_refused" | "slurm_failed" | "slurm_unavailable" | "peer_refused" | "peer_unavailable" | "peer_signature" | "directory_unavailable" | "provider_unavailable" | "shell_unavailable";
                                message: string;
                                details?: Record<string, never>;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{name}/recharge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Put money into a tenant's wallet (center finance) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        amount: string;
                        currency?: string;
                        reason?: string;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WalletView"];
                    };
                };
                /** @description An error: its code, a message that says what to do, details */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                /** @enum {string} */
                                code: "invalid_input" | "invalid_json" | "unauthorized" | "forbidden" | "csrf" | "password_change_required" | "sign_in_refused" | "not_found" | "method_not_allowed" | "conflict" | "no_identity" | "output_unreadable" | "home_in_use" | "account_limit" | "storage_quota" | "insufficient_funds" | "no_price" | "file_changed" | "upload_offset" | "range_not_satisfiable" | "payload_too_large" | "unsupported_media_type" | "too_many_attempts" | "too_many_requests" | "too_many_streams" | "internal" | "slurm_refused" | "slurm_failed" | "slurm_unavailable" | "peer_refused" | "peer_unavailable" | "peer_signature" | "directory_unavailable" | "provider_unavailable" | "shell_unavailable";
                                message: string;
                                details?: Record<string, never>;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/accounts/{name}/transfer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move money from the account's tenant to the account (tenant finance); never more than the tenant has */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        amount: string;
                        currency?: string;
                        reason?: string;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WalletView"];
                    };
                };
                /** @description An error: its code, a message that says what to do, details */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                /** @enum {string} */
                                code: "invalid_input" | "invalid_json" | "unauthorized" | "forbidden" | "csrf" | "password_change_required" | "sign_in_refused" | "not_found" | "method_not_allowed" | "conflict" | "no_identity" | "output_unreadable" | "home_in_use" | "account_limit" | "storage_quota" | "insufficient_funds" | "no_price" | "file_changed" | "upload_offset" | "range_not_satisfiable" | "payload_too_large" | "unsupported_media_type" | "too_many_attempts" | "too_many_requests" | "too_many_streams" | "internal" | "slurm_refused" | "slurm_failed" | "slurm_unavailable" | "peer_refused" | "peer_unavailable" | "peer_signature" | "directory_unavailable" | "provider_unavailable" | "shell_unavailable";
                                message: string;
                                details?: Record<string, never>;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/jobs/{id}/refund": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Give back (part of) a job's charge to its account, with a reason (center finance) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        amount: string;
                        currency?: string;
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            job: number;
                            refunded: string;
                            currency: string;
                        };
                    };
                };
                /** @description An error: its code, a message that says what to do, details */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                /** @enum {string} */
                                code: "invalid_input" | "invalid_json" | "unauthorized" | "forbidden" | "csrf" | "password_change_required" | "sign_in_refused" | "not_found" | "method_not_allowed" | "conflict" | "no_identity" | "output_unreadable" | "home_in_use" | "account_limit" | "storage_quota" | "insufficient_funds" | "no_price" | "file_changed" | "upload_offset" | "range_not_satisfiable" | "payload_too_large" | "unsupported_media_type" | "too_many_attempts" | "too_many_requests" | "too_many_streams" | "internal" | "slurm_refused" | "slurm_failed" | "slurm_unavailable" | "peer_refused" | "peer_unavailable" | "peer_signature" | "directory_unavailable" | "provider_unavailable" | "shell_unavailable";
                                message: string;
                                details?: Record<string, never>;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/accounts/{name}/grants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An account's grants (core-hours, GPU-hours for a period): given, left, held by jobs */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            grants: components["schemas"]["GrantView"][];
                        };
                    };
                };
                /** @description An error: its code, a message that says what to do, details */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                /** @enum {string} */
                                code: "invalid_input" | "invalid_json" | "unauthorized" | "forbidden" | "csrf" | "password_change_required" | "sign_in_refused" | "not_found" | "method_not_allowed" | "conflict" | "no_identity" | "output_unreadable" | "home_in_use" | "account_limit" | "storage_quota" | "insufficient_funds" | "no_price" | "file_changed" | "upload_offset" | "range_not_satisfiable" | "payload_too_large" | "unsupported_media_type" | "too_many_attempts" | "too_many_requests" | "too_many_streams" | "internal" | "slurm_refused" | "slurm_failed" | "slurm_unavailable" | "peer_refused" | "peer_unavailable" | "peer_signature" | "directory_unavailable" | "provider_unavailable" | "shell_unavailable";
                                message: string;
                                details?: Record<string, never>;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Give an account core-hours or GPU-hours for a period (center finance); jobs use them before money */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        resource: "cpu" | "gpu";
                        hours: number;
                        startsAt?: string;
                        endsAt: string;
                        reason?: string;
                    };
                };
            };
            responses: {
                /** @description OK */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["GrantView"];
                    };
                };
                /** @description An error: its code, a message that says what to do, details */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                /** @enum {string} */
                                code: "invalid_input" | "invalid_json" | "unauthorized" | "forbidden" | "csrf" | "password_change_required" | "sign_in_refused" | "not_found" | "method_not_allowed" | "conflict" | "no_identity" | "output_unreadable" | "home_in_use" | "account_limit" | "storage_quota" | "insufficient_funds" | "no_price" | "file_changed" | "upload_offset" | "range_not_satisfiable" | "payload_too_large" | "unsupported_media_type" | "too_many_attempts" | "too_many_requests" | "too_many_streams" | "internal" | "slurm_refused" | "slurm_failed" | "slurm_unavailable" | "peer_refused" | "peer_unavailable" | "peer_signature" | "directory_unavailable" | "provider_unavailable" | "shell_unavailable";
                                message: string;
                                details?: Record<string, never>;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/accounts/{name}/spendable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What an account can spend now and its grants left, for everyone who works in it (not the ledger) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Spendable"];
                    };
                };
                /** @description An error: its code, a message that says what to do, details */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                /** @enum {string} */
                                code: "invalid_input" | "invalid_json" | "unauthorized" | "forbidden" | "csrf" | "password_change_required" | "sign_in_refused" | "not_found" | "method_not_allowed" | "conflict" | "no_identity" | "output_unreadable" | "home_in_use" | "account_limit" | "storage_quota" | "insufficient_funds" | "no_price" | "file_changed" | "upload_offset" | "range_not_satisfiable" | "payload_too_large" | "unsupported_media_type" | "too_many_attempts" | "too_many_requests" | "too_many_streams" | "internal" | "slurm_refused" | "slurm_failed" | "slurm_unavailable" | "peer_refused" | "peer_unavailable" | "peer_signature" | "directory_unavailable" | "provider_unavailable" | "shell_unavailable";
                                message: string;
                                details?: Record<string, never>;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/accounts/{name}/billing": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An account's money: what it can spend (balance + credit), its threshold, credit, whitelist, block for money */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AccountBilling"];
                    };
                };
                /** @description An error: its code, a message that says what to do, details */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                /** @enum {string} */
                                code: "invalid_input" | "invalid_json" | "unauthorized" | "forbidden" | "csrf" | "password_change_required" | "sign_in_refused" | "not_found" | "method_not_allowed" | "conflict" | "no_identity" | "output_unreadable" | "home_in_use" | "account_limit" | "storage_quota" | "insufficient_funds" | "no_price" | "file_changed" | "upload_offset" | "range_not_satisfiable" | "payload_too_large" | "unsupported_media_type" | "too_many_attempts" | "too_many_requests" | "too_many_streams" | "internal" | "slurm_refused" | "slurm_failed" | "slurm_unavailable" | "peer_refused" | "peer_unavailable" | "peer_signature" | "directory_unavailable" | "provider_unavailable" | "shell_unavailable";
                                message: string;
                                details?: Record<string, never>;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Set an account's threshold (blocked for money below it), credit limit, or whitelist (never blocked) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        threshold?: string;
                        creditLimit?: string;
                        lowBalance?: string;
                        whitelisted?: boolean;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AccountBilling"];
                    };
                };
                /** @description An error: its code, a message that says what to do, details */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                /** @enum {string} */
                                code: "invalid_input" | "invalid_json" | "unauthorized" | "forbidden" | "csrf" | "password_change_required" | "sign_in_refused" | "not_found" | "method_not_allowed" | "conflict" | "no_identity" | "output_unreadable" | "home_in_use" | "account_limit" | "storage_quota" | "insufficient_funds" | "no_price" | "file_changed" | "upload_offset" | "range_not_satisfiable" | "payload_too_large" | "unsupported_media_type" | "too_many_attempts" | "too_many_requests" | "too_many_streams" | "internal" | "slurm_refused" | "slurm_failed" | "slurm_unavailable" | "peer_refused" | "peer_unavailable" | "peer_signature" | "directory_unavailable" | "provider_unavailable" | "shell_unavailable";
                                message: string;
                                details?: Record<string, never>;
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/ledger/adjustments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Correct a tenant's or an account's balance, up or down, with a reason (center finance) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        amount: string;
                        currency?: string;
                        reason: string;
                        tenant?: string;
                        account?: string;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WalletView"];
                    };
                };
                /** @description An error: its code, a message that says what to do, details */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                /** @enum {string} */
                                code: "invalid_input" | "invalid_json" | "unauthorized" | "forbidden" | "csrf" | "password_change_required" | "sign_in_refused" | "not_found" | "method_not_allowed" | "conflict" | "no_identity" | "output_unreadable" | "home_in_use" | "account_limit" | "storage_quota" | "insufficient_funds" | "no_price" | "file_changed" | "upload_offset" | "range_not_satisfiable" | "payload_too_large" | "unsupported_media_type" | "too_many_attempts" | "too_many_requests" | "too_many_streams" | "internal" | "slurm_refused" | "slurm_failed" | "slurm_unavailable" | "peer_refused" | "peer_unavailable" | "peer_signature" | "directory_unavailable" | "provider_unavailable" | "shell_unavailable";
                                message: string;
                                details?: Record<string, never>;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/usage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Usage of ended jobs over a window (default: this month): jobs, core-hours, GPU-hours, mean wait, cost, grouped by tenant, account, user, partition, cluster, QoS, day, week or month, with CPU efficiency; format=csv */
        get: {
            parameters: {
                query?: {
                    from?: string;
                    to?: string;
                    groupBy?: string;
                    tenant?: string;
                    account?: string;
                    format?: "json" | "csv";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["UsageReportView"];
                    };
                };
                /** @description An error: its code, a message that says what to do, details */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                /** @enum {string} */
                                code: "invalid_input" | "invalid_json" | "unauthorized" | "forbidden" | "csrf" | "password_change_required" | "sign_in_refused" | "not_found" | "method_not_allowed" | "conflict" | "no_identity" | "output_unreadable" | "home_in_use" | "account_limit" | "storage_quota" | "insufficient_funds" | "no_price" | "file_changed" | "upload_offset" | "range_not_satisfiable" | "payload_too_large" | "unsupported_media_type" | "too_many_attempts" | "too_many_requests" | "too_many_streams" | "internal" | "slurm_refused" | "slurm_failed" | "slurm_unavailable" | "peer_refused" | "peer_unavailable" | "peer_signature" | "directory_unavailable" | "provider_unavailable" | "shell_unavailable";
                                message: string;
                                details?: Record<string, never>;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/statements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A month's statement of a tenant or an account: balances, money in and out, usage by partition, user (and account); JSON, CSV or a printable HTML page (lang=en|zh) */
        get: {
            parameters: {
                query: {
                    tenant?: string;
                    account?: string;
                    month: string;
                    format?: "json" | "csv" | "html";
                    lang?: "en" | "zh";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Statement"];
                    };
                };
                /** @description An error: its code, a message that says what to do, details */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                /** @enum {string} */
                                code: "invalid_input" | "invalid_json" | "unauthorized" | "forbidden" | "csrf" | "password_change_required" | "sign_in_refused" | "not_found" | "method_not_allowed" | "conflict" | "no_identity" | "output_unreadable" | "home_in_use" | "account_limit" | "storage_quota" | "insufficient_funds" | "no_price" | "file_changed" | "upload_offset" | "range_not_satisfiable" | "payload_too_large" | "unsupported_media_type" | "too_many_attempts" | "too_many_requests" | "too_many_streams" | "internal" | "slurm_refused" | "slurm_failed" | "slurm_unavailable" | "peer_refused" | "peer_unavailable" | "peer_signature" | "directory_unavailable" | "provider_unavailable" | "shell_unavailable";
                                message: string;
                                details?: Record<string, never>;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/statements/send": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** E-mail a month's statement (its HTML page and CSV attached): a tenant's to its admins and finance, an account's to its owners and tenant finance */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        tenant?: string;
                        account?: string;
                        month: string;
                        /** @enum {string} */
                        lang?: "en" | "zh";
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            sentTo: string[];
                        };
                    };
                };
                /** @description An error: its code, a message that says what to do, details */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                /** @enum {string} */
                                code: "invalid_input" | "invalid_json" | "unauthorized" | "forbidden" | "csrf" | "password_change_required" | "sign_in_refused" | "not_found" | "method_not_allowed" | "conflict" | "no_identity" | "output_unreadable" | "home_in_use" | "account_limit" | "storage_quota" | "insufficient_funds" | "no_price" | "file_changed" | "upload_offset" | "range_not_satisfiable" | "payload_too_large" | "unsupported_media_type" | "too_many_attempts" | "too_many_requests" | "too_many_streams" | "internal" | "slurm_refused" | "slurm_failed" | "slurm_unavailable" | "peer_refused" | "peer_unavailable" | "peer_signature" | "directory_unavailable" | "provider_unavailable" | "shell_unavailable";
                                message: string;
                                details?: Record<string, never>;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/screen": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The center at a glance (its display wall): cores and GPUs in use per cluster, jobs running and waiting, started today, the last 24 hours' use by hour, the institutions that used most in 30 days, today's waits */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            at: string;
                            clusters: {
                                name: string;
                                cpus: number;
                                cpusUsed: number;
                                gpus: number;
                                gpusUsed: number;
                                running: number;
                                pending: number;
                            }[];
                            startedToday: number;
                            use24h: {
                                hour: string;
                                percent: number;
                            }[];
                            topTenants: {
                                tenant: string;
                                coreHours: number;
                                gpuHours: number;
                            }[];
                            waits: {
                                under: number | null;
                                jobs: number;
                            }[];
                        };
                    };
                };
                /** @description An error: its code, a message that says what to do, details */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                /** @enum {string} */
                                code: "invalid_input" | "invalid_json" | "unauthorized" | "forbidden" | "csrf" | "password_change_required" | "sign_in_refused" | "not_found" | "method_not_allowed" | "conflict" | "no_identity" | "output_unreadable" | "home_in_use" | "account_limit" | "storage_quota" | "insufficient_funds" | "no_price" | "file_changed" | "upload_offset" | "range_not_satisfiable" | "payload_too_large" | "unsupported_media_type" | "too_many_attempts" | "too_many_requests" | "too_many_streams" | "internal" | "slurm_refused" | "slurm_failed" | "slurm_unavailable" | "peer_refused" | "peer_unavailable" | "peer_signature" | "directory_unavailable" | "provider_unavailable" | "shell_unavailable";
                                message: string;
                                details?: Record<string, never>;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/efficiency": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Job efficiency over a window (default: the last 30 days): by account or user, cores held but idle and memory asked but not used, the most wasted first, and the worst jobs; each asker sees what the usage report shows them */
        get: {
            parameters: {
                query?: {
                    from?: string;
                    to?: string;
                    groupBy?: "account" | "user";
                    tenant?: string;
                    account?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            from: string;
                            to: string;
                            /** @enum {string} */
                            groupBy: "account" | "user";
                            lines: {
                                name: string;
                                jobs: number;
                                coreHours: number;
                                wastedCoreHours: number;
                                cpuEfficiency: number | null;
                                memEfficiency: number | null;
                            }[];
                            worst: {
                                jobId: string;
                                name: string;
                                account: string;
                                user: string;
                                coreHours: number;
                                wastedCoreHours: number;
                                cpuEfficiency: number | null;
                                memEfficiency: number | null;
                            }[];
                        };
                    };
                };
                /** @description An error: its code, a message that says what to do, details */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                /** @enum {string} */
                                code: "invalid_input" | "invalid_json" | "unauthorized" | "forbidden" | "csrf" | "password_change_required" | "sign_in_refused" | "not_found" | "method_not_allowed" | "conflict" | "no_identity" | "output_unreadable" | "home_in_use" | "account_limit" | "storage_quota" | "insufficient_funds" | "no_price" | "file_changed" | "upload_offset" | "range_not_satisfiable" | "payload_too_large" | "unsupported_media_type" | "too_many_attempts" | "too_many_requests" | "too_many_streams" | "internal" | "slurm_refused" | "slurm_failed" | "slurm_unavailable" | "peer_refused" | "peer_unavailable" | "peer_signature" | "directory_unavailable" | "provider_unavailable" | "shell_unavailable";
                                message: string;
                                details?: Record<string, never>;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List jobs, newest first; filter by state, user, account, partition, id and time window; page with `before` */
        get: {
            parameters: {
                query?: {
                    state?: string;
                    user?: string;
                    account?: string;
                    cluster?: string;
                    partition?: string;
                    id?: string;
                    from?: string;
                    to?: string;
                    limit?: number;
                    before?: number;
                    order?: "asc" | "desc";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            jobs: components["schemas"]["JobView"][];
                            next: number | null;
                        };
                    };
                };
                /** @description An error: its code, a message that says what to do, details */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                /** @enum {string} */
                                code: "invalid_input" | "invalid_json" | "unauthorized" | "forbidden" | "csrf" | "password_change_required" | "sign_in_refused" | "not_found" | "method_not_allowed" | "conflict" | "no_identity" | "output_unreadable" | "home_in_use" | "account_limit" | "storage_quota" | "insufficient_funds" | "no_price" | "file_changed" | "upload_offset" | "range_not_satisfiable" | "payload_too_large" | "unsupported_media_type" | "too_many_attempts" | "too_many_requests" | "too_many_streams" | "internal" | "slurm_refused" | "slurm_failed" | "slurm_unavailable" | "peer_refused" | "peer_unavailable" | "peer_signature" | "directory_unavailable" | "provider_unavailable" | "shell_unavailable";
                                message: string;
                                details?: Record<string, never>;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Submit a batch script; its #SBATCH lines apply, and options/args override them */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        script: string;
                        options?: {
                            [key: string]: string | number | boolean;
                        };
                        args?: string[];
                        workdir?: string;
                        scriptName?: string;
                        scriptArgs?: string[];
                        environment?: {
                            [key: string]: string;
                        };
                    };
                };
            };
            responses: {
                /** @description OK */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            jobIds: string[];
                        };
                    };
                };
                /** @description An error: its code, a message that says what to do, details */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                /** @enum {string} */
                                code: "invalid_input" | "invalid_json" | "unauthorized" | "forbidden" | "csrf" | "password_change_required" | "sign_in_refused" | "not_found" | "method_not_allowed" | "conflict" | "no_identity" | "output_unreadable" | "home_in_use" | "account_limit" | "storage_quota" | "insufficient_funds" | "no_price" | "file_changed" | "upload_offset" | "range_not_satisfiable" | "payload_too_large" | "unsupported_media_type" | "too_many_attempts" | "too_many_requests" | "too_many_streams" | "internal" | "slurm_refused" | "slurm_failed" | "slurm_unavailable" | "peer_refused" | "peer_unavailable" | "peer_signature" | "directory_unavailable" | "provider_unavailable" | "shell_unavailable";
                                message: string;
                                details?: Record<string, never>;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/jobs/check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** What a submission would be, nothing submitted (sbatch --test-only): every check, the account's limits and money included, and the money its jobs would hold */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        script: string;
                        options?: {
                            [key: string]: string | number | boolean;
                        };
                        args?: string[];
                        workdir?: string;
                        scriptName?: string;
                        scriptArgs?: string[];
                        environment?: {
                            [key: string]: string;
                        };
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SubmitCheck"];
                    };
                };
                /** @description An error: its code, a message that says what to do, details */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                /** @enum {string} */
                                code: "invalid_input" | "invalid_json" | "unauthorized" | "forbidden" | "csrf" | "password_change_required" | "sign_in_refused" | "not_found" | "method_not_allowed" | "conflict" | "no_identity" | "output_unreadable" | "home_in_use" | "account_limit" | "storage_quota" | "insufficient_funds" | "no_price" | "file_changed" | "upload_offset" | "range_not_satisfiable" | "payload_too_large" | "unsupported_media_type" | "too_many_attempts" | "too_many_requests" | "too_many_streams" | "internal" | "slurm_refused" | "slurm_failed" | "slurm_unavailable" | "peer_refused" | "peer_unavailable" | "peer_signature" | "directory_unavailable" | "provider_unavailable" | "shell_unavailable";
                                message: string;
                                details?: Record<string, never>;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/jobs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One job: state, reason, exit code, times, allocation, planned start while pending (id: N or N_TASK) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["JobView"];
                    };
                };
                /** @description An error: its code, a message that says what to do, details */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                /** @enum {string} */
                                code: "invalid_input" | "invalid_json" | "unauthorized" | "forbidden" | "csrf" | "password_change_required" | "sign_in_refused" | "not_found" | "method_not_allowed" | "conflict" | "no_identity" | "output_unreadable" | "home_in_use" | "account_limit" | "storage_quota" | "insufficient_funds" | "no_price" | "file_changed" | "upload_offset" | "range_not_satisfiable" | "payload_too_large" | "unsupported_media_type" | "too_many_attempts" | "too_many_requests" | "too_many_streams" | "internal" | "slurm_refused" | "slurm_failed" | "slurm_unavailable" | "peer_refused" | "peer_unavailable" | "peer_signature" | "directory_unavailable" | "provider_unavailable" | "shell_unavailable";
                                message: string;
                                details?: Record<string, never>;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/jobs/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel a job, or every task of an array */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            cancelled: string[];
                        };
                    };
                };
                /** @description An error: its code, a message that says what to do, details */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                /** @enum {string} */
                                code: "invalid_input" | "invalid_json" | "unauthorized" | "forbidden" | "csrf" | "password_change_required" | "sign_in_refused" | "not_found" | "method_not_allowed" | "conflict" | "no_identity" | "output_unreadable" | "home_in_use" | "account_limit" | "storage_quota" | "insufficient_funds" | "no_price" | "file_changed" | "upload_offset" | "range_not_satisfiable" | "payload_too_large" | "unsupported_media_type" | "too_many_attempts" | "too_many_requests" | "too_many_streams" | "internal" | "slurm_refused" | "slurm_failed" | "slurm_unavailable" | "peer_refused" | "peer_unavailable" | "peer_signature" | "directory_unavailable" | "provider_unavailable" | "shell_unavailable";
                                message: string;
                                details?: Record<string, never>;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/jobs/{id}/hold": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Hold a pending job */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            held: string[];
                        };
                    };
                };
                /** @description An error: its code, a message that says what to do, details */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                /** @enum {string} */
                                code: "invalid_input" | "invalid_json" | "unauthorized" | "forbidden" | "csrf" | "password_change_required" | "sign_in_refused" | "not_found" | "method_not_allowed" | "conflict" | "no_identity" | "output_unreadable" | "home_in_use" | "account_limit" | "storage_quota" | "insufficient_funds" | "no_price" | "file_changed" | "upload_offset" | "range_not_satisfiable" | "payload_too_large" | "unsupported_media_type" | "too_many_attempts" | "too_many_requests" | "too_many_streams" | "internal" | "slurm_refused" | "slurm_failed" | "slurm_unavailable" | "peer_refused" | "peer_unavailable" | "peer_signature" | "directory_unavailable" | "provider_unavailable" | "shell_unavailable";
                                message: string;
                                details?: Record<string, never>;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/jobs/{id}/release": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Release a held job */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            released: string[];
                        };
                    };
                };
                /** @description An error: its code, a message that says what to do, details */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                /** @enum {string} */
                                code: "invalid_input" | "invalid_json" | "unauthorized" | "forbidden" | "csrf" | "password_change_required" | "sign_in_refused" | "not_found" | "method_not_allowed" | "conflict" | "no_identity" | "output_unreadable" | "home_in_use" | "account_limit" | "storage_quota" | "insufficient_funds" | "no_price" | "file_changed" | "upload_offset" | "range_not_satisfiable" | "payload_too_large" | "unsupported_media_type" | "too_many_attempts" | "too_many_requests" | "too_many_streams" | "internal" | "slurm_refused" | "slurm_failed" | "slurm_unavailable" | "peer_refused" | "peer_unavailable" | "peer_signature" | "directory_unavailable" | "provider_unavailable" | "shell_unavailable";
                                message: string;
                                details?: Record<string, never>;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/jobs/{id}/script": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A job's batch script as it was submitted (plain text), as scontrol write batch_script */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/plain": string;
                    };
                };
                /** @description An error: its code, a message that says what to do, details */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                /** @enum {string} */
                                code: "invalid_input" | "invalid_json" | "unauthorized" | "forbidden" | "csrf" | "password_change_required" | "sign_in_refused" | "not_found" | "method_not_allowed" | "conflict" | "no_identity" | "output_unreadable" | "home_in_use" | "account_limit" | "storage_quota" | "insufficient_funds" | "no_price" | "file_changed" | "upload_offset" | "range_not_satisfiable" | "payload_too_large" | "unsupported_media_type" | "too_many_attempts" | "too_many_requests" | "too_many_streams" | "internal" | "slurm_refused" | "slurm_failed" | "slurm_unavailable" | "peer_refused" | "peer_unavailable" | "peer_signature" | "directory_unavailable" | "provider_unavailable" | "shell_unavailable";
                                message: string;
                                details?: Record<string, never>;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/jobs/{id}/output": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a job's stdout or stderr from an offset (plain text; X-Guang-Size and X-Guang-Complete headers) */
        get: {
            parameters: {
                query?: {
                    stream?: "stdout" | "stderr";
                    offset?: number;
                    limit?: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/plain": string;
                    };
                };
                /** @description An error: its code, a message that says what to do, details */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                /** @enum {string} */
                                code: "invalid_input" | "invalid_json" | "unauthorized" | "forbidden" | "csrf" | "password_change_required" | "sign_in_refused" | "not_found" | "method_not_allowed" | "conflict" | "no_identity" | "output_unreadable" | "home_in_use" | "account_limit" | "storage_quota" | "insufficient_funds" | "no_price" | "file_changed" | "upload_offset" | "range_not_satisfiable" | "payload_too_large" | "unsupported_media_type" | "too_many_attempts" | "too_many_requests" | "too_many_streams" | "internal" | "slurm_refused" | "slurm_failed" | "slurm_unavailable" | "peer_refused" | "peer_unavailable" | "peer_signature" | "directory_unavailable" | "provider_unavailable" | "shell_unavailable";
                                message: string;
                                details?: Record<string, never>;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/qos": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Service classes (QoS): priority, limits and price factor, like sacctmgr show qos */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            qos: components["schemas"]["QosView"][];
                        };
                    };
                };
                /** @description An error: its code, a message that says what to do, details */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                /** @enum {string} */
                                code: "invalid_input" | "invalid_json" | "unauthorized" | "forbidden" | "csrf" | "password_change_required" | "sign_in_refused" | "not_found" | "method_not_allowed" | "conflict" | "no_identity" | "output_unreadable" | "home_in_use" | "account_limit" | "storage_quota" | "insufficient_funds" | "no_price" | "file_changed" | "upload_offset" | "range_not_satisfiable" | "payload_too_large" | "unsupported_media_type" | "too_many_attempts" | "too_many_requests" | "too_many_streams" | "internal" | "slurm_refused" | "slurm_failed" | "slurm_unavailable" | "peer_refused" | "peer_unavailable" | "peer_signature" | "directory_unavailable" | "provider_unavailable" | "shell_unavailable";
                                message: string;
                                details?: Record<string, never>;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/qos/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Create a QoS or change it (center admin): fields left out keep their value, null removes a limit */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        description?: string | null;
                        priority?: number;
                        maxJobsPerUser?: number | null;
                        maxCpusPerUser?: number | null;
                        maxGpusPerUser?: number | null;
                        maxCpusPerJob?: number | null;
                        maxGpusPerJob?: number | null;
                        maxWall?: (number | string) | null;
                        priceFactor?: string;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["QosView"];
                    };
                };
                /** @description An error: its code, a message that says what to do, details */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                /** @enum {string} */
                                code: "invalid_input" | "invalid_json" | "unauthorized" | "forbidden" | "csrf" | "password_change_required" | "sign_in_refused" | "not_found" | "method_not_allowed" | "conflict" | "no_identity" | "output_unreadable" | "home_in_use" | "account_limit" | "storage_quota" | "insufficient_funds" | "no_price" | "file_changed" | "upload_offset" | "range_not_satisfiable" | "payload_too_large" | "unsupported_media_type" | "too_many_attempts" | "too_many_requests" | "too_many_streams" | "internal" | "slurm_refused" | "slurm_failed" | "slurm_unavailable" | "peer_refused" | "peer_unavailable" | "peer_signature" | "directory_unavailable" | "provider_unavailable" | "shell_unavailable";
                                message: string;
                                details?: Record<string, never>;
                            };
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/files": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A folder's entries, folders first, sorted (sort: name, size or modified; order: asc or desc), a page at a time (offset, limit); path absolute or relative to your home (default: your home) */
        get: {
            parameters: {
                query?: {
                    path?: string;
                    offset?: number;
                    limit?: number;
                    sort?: "name" | "size" | "modified";
                    order?: "asc" | "desc";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            path: string;
                            total: number;
                            entries: components["schemas"]["FileEntry"][];
                        };
                    };
                };
                /** @description An error: its code, a message that says what to do, details */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                /** @enum {string} */
                                code: "invalid_input" | "invalid_json" | "unauthorized" | "forbidden" | "csrf" | "password_change_required" | "sign_in_refused" | "not_found" | "method_not_allowed" | "conflict" | "no_identity" | "output_unreadable" | "home_in_use" | "account_limit" | "storage_quota" | "insufficient_funds" | "no_price" | "file_changed" | "upload_offset" | "range_not_satisfiable" | "payload_too_large" | "unsupported_media_type" | "too_many_attempts" | "too_many_requests" | "too_many_streams" | "internal" | "slurm_refused" | "slurm_failed" | "slurm_unavailable" | "peer_refused" | "peer_unavailable" | "peer_signature" | "directory_unavailable" | "provider_unavailable" | "shell_unavailable";
                                message: string;
                                details?: Record<string, never>;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a file, or a folder with all it holds: to your trash where the center keeps one (trash: its id), for good with permanent=true */
        delete: {
            parameters: {
                query: {
                    path: string;
                    permanent?: "true" | "false";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            path: string;
                            trash: string | null;
                        };
                    };
                };
                /** @description An error: its code, a message that says what to do, details */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                /** @enum {string} */
                                code: "invalid_input" | "invalid_json" | "unauthorized" | "forbidden" | "csrf" | "password_change_required" | "sign_in_refused" | "not_found" | "method_not_allowed" | "conflict" | "no_identity" | "output_unreadable" | "home_in_use" | "account_limit" | "storage_quota" | "insufficient_funds" | "no_price" | "file_changed" | "upload_offset" | "range_not_satisfiable" | "payload_too_large" | "unsupported_media_type" | "too_many_attempts" | "too_many_requests" | "too_many_streams" | "internal" | "slurm_refused" | "slurm_failed" | "slurm_unavailable" | "peer_refused" | "peer_unavailable" | "peer_signature" | "directory_unavailable" | "provider_unavailable" | "shell_unavailable";
                                message: string;
                                details?: Record<string, never>;
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/files/places": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Where one starts: your home, and the places the center offers (a cluster's shared file systems) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            name: string;
                            path: string;
                            cluster: string | null;
                        }[];
                    };
                };
                /** @description An error: its code, a message that says what to do, details */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                /** @enum {string} */
                                code: "invalid_input" | "invalid_json" | "unauthorized" | "forbidden" | "csrf" | "password_change_required" | "sign_in_refused" | "not_found" | "method_not_allowed" | "conflict" | "no_identity" | "output_unreadable" | "home_in_use" | "account_limit" | "storage_quota" | "insufficient_funds" | "no_price" | "file_changed" | "upload_offset" | "range_not_satisfiable" | "payload_too_large" | "unsupported_media_type" | "too_many_attempts" | "too_many_requests" | "too_many_streams" | "internal" | "slurm_refused" | "slurm_failed" | "slurm_unavailable" | "peer_refused" | "peer_unavailable" | "peer_signature" | "directory_unavailable" | "provider_unavailable" | "shell_unavailable";
                                message: string;
                                details?: Record<string, never>;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/files/stat": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One file or folder: its type, size, mode, time, and its version (etag) */
        get: {
            parameters: {
                query: {
                    path: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            path: string;
                            name: string;
                            /** @enum {string} */
                            type: "file" | "dir" | "link" | "other";
                            size: number;
                            mode: string;
                            modified: string;
                            etag: string;
                        };
                    };
                };
                /** @description An error: its code, a message that says what to do, details */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                /** @enum {string} */
                                code: "invalid_input" | "invalid_json" | "unauthorized" | "forbidden" | "csrf" | "password_change_required" | "sign_in_refused" | "not_found" | "method_not_allowed" | "conflict" | "no_identity" | "output_unreadable" | "home_in_use" | "account_limit" | "storage_quota" | "insufficient_funds" | "no_price" | "file_changed" | "upload_offset" | "range_not_satisfiable" | "payload_too_large" | "unsupported_media_type" | "too_many_attempts" | "too_many_requests" | "too_many_streams" | "internal" | "slurm_refused" | "slurm_failed" | "slurm_unavailable" | "peer_refused" | "peer_unavailable" | "peer_signature" | "directory_unavailable" | "provider_unavailable" | "shell_unavailable";
                                message: string;
                                details?: Record<string, never>;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/files/content": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download a file (its bytes as they are read); Range: bytes=a-b gives a part (206); inline=true shows an image or PDF in the browser */
        get: {
            parameters: {
                query: {
                    path: string;
                    inline?: "true" | "false";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/octet-stream": string;
                    };
                };
                /** @description An error: its code, a message that says what to do, details */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                /** @enum {string} */
                                code: "invalid_input" | "invalid_json" | "unauthorized" | "forbidden" | "csrf" | "password_change_required" | "sign_in_refused" | "not_found" | "method_not_allowed" | "conflict" | "no_identity" | "output_unreadable" | "home_in_use" | "account_limit" | "storage_quota" | "insufficient_funds" | "no_price" | "file_changed" | "upload_offset" | "range_not_satisfiable" | "payload_too_large" | "unsupported_media_type" | "too_many_attempts" | "too_many_requests" | "too_many_streams" | "internal" | "slurm_refused" | "slurm_failed" | "slurm_unavailable" | "peer_refused" | "peer_unavailable" | "peer_signature" | "directory_unavailable" | "provider_unavailable" | "shell_unavailable";
                                message: string;
                                details?: Record<string, never>;
                            };
                        };
                    };
                };
            };
        };
        /** Upload a file: the body (application/octet-stream) streamed to it. offset=N resumes a broken upload where the file ends (GET /files/stat says where); If-Match: ETAG replaces only that version (409 file_changed otherwise) */
        put: {
            parameters: {
                query: {
                    path: string;
                    offset?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            path: string;
                            size: number;
                            etag: string;
                        };
                    };
                };
                /** @description An error: its code, a message that says what to do, details */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                /** @enum {string} */
                                code: "invalid_input" | "invalid_json" | "unauthorized" | "forbidden" | "csrf" | "password_change_required" | "sign_in_refused" | "not_found" | "method_not_allowed" | "conflict" | "no_identity" | "output_unreadable" | "home_in_use" | "account_limit" | "storage_quota" | "insufficient_funds" | "no_price" | "file_changed" | "upload_offset" | "range_not_satisfiable" | "payload_too_large" | "unsupported_media_type" | "too_many_attempts" | "too_many_requests" | "too_many_streams" | "internal" | "slurm_refused" | "slurm_failed" | "slurm_unavailable" | "peer_refused" | "peer_unavailable" | "peer_signature" | "directory_unavailable" | "provider_unavailable" | "shell_unavailable";
                                message: string;
                                details?: Record<string, never>;
                            };
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/files/archive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download a folder with all it holds as one tar stream */
        get: {
            parameters: {
                query: {
                    path: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/x-tar": string;
                    };
                };
                /** @description An error: its code, a message that says what to do, details */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                /** @enum {string} */
                                code: "invalid_input" | "invalid_json" | "unauthorized" | "forbidden" | "csrf" | "password_change_required" | "sign_in_refused" | "not_found" | "method_not_allowed" | "conflict" | "no_identity" | "output_unreadable" | "home_in_use" | "account_limit" | "storage_quota" | "insufficient_funds" | "no_price" | "file_changed" | "upload_offset" | "range_not_satisfiable" | "payload_too_large" | "unsupported_media_type" | "too_many_attempts" | "too_many_requests" | "too_many_streams" | "internal" | "slurm_refused" | "slurm_failed" | "slurm_unavailable" | "peer_refused" | "peer_unavailable" | "peer_signature" | "directory_unavailable" | "provider_unavailable" | "shell_unavailable";
                                message: string;
                                details?: Record<string, never>;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/files/mkdir": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Make a folder */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        path: string;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            path: string;
                        };
                    };
                };
                /** @description An error: its code, a message that says what to do, details */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                /** @enum {string} */
                                code: "invalid_input" | "invalid_json" | "unauthorized" | "forbidden" | "csrf" | "password_change_required" | "sign_in_refused" | "not_found" | "method_not_allowed" | "conflict" | "no_identity" | "output_unreadable" | "home_in_use" | "account_limit" | "storage_quota" | "insufficient_funds" | "no_price" | "file_changed" | "upload_offset" | "range_not_satisfiable" | "payload_too_large" | "unsupported_media_type" | "too_many_attempts" | "too_many_requests" | "too_many_streams" | "internal" | "slurm_refused" | "slurm_failed" | "slurm_unavailable" | "peer_refused" | "peer_unavailable" | "peer_signature" | "directory_unavailable" | "provider_unavailable" | "shell_unavailable";
                                message: string;
                                details?: Record<string, never>;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/files/move": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rename or move a file or folder (never over an existing folder's content) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        from: string;
                        to: string;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            path: string;
                            to: string;
                        };
                    };
                };
                /** @description An error: its code, a message that says what to do, details */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                /** @enum {string} */
                                code: "invalid_input" | "invalid_json" | "unauthorized" | "forbidden" | "csrf" | "password_change_required" | "sign_in_refused" | "not_found" | "method_not_allowed" | "conflict" | "no_identity" | "output_unreadable" | "home_in_use" | "account_limit" | "storage_quota" | "insufficient_funds" | "no_price" | "file_changed" | "upload_offset" | "range_not_satisfiable" | "payload_too_large" | "unsupported_media_type" | "too_many_attempts" | "too_many_requests" | "too_many_streams" | "internal" | "slurm_refused" | "slurm_failed" | "slurm_unavailable" | "peer_refused" | "peer_unavailable" | "peer_signature" | "directory_unavailable" | "provider_unavailable" | "shell_unavailable";
                                message: string;
                                details?: Record<string, never>;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/files/copy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Copy a file or a folder with all it holds, as cp -a (links stay links; nothing is overwritten) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        from: string;
                        to: string;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            path: string;
                            to: string;
                        };
                    };
                };
                /** @description An error: its code, a message that says what to do, details */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                /** @enum {string} */
                                code: "invalid_input" | "invalid_json" | "unauthorized" | "forbidden" | "csrf" | "password_change_required" | "sign_in_refused" | "not_found" | "method_not_allowed" | "conflict" | "no_identity" | "output_unreadable" | "home_in_use" | "account_limit" | "storage_quota" | "insufficient_funds" | "no_price" | "file_changed" | "upload_offset" | "range_not_satisfiable" | "payload_too_large" | "unsupported_media_type" | "too_many_attempts" | "too_many_requests" | "too_many_streams" | "internal" | "slurm_refused" | "slurm_failed" | "slurm_unavailable" | "peer_refused" | "peer_unavailable" | "peer_signature" | "directory_unavailable" | "provider_unavailable" | "shell_unavailable";
                                message: string;
                                details?: Record<string, never>;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/files/chmod": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change a file's or folder's mode (octal, as chmod: 0644, 755) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        path: string;
                        mode: string;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            path: string;
                            mode: string;
                        };
                    };
                };
                /** @description An error: its code, a message that says what to do, details */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                /** @enum {string} */
                                code: "invalid_input" | "invalid_json" | "unauthorized" | "forbidden" | "csrf" | "password_change_required" | "sign_in_refused" | "not_found" | "method_not_allowed" | "conflict" | "no_identity" | "output_unreadable" | "home_in_use" | "account_limit" | "storage_quota" | "insufficient_funds" | "no_price" | "file_changed" | "upload_offset" | "range_not_satisfiable" | "payload_too_large" | "unsupported_media_type" | "too_many_attempts" | "too_many_requests" | "too_many_streams" | "internal" | "slurm_refused" | "slurm_failed" | "slurm_unavailable" | "peer_refused" | "peer_unavailable" | "peer_signature" | "directory_unavailable" | "provider_unavailable" | "shell_unavailable";
                                message: string;
                                details?: Record<string, never>;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/files/trash": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What is in your trash: where each was, when deleted, until when it is kept */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TrashEntry"][];
                    };
                };
                /** @description An error: its code, a message that says what to do, details */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                /** @enum {string} */
                                code: "invalid_input" | "invalid_json" | "unauthorized" | "forbidden" | "csrf" | "password_change_required" | "sign_in_refused" | "not_found" | "method_not_allowed" | "conflict" | "no_identity" | "output_unreadable" | "home_in_use" | "account_limit" | "storage_quota" | "insufficient_funds" | "no_price" | "file_changed" | "upload_offset" | "range_not_satisfiable" | "payload_too_large" | "unsupported_media_type" | "too_many_attempts" | "too_many_requests" | "too_many_streams" | "internal" | "slurm_refused" | "slurm_failed" | "slurm_unavailable" | "peer_refused" | "peer_unavailable" | "peer_signature" | "directory_unavailable" | "provider_unavailable" | "shell_unavailable";
                                message: string;
                                details?: Record<string, never>;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Empty your trash (for good) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            emptied: boolean;
                        };
                    };
                };
                /** @description An error: its code, a message that says what to do, details */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                /** @enum {string} */
                                code: "invalid_input" | "invalid_json" | "unauthorized" | "forbidden" | "csrf" | "password_change_required" | "sign_in_refused" | "not_found" | "method_not_allowed" | "conflict" | "no_identity" | "output_unreadable" | "home_in_use" | "account_limit" | "storage_quota" | "insufficient_funds" | "no_price" | "file_changed" | "upload_offset" | "range_not_satisfiable" | "payload_too_large" | "unsupported_media_type" | "too_many_attempts" | "too_many_requests" | "too_many_streams" | "internal" | "slurm_refused" | "slurm_failed" | "slurm_unavailable" | "peer_refused" | "peer_unavailable" | "peer_signature" | "directory_unavailable" | "provider_unavailable" | "shell_unavailable";
                                message: string;
                                details?: Record<string, never>;
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/files/trash/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Put a deleted file or folder back where it was */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        id: string;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            path: string;
                        };
                    };
                };
                /** @description An error: its code, a message that says what to do, details */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                /** @enum {string} */
                                code: "invalid_input" | "invalid_json" | "unauthorized" | "forbidden" | "csrf" | "password_change_required" | "sign_in_refused" | "not_found" | "method_not_allowed" | "conflict" | "no_identity" | "output_unreadable" | "home_in_use" | "account_limit" | "storage_quota" | "insufficient_funds" | "no_price" | "file_changed" | "upload_offset" | "range_not_satisfiable" | "payload_too_large" | "unsupported_media_type" | "too_many_attempts" | "too_many_requests" | "too_many_streams" | "internal" | "slurm_refused" | "slurm_failed" | "slurm_unavailable" | "peer_refused" | "peer_unavailable" | "peer_signature" | "directory_unavailable" | "provider_unavailable" | "shell_unavailable";
                                message: string;
                                details?: Record<string, never>;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/storage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your home's and your accounts' project folders' storage as last counted, with their quotas and whether they are over one; all=true: every one in an admin's reach */
        get: {
            parameters: {
                query?: {
                    all?: "true" | "false";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["StorageItem"][];
                    };
                };
                /** @description An error: its code, a message that says what to do, details */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                /** @enum {string} */
                                code: "invalid_input" | "invalid_json" | "unauthorized" | "forbidden" | "csrf" | "password_change_required" | "sign_in_refused" | "not_found" | "method_not_allowed" | "conflict" | "no_identity" | "output_unreadable" | "home_in_use" | "account_limit" | "storage_quota" | "insufficient_funds" | "no_price" | "file_changed" | "upload_offset" | "range_not_satisfiable" | "payload_too_large" | "unsupported_media_type" | "too_many_attempts" | "too_many_requests" | "too_many_streams" | "internal" | "slurm_refused" | "slurm_failed" | "slurm_unavailable" | "peer_refused" | "peer_unavailable" | "peer_signature" | "directory_unavailable" | "provider_unavailable" | "shell_unavailable";
                                message: string;
                                details?: Record<string, never>;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/storage/scan": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Count now (as each folder's owner) and answer the new counts: your home and your accounts' folders, or with all every one in reach */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        all?: boolean;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["StorageItem"][];
                    };
                };
                /** @description An error: its code, a message that says what to do, details */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                /** @enum {string} */
                                code: "invalid_input" | "invalid_json" | "unauthorized" | "forbidden" | "csrf" | "password_change_required" | "sign_in_refused" | "not_found" | "method_not_allowed" | "conflict" | "no_identity" | "output_unreadable" | "home_in_use" | "account_limit" | "storage_quota" | "insufficient_funds" | "no_price" | "file_changed" | "upload_offset" | "range_not_satisfiable" | "payload_too_large" | "unsupported_media_type" | "too_many_attempts" | "too_many_requests" | "too_many_streams" | "internal" | "slurm_refused" | "slurm_failed" | "slurm_unavailable" | "peer_refused" | "peer_unavailable" | "peer_signature" | "directory_unavailable" | "provider_unavailable" | "shell_unavailable";
                                message: string;
                                details?: Record<string, never>;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/storage/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A home's (user, default yours) or an account's project folder's counts over the last days (default 30), oldest first */
        get: {
            parameters: {
                query?: {
                    user?: string;
                    account?: string;
                    days?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            bytes: number;
                            files: number;
                            takenAt: string;
                        }[];
                    };
                };
                /** @description An error: its code, a message that says what to do, details */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                /** @enum {string} */
                                code: "invalid_input" | "invalid_json" | "unauthorized" | "forbidden" | "csrf" | "password_change_required" | "sign_in_refused" | "not_found" | "method_not_allowed" | "conflict" | "no_identity" | "output_unreadable" | "home_in_use" | "account_limit" | "storage_quota" | "insufficient_funds" | "no_price" | "file_changed" | "upload_offset" | "range_not_satisfiable" | "payload_too_large" | "unsupported_media_type" | "too_many_attempts" | "too_many_requests" | "too_many_streams" | "internal" | "slurm_refused" | "slurm_failed" | "slurm_unavailable" | "peer_refused" | "peer_unavailable" | "peer_signature" | "directory_unavailable" | "provider_unavailable" | "shell_unavailable";
                                message: string;
                                details?: Record<string, never>;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/storage/quotas": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set a user's (home) or an account's (project folder) storage quota in bytes and files, soft (warns, mails once) and hard (new jobs refused); null lifts one */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        softBytes: number | null;
                        hardBytes: number | null;
                        softFiles: number | null;
                        hardFiles: number | null;
                        user?: string;
                        account?: string;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["StorageItem"] | null;
                    };
                };
                /** @description An error: its code, a message that says what to do, details */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                /** @enum {string} */
                                code: "invalid_input" | "invalid_json" | "unauthorized" | "forbidden" | "csrf" | "password_change_required" | "sign_in_refused" | "not_found" | "method_not_allowed" | "conflict" | "no_identity" | "output_unreadable" | "home_in_use" | "account_limit" | "storage_quota" | "insufficient_funds" | "no_price" | "file_changed" | "upload_offset" | "range_not_satisfiable" | "payload_too_large" | "unsupported_media_type" | "too_many_attempts" | "too_many_requests" | "too_many_streams" | "internal" | "slurm_refused" | "slurm_failed" | "slurm_unavailable" | "peer_refused" | "peer_unavailable" | "peer_signature" | "directory_unavailable" | "provider_unavailable" | "shell_unavailable";
                                message: string;
                                details?: Record<string, never>;
                            };
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/storage/prices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Storage prices per GB-month, in force and past (general, and per tenant) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            gbMonth: string;
                            tenant: string | null;
                            effectiveFrom: string;
                            currency: string;
                        }[];
                    };
                };
                /** @description An error: its code, a message that says what to do, details */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                /** @enum {string} */
                                code: "invalid_input" | "invalid_json" | "unauthorized" | "forbidden" | "csrf" | "password_change_required" | "sign_in_refused" | "not_found" | "method_not_allowed" | "conflict" | "no_identity" | "output_unreadable" | "home_in_use" | "account_limit" | "storage_quota" | "insufficient_funds" | "no_price" | "file_changed" | "upload_offset" | "range_not_satisfiable" | "payload_too_large" | "unsupported_media_type" | "too_many_attempts" | "too_many_requests" | "too_many_streams" | "internal" | "slurm_refused" | "slurm_failed" | "slurm_unavailable" | "peer_refused" | "peer_unavailable" | "peer_signature" | "directory_unavailable" | "provider_unavailable" | "shell_unavailable";
                                message: string;
                                details?: Record<string, never>;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Set the storage price per GB-month (10^9 bytes) from a time on (default now), for every tenant or one; a new version, the old ones stay */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        gbMonth: string;
                        tenant?: string;
                        from?: string;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            gbMonth: string;
                            tenant: string | null;
                            effectiveFrom: string;
                        };
                    };
                };
                /** @description An error: its code, a message that says what to do, details */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                /** @enum {string} */
                                code: "invalid_input" | "invalid_json" | "unauthorized" | "forbidden" | "csrf" | "password_change_required" | "sign_in_refused" | "not_found" | "method_not_allowed" | "conflict" | "no_identity" | "output_unreadable" | "home_in_use" | "account_limit" | "storage_quota" | "insufficient_funds" | "no_price" | "file_changed" | "upload_offset" | "range_not_satisfiable" | "payload_too_large" | "unsupported_media_type" | "too_many_attempts" | "too_many_requests" | "too_many_streams" | "internal" | "slurm_refused" | "slurm_failed" | "slurm_unavailable" | "peer_refused" | "peer_unavailable" | "peer_signature" | "directory_unavailable" | "provider_unavailable" | "shell_unavailable";
                                message: string;
                                details?: Record<string, never>;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/storage/charges": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Charge one ended day's storage (YYYY-MM-DD, UTC) to every account now; the nightly round does it, and a day is charged once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        day: string;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            account: string;
                            bytes: number;
                            amount: string;
                        }[];
                    };
                };
                /** @description An error: its code, a message that says what to do, details */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                /** @enum {string} */
                                code: "invalid_input" | "invalid_json" | "unauthorized" | "forbidden" | "csrf" | "password_change_required" | "sign_in_refused" | "not_found" | "method_not_allowed" | "conflict" | "no_identity" | "output_unreadable" | "home_in_use" | "account_limit" | "storage_quota" | "insufficient_funds" | "no_price" | "file_changed" | "upload_offset" | "range_not_satisfiable" | "payload_too_large" | "unsupported_media_type" | "too_many_attempts" | "too_many_requests" | "too_many_streams" | "internal" | "slurm_refused" | "slurm_failed" | "slurm_unavailable" | "peer_refused" | "peer_unavailable" | "peer_signature" | "directory_unavailable" | "provider_unavailable" | "shell_unavailable";
                                message: string;
                                details?: Record<string, never>;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/shell/logins": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Where a web shell may open besides this machine: the center's configured logins (a cluster's login node); open one with /api/v1/shell?where=NAME */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            name: string;
                            cluster: string | null;
                        }[];
                    };
                };
                /** @description An error: its code, a message that says what to do, details */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                /** @enum {string} */
                                code: "invalid_input" | "invalid_json" | "unauthorized" | "forbidden" | "csrf" | "password_change_required" | "sign_in_refused" | "not_found" | "method_not_allowed" | "conflict" | "no_identity" | "output_unreadable" | "home_in_use" | "account_limit" | "storage_quota" | "insufficient_funds" | "no_price" | "file_changed" | "upload_offset" | "range_not_satisfiable" | "payload_too_large" | "unsupported_media_type" | "too_many_attempts" | "too_many_requests" | "too_many_streams" | "internal" | "slurm_refused" | "slurm_failed" | "slurm_unavailable" | "peer_refused" | "peer_unavailable" | "peer_signature" | "directory_unavailable" | "provider_unavailable" | "shell_unavailable";
                                message: string;
                                details?: Record<string, never>;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/clusters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Clusters with their partitions, nodes and current use */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            clusters: components["schemas"]["ClusterView"][];
                        };
                    };
                };
                /** @description An error: its code, a message that says what to do, details */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                /** @enum {string} */
                                code: "invalid_input" | "invalid_json" | "unauthorized" | "forbidden" | "csrf" | "password_change_required" | "sign_in_refused" | "not_found" | "method_not_allowed" | "conflict" | "no_identity" | "output_unreadable" | "home_in_use" | "account_limit" | "storage_quota" | "insufficient_funds" | "no_price" | "file_changed" | "upload_offset" | "range_not_satisfiable" | "payload_too_large" | "unsupported_media_type" | "too_many_attempts" | "too_many_requests" | "too_many_streams" | "internal" | "slurm_refused" | "slurm_failed" | "slurm_unavailable" | "peer_refused" | "peer_unavailable" | "peer_signature" | "directory_unavailable" | "provider_unavailable" | "shell_unavailable";
                                message: string;
                                details?: Record<string, never>;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/clusters/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Disable a cluster (it takes no new jobs; its jobs run on) or enable it again (center admins) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        enabled: boolean;
                        reason?: string;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            name: string;
                            enabled: boolean;
                        };
                    };
                };
                /** @description An error: its code, a message that says what to do, details */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                /** @enum {string} */
                                code: "invalid_input" | "invalid_json" | "unauthorized" | "forbidden" | "csrf" | "password_change_required" | "sign_in_refused" | "not_found" | "method_not_allowed" | "conflict" | "no_identity" | "output_unreadable" | "home_in_use" | "account_limit" | "storage_quota" | "insufficient_funds" | "no_price" | "file_changed" | "upload_offset" | "range_not_satisfiable" | "payload_too_large" | "unsupported_media_type" | "too_many_attempts" | "too_many_requests" | "too_many_streams" | "internal" | "slurm_refused" | "slurm_failed" | "slurm_unavailable" | "peer_refused" | "peer_unavailable" | "peer_signature" | "directory_unavailable" | "provider_unavailable" | "shell_unavailable";
                                message: string;
                                details?: Record<string, never>;
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/clusters/{name}/clock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move a virtual cluster's manual clock forward (replays and tests: what ends before the instant ends, each at its own time) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: date-time */
                        to: string;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            name: string;
                            now: string;
                        };
                    };
                };
                /** @description An error: its code, a message that says what to do, details */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                /** @enum {string} */
                                code: "invalid_input" | "invalid_json" | "unauthorized" | "forbidden" | "csrf" | "password_change_required" | "sign_in_refused" | "not_found" | "method_not_allowed" | "conflict" | "no_identity" | "output_unreadable" | "home_in_use" | "account_limit" | "storage_quota" | "insufficient_funds" | "no_price" | "file_changed" | "upload_offset" | "range_not_satisfiable" | "payload_too_large" | "unsupported_media_type" | "too_many_attempts" | "too_many_requests" | "too_many_streams" | "internal" | "slurm_refused" | "slurm_failed" | "slurm_unavailable" | "peer_refused" | "peer_unavailable" | "peer_signature" | "directory_unavailable" | "provider_unavailable" | "shell_unavailable";
                                message: string;
                                details?: Record<string, never>;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Server-Sent Events: job state changes as they happen (your jobs; all jobs for a center admin) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/event-stream": string;
                    };
                };
                /** @description An error: its code, a message that says what to do, details */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                /** @enum {string} */
                                code: "invalid_input" | "invalid_json" | "unauthorized" | "forbidden" | "csrf" | "password_change_required" | "sign_in_refused" | "not_found" | "method_not_allowed" | "conflict" | "no_identity" | "output_unreadable" | "home_in_use" | "account_limit" | "storage_quota" | "insufficient_funds" | "no_price" | "file_changed" | "upload_offset" | "range_not_satisfiable" | "payload_too_large" | "unsupported_media_type" | "too_many_attempts" | "too_many_requests" | "too_many_streams" | "internal" | "slurm_refused" | "slurm_failed" | "slurm_unavailable" | "peer_refused" | "peer_unavailable" | "peer_signature" | "directory_unavailable" | "provider_unavailable" | "shell_unavailable";
                                message: string;
                                details?: Record<string, never>;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/network": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This center's name and public key in the network of centers, and its peers with their clusters' reachability (center staff) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["NetworkView"];
                    };
                };
                /** @description An error: its code, a message that says what to do, details */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                /** @enum {string} */
                                code: "invalid_input" | "invalid_json" | "unauthorized" | "forbidden" | "csrf" | "password_change_required" | "sign_in_refused" | "not_found" | "method_not_allowed" | "conflict" | "no_identity" | "output_unreadable" | "home_in_use" | "account_limit" | "storage_quota" | "insufficient_funds" | "no_price" | "file_changed" | "upload_offset" | "range_not_satisfiable" | "payload_too_large" | "unsupported_media_type" | "too_many_attempts" | "too_many_requests" | "too_many_streams" | "internal" | "slurm_refused" | "slurm_failed" | "slurm_unavailable" | "peer_refused" | "peer_unavailable" | "peer_signature" | "directory_unavailable" | "provider_unavailable" | "shell_unavailable";
                                message: string;
                                details?: Record<string, never>;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/network/statements/{peer}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A month's settlement statement with a peer center: each job it ran for us and we for it, with amounts and totals (center staff, or that peer) */
        get: {
            parameters: {
                query: {
                    month: string;
                };
                header?: never;
                path: {
                    peer: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SettlementStatement"];
                    };
                };
                /** @description An error: its code, a message that says what to do, details */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                /** @enum {string} */
                                code: "invalid_input" | "invalid_json" | "unauthorized" | "forbidden" | "csrf" | "password_change_required" | "sign_in_refused" | "not_found" | "method_not_allowed" | "conflict" | "no_identity" | "output_unreadable" | "home_in_use" | "account_limit" | "storage_quota" | "insufficient_funds" | "no_price" | "file_changed" | "upload_offset" | "range_not_satisfiable" | "payload_too_large" | "unsupported_media_type" | "too_many_attempts" | "too_many_requests" | "too_many_streams" | "internal" | "slurm_refused" | "slurm_failed" | "slurm_unavailable" | "peer_refused" | "peer_unavailable" | "peer_signature" | "directory_unavailable" | "provider_unavailable" | "shell_unavailable";
                                message: string;
                                details?: Record<string, never>;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/network/statements/{peer}/check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Ours beside the peer's own statement for the month (asked of it): agree, or each line and total that differs (center staff) */
        get: {
            parameters: {
                query: {
                    month: string;
                };
                header?: never;
                path: {
                    peer: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            agree: boolean;
                            differences: string[];
                            ours: components["schemas"]["SettlementStatement"];
                            theirs: components["schemas"]["SettlementStatement"];
                        };
                    };
                };
                /** @description An error: its code, a message that says what to do, details */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                /** @enum {string} */
                                code: "invalid_input" | "invalid_json" | "unauthorized" | "forbidden" | "csrf" | "password_change_required" | "sign_in_refused" | "not_found" | "method_not_allowed" | "conflict" | "no_identity" | "output_unreadable" | "home_in_use" | "account_limit" | "storage_quota" | "insufficient_funds" | "no_price" | "file_changed" | "upload_offset" | "range_not_satisfiable" | "payload_too_large" | "unsupported_media_type" | "too_many_attempts" | "too_many_requests" | "too_many_streams" | "internal" | "slurm_refused" | "slurm_failed" | "slurm_unavailable" | "peer_refused" | "peer_unavailable" | "peer_signature" | "directory_unavailable" | "provider_unavailable" | "shell_unavailable";
                                message: string;
                                details?: Record<string, never>;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        PosixIdentity: {
            name: string;
            uid: number | null;
            gid: number | null;
            home: string | null;
        };
        ProfileView: {
            user: string;
            email: string | null;
            jobMail: ("BEGIN" | "END" | "FAIL")[];
            source: string;
        };
        TenantView: {
            name: string;
            users: number;
            accounts: number;
            createdAt: string;
            disabled: {
                by: string | null;
                at: string;
                reason: string;
            } | null;
        };
        UserView: {
            username: string;
            tenant: string;
            roles: string[];
            email: string | null;
            source: string;
            posix: {
                name: string;
                uid: number | null;
                gid: number | null;
                home: string | null;
            } | null;
            disabled: boolean;
            lockedUntil: string | null;
            createdAt: string;
            accounts?: {
                name: string;
                role: string;
            }[];
        };
        AccountView: {
            name: string;
            tenant: string;
            /** @enum {string} */
            state: "active" | "blocked";
            blocks: {
                kind: string;
                by: string | null;
                reason: string;
                at: string;
            }[];
            limits: components["schemas"]["AccountLimits"];
            allowed: components["schemas"]["AccountAllowed"];
            members: number;
            role: string | null;
            createdAt: string;
        };
        AccountLimits: {
            maxRunningJobs?: number;
            maxSubmitJobs?: number;
            maxCpus?: number;
            maxGpus?: number;
            maxTimeLimit?: number;
        };
        AccountAllowed: {
            clusters?: string[];
            partitions?: string[];
            qos?: string[];
        };
        MemberView: {
            user: string;
            /** @enum {string} */
            role: "owner" | "member" | "admin";
            limits: components["schemas"]["AccountLimits"];
        };
        FairShareView: {
            account: string;
            users: {
                user: string;
                usageCoreHours: number;
                factor: number;
            }[];
        };
        ApplicationView: {
            id: number;
            number: string;
            /** @enum {string} */
            kind: "account" | "extend" | "limits";
            account: string;
            title: string;
            tenant: string;
            applicant: string;
            /** @enum {string} */
            state: "pending" | "changes" | "approved" | "rejected";
            note: string | null;
            decidedBy: string | null;
            decidedAt: string | null;
            createdAt: string;
            updatedAt: string;
            request: {
                [key: string]: unknown;
            };
        };
        AuditView: {
            id: number;
            at: string;
            tenant: string | null;
            actor: string;
            ip: string;
            action: string;
            target: string;
            result: string;
            details: {
                [key: string]: unknown;
            };
        };
        PriceView: {
            id: number;
            cluster: string;
            partition: string;
            qos: string;
            tenant: string | null;
            effectiveFrom: string;
            cpuHour: string;
            memGiBHour: string;
            gpuHour: {
                [key: string]: string;
            };
            /** @enum {string} */
            mode: "sum" | "max";
            minCharge: string;
            currency: string;
        };
        WalletView: {
            kind: string;
            tenant: string | null;
            account: string | null;
            balance: string;
            currency: string;
        };
        TransactionView: {
            id: number;
            at: string;
            kind: string;
            actor: string | null;
            reason: string | null;
            jobId: number | null;
            postings: {
                wallet: string;
                amount: string;
            }[];
        };
        GrantView: {
            id: number;
            account: string;
            /** @enum {string} */
            resource: "cpu" | "gpu";
            hours: number;
            leftHours: number;
            heldHours: number;
            startsAt: string;
            endsAt: string;
            expired: boolean;
            reason: string | null;
        };
        Spendable: {
            account: string;
            available: string;
            currency: string;
            grantsLeft: {
                coreHours: number;
                gpuHours: number;
            };
            grantsGiven: {
                coreHours: number;
                gpuHours: number;
            };
            low: boolean;
            blockedForMoney: string | null;
        };
        AccountBilling: {
            account: string;
            available: string;
            threshold: string;
            lowBalance: string;
            creditLimit: string;
            whitelisted: boolean;
            blockedForMoney: string | null;
            currency: string;
        };
        UsageReportView: {
            from: string;
            to: string;
            groupBy: ("tenant" | "account" | "user" | "partition" | "cluster" | "qos" | "day" | "week" | "month")[];
            currency: string;
            lines: components["schemas"]["UsageLine"][];
        };
        UsageLine: {
            jobs: number;
            coreHours: number;
            gpuHours: number;
            avgWaitHours: number | null;
            cost: string;
            cpuEfficiency: number | null;
        } & {
            [key: string]: unknown;
        };
        Statement: {
            of: string;
            name: string;
            tenant: string;
            month: string;
            from: string;
            to: string;
            currency: string;
            opening: string;
            closing: string;
            movements: {
                kind: string;
                amount: string;
                count: number;
            }[];
            usageByPartition: components["schemas"]["UsageLine"][];
            usageByUser: components["schemas"]["UsageLine"][];
            usageByAccount: components["schemas"]["UsageLine"][];
            grants: {
                account: string;
                resource: string;
                hours: number;
                leftHours: number;
                startsAt: string;
                endsAt: string;
                expired: boolean;
            }[];
        };
        SubmitCheck: {
            cluster: string;
            partition: string;
            account: string;
            qos: string;
            jobs: number;
            cpus: number;
            gpus: number;
            timeLimit: number | null;
            workdir: string;
            hold: string;
            currency: string;
            placement: components["schemas"]["Placement"] | null;
        };
        Placement: {
            asked: string[] | "any";
            chosen: string;
            why: string;
            considered: {
                cluster: string;
                partition: string | null;
                startsAt: string | null;
                perHour: string | null;
                refused: string | null;
            }[];
            moved?: {
                from: string;
                to: string;
                at: string;
                why: string;
            }[];
        };
        JobView: {
            id: number;
            jobId: string;
            arrayJobId: number | null;
            arrayTaskId: number | null;
            name: string;
            user: string;
            account: string;
            cluster: string;
            clusterJobId: string | null;
            origin: string;
            partition: string;
            qos: string;
            state: string;
            reason: string | null;
            held: string | null;
            exitCode: number | null;
            signal: number | null;
            submitTime: string;
            beginTime: string | null;
            startTime: string | null;
            endTime: string | null;
            plannedStart: string | null;
            timeLimit: number | null;
            elapsed: number | null;
            cpuSeconds: number | null;
            maxRssMiB: number | null;
            request: components["schemas"]["ResourceRequest"];
            alloc: components["schemas"]["JobAlloc"] | null;
            workdir: string;
            stdout: string;
            stderr: string;
            dependency?: components["schemas"]["DependencySpec"] | null;
            mailType: string[];
            mailUser: string | null;
            hold: string;
            cost: string | null;
            placement: components["schemas"]["Placement"] | null;
        };
        ResourceRequest: {
            nodes?: number;
            tasks?: number;
            cpusPerTask?: number;
            memPerNode?: number;
            memPerCpu?: number;
            gpusPerNode?: number;
            gpus?: number;
            gpuType?: string | null;
            exclusive?: boolean;
        };
        JobAlloc: {
            node: string;
            cpus: number;
            memMiB: number;
            gpus: number;
            gpuType: string | null;
            cores: number[];
            gpuIndices: number[];
        };
        DependencySpec: {
            clauses: components["schemas"]["DependencyClause"][];
            any: boolean;
            singleton: boolean;
        };
        DependencyClause: {
            /** @enum {string} */
            type: "after" | "afterok" | "afternotok" | "afterany";
            targets: components["schemas"]["DependencyTarget"][];
        };
        DependencyTarget: {
            jobId: number;
            taskId: number | null;
        };
        QosView: {
            name: string;
            description: string | null;
            priority: number;
            maxJobsPerUser: number | null;
            maxCpusPerUser: number | null;
            maxGpusPerUser: number | null;
            maxCpusPerJob: number | null;
            maxGpusPerJob: number | null;
            maxWall: number | null;
            priceFactor: string;
        };
        FileEntry: {
            name: string;
            /** @enum {string} */
            type: "file" | "dir" | "link" | "other";
            size: number;
            mode: string;
            modified: string;
        };
        TrashEntry: {
            id: string;
            path: string;
            deleted: string;
            until: string;
            type: string;
            size: number;
        };
        StorageItem: {
            /** @enum {string} */
            kind: "user" | "account";
            name: string;
            path: string;
            bytes: number | null;
            files: number | null;
            unreadable: number;
            takenAt: string | null;
            quota: {
                softBytes: number | null;
                hardBytes: number | null;
                softFiles: number | null;
                hardFiles: number | null;
            } | null;
            over: ("soft" | "hard") | null;
        };
        ClusterView: {
            name: string;
            /** @enum {string} */
            backend: "local" | "slurm" | "virtual" | "peer";
            enabled: boolean;
            disabledReason: string | null;
            disabledAt: string | null;
            status: components["schemas"]["ClusterStatus"];
            jobs: {
                pending: number;
                running: number;
            };
            partitions: {
                name: string;
                default: boolean;
                maxTime: number | null;
                defaultTime: number | null;
                priority: number;
                nodes: string[];
                totalCpus: number;
            }[];
            nodes: components["schemas"]["NodeUse"][];
        };
        ClusterStatus: {
            reachable: boolean;
            version: string | null;
            error: string | null;
            sync: {
                at: string;
                applied: string[];
                drift: string[];
            } | null;
            passes?: {
                count: number;
                p50Ms: number;
                p99Ms: number;
            } | null;
        };
        NodeUse: {
            name: string;
            cpus: number;
            memMiB: number;
            gpus: number;
            gpuType: string | null;
            allocCpus: number;
            allocMemMiB: number;
            allocGpus: number;
            runningJobs: number;
            /** @enum {string} */
            state: "idle" | "mixed" | "allocated" | "down";
            reason: {
                text: string;
                user: string | null;
                at: string | null;
            } | null;
        };
        NetworkView: {
            name: string | null;
            publicKey: string | null;
            peers: {
                name: string;
                url: string;
                user: string | null;
                clusters: {
                    name: string;
                    reachable: boolean;
                    error: string | null;
                }[];
            }[];
        };
        SettlementStatement: {
            center: string;
            peer: string;
            month: string;
            currency: string;
            theyRan: {
                lines: {
                    ranAs: string;
                    cluster: string;
                    endTime: string;
                    amount: string;
                    job: number | null;
                }[];
                total: string;
            };
            weRan: {
                lines: {
                    ranAs: string;
                    cluster: string;
                    endTime: string;
                    amount: string;
                    job: number | null;
                }[];
                total: string;
            };
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type PosixIdentity = components['schemas']['PosixIdentity'];
export type ProfileView = components['schemas']['ProfileView'];
export type TenantView = components['schemas']['TenantView'];
export type UserView = components['schemas']['UserView'];
export type AccountView = components['schemas']['AccountView'];
export type AccountLimits = components['schemas']['AccountLimits'];
export type AccountAllowed = components['schemas']['AccountAllowed'];
export type MemberView = components['schemas']['MemberView'];
export type FairShareView = components['schemas']['FairShareView'];
export type ApplicationView = components['schemas']['ApplicationView'];
export type AuditView = components['schemas']['AuditView'];
export type PriceView = components['schemas']['PriceView'];
export type WalletView = components['schemas']['WalletView'];
export type TransactionView = components['schemas']['TransactionView'];
export type GrantView = components['schemas']['GrantView'];
export type Spendable = components['schemas']['Spendable'];
export type AccountBilling = components['schemas']['AccountBilling'];
export type UsageReportView = components['schemas']['UsageReportView'];
export type UsageLine = components['schemas']['UsageLine'];
export type Statement = components['schemas']['Statement'];
export type SubmitCheck = components['schemas']['SubmitCheck'];
export type Placement = components['schemas']['Placement'];
export type JobView = components['schemas']['JobView'];
export type ResourceRequest = components['schemas']['ResourceRequest'];
export type JobAlloc = components['schemas']['JobAlloc'];
export type DependencySpec = components['schemas']['DependencySpec'];
export type DependencyClause = components['schemas']['DependencyClause'];
export type DependencyTarget = components['schemas']['DependencyTarget'];
export type QosView = components['schemas']['QosView'];
export type FileEntry = components['schemas']['FileEntry'];
export type TrashEntry = components['schemas']['TrashEntry'];
export type StorageItem = components['schemas']['StorageItem'];
export type ClusterView = components['schemas']['ClusterView'];
export type ClusterStatus = components['schemas']['ClusterStatus'];
export type NodeUse = components['schemas']['NodeUse'];
export type NetworkView = components['schemas']['NetworkView'];
export type SettlementStatement = components['schemas']['SettlementStatement'];
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
