import {
  type PlatformClientOptions,
  type RequestValidation,
  type TokenProvider,
  unwrap,
  ValidationError,
} from "@offerkit/core";
import { checkOptions, isStringOption, PLATFORM_OPTION_CHECKS, resolveCredentials } from "@offerkit/core/internal";
import { createDpsClient, type DpsClient, type DpsOperationId, type ListQuery, type Workflow } from "@offerkit/dps";
import type { Workload, WorkloadRequest } from "@offerkit/ode";
import {
  createOdeClient,
  type OdeCallOptions,
  type OdeClient,
  type OdeEndpoint,
  type OdeOperationId,
} from "@offerkit/ode";
import {
  createOdsClient,
  type DecisionRequest,
  type OdsCallOptions,
  type OdsClient,
  type OdsOperationId,
} from "@offerkit/ods";
import { createXcoreClient, type SchemaId, type XcoreClient, type XcoreOperationId } from "@offerkit/xcore";
import { type Decision, decide } from "./decisions.js";
import { type DpsListName, type DpsPaginationConfig, type DpsPaginator, paginateDps } from "./dps-pages.js";
import {
  type WorkflowWaiterInput,
  type WorkflowWaiterOptions,
  waitUntilDependencyAnalysisComplete,
  waitUntilMigrationComplete,
  waitUntilRollbackComplete,
} from "./migration-waiters.js";
import {
  type ListPagesInput,
  type OfferLibraryPaginator,
  PAGINATORS_BY_TYPE,
  type PaginationConfig,
  paginateInstances,
  paginateSearchInstances,
  type SearchPagesInput,
} from "./offer-library-pages.js";
import { type WorkloadWaiterInput, type WorkloadWaiterOptions, waitUntilWorkloadComplete } from "./workload-waiter.js";

/**
 * The opt-in full check of each request against every rule of its API's spec, per client: each package's
 * `validation` export checks only that package's operations, so each client gets its own. A client left out
 * checks parameters, identifiers and the body's presence and kind, and leaves the rest of the body to the server.
 */
export interface OfferkitValidation {
  /** `validation` from `@offerkit/ods/validation`, for `offerkit.ods` and `decide`. */
  readonly ods?: RequestValidation<OdsOperationId> | undefined;
  /** `validation` from `@offerkit/ode/validation`, for `offerkit.ode`, `startWorkload` and the waiter. */
  readonly ode?: RequestValidation<OdeOperationId> | undefined;
  /** `validation` from `@offerkit/xcore/validation`, for `offerkit.xcore` and the paginators. */
  readonly xcore?: RequestValidation<XcoreOperationId> | undefined;
  /** `validation` from `@offerkit/dps/validation`, for `offerkit.dps`, `paginateDps`, the helpers and waiters. */
  readonly dps?: RequestValidation<DpsOperationId> | undefined;
}

/** Everything the Adobe Experience Platform APIs share, given once. */
export interface OfferkitOptions extends Omit<PlatformClientOptions, "validation"> {
  /** Batch Decisioning: which generation of the API to call, and the Offer Library container it needs. */
  readonly ode?: { readonly endpoint?: OdeEndpoint | undefined; readonly containerId?: string | undefined } | undefined;
  /**
   * Decisioning: the Decisioning Migration API's origin (default `https://decisioning-migration.adobe.io`; the
   * mocks' URL in tests that give `baseUrl` instead of `fetch`), and the default `x-schema-id` of offer-item calls.
   */
  readonly dps?: { readonly migrationBaseUrl?: string | undefined; readonly schemaId?: string | undefined } | undefined;
  /**
   * Full validation, per client: `{ ods, ode, xcore, dps }`, each the `validation` export of that package's
   * `/validation` entry (`import { validation as odsValidation } from "@offerkit/ods/validation"`). Only the
   * packages named are bundled.
   */
  readonly validation?: OfferkitValidation | undefined;
}

const VALIDATED_CLIENTS = ["ods", "ode", "xcore", "dps"] as const;

/** The per-client validation, checked: an object whose keys name clients and whose values are validations. */
function perClientValidation(validation: unknown): OfferkitValidation {
  if (validation === undefined) return {};
  const allowed =
    "an object { ods?, ode?, xcore?, dps? } of each package's `validation` export (from @offerkit/<name>/validation)";
  if (validation === null || typeof validation !== "object") throw new ValidationError("validation", allowed);
  for (const [name, check] of Object.entries(validation)) {
    if (!(VALIDATED_CLIENTS as readonly string[]).includes(name)) throw new ValidationError("validation", allowed);
    if (check !== undefined && typeof check !== "function") {
      throw new ValidationError(`validation.${name}`, `the \`validation\` export of @offerkit/${name}/validation`);
    }
  }
  return validation as OfferkitValidation;
}

/** How a facade shortcut pages: everything of `PaginationConfig` but the client, which is the facade's own. */
export type PagingOptions = Omit<PaginationConfig, "client">;

/** `kit.paginatePlacements(input, options)` is `paginatePlacements({ ...options, client: kit.xcore }, input)`. */
export type OfferLibraryPagingShortcuts = {
  readonly [Name in keyof typeof PAGINATORS_BY_TYPE]: (
    input: Parameters<(typeof PAGINATORS_BY_TYPE)[Name]>[1],
    options?: PagingOptions,
  ) => ReturnType<(typeof PAGINATORS_BY_TYPE)[Name]>;
};

/** How a facade shortcut pages a Decisioning list: everything of `DpsPaginationConfig` but the client. */
export type DpsPagingOptions<Name extends DpsListName> = Omit<DpsPaginationConfig<Name>, "client">;

/**
 * The Platform APIs behind one set of credentials. Each client is created the first time it is used, and all of
 * them share one token provider, so IMS is asked for one token however many clients and calls need it.
 */
export interface Offerkit extends OfferLibraryPagingShortcuts {
  /** The Offer Decisioning client (`@offerkit/ods`), for what the shortcuts below leave out. */
  readonly ods: OdsClient;
  /** The Batch Decisioning client (`@offerkit/ode`). */
  readonly ode: OdeClient;
  /** The Offer Library client (`@offerkit/xcore`): create, read, change and delete offers, placements, decisions… */
  readonly xcore: XcoreClient;
  /**
   * The Decisioning client (`@offerkit/dps`), the Offer Library's successors: Experience Decisioning and Decision
   * Management objects under `/data/core/dps`, and the Decisioning Migration API.
   */
  readonly dps: DpsClient;
  /** The token provider every client shares. */
  readonly tokenProvider: TokenProvider;
  /** `decide(offerkit.ods, request, options)`: propositions with parsed content, or `ApiError`. */
  decide(request: DecisionRequest, options?: OdsCallOptions): Promise<Decision>;
  /** Starts a batch decision workload and resolves with it (status `QUEUED`), or throws `ApiError`. */
  startWorkload(request: WorkloadRequest, options?: OdeCallOptions): Promise<Workload>;
  /** `waitUntilWorkloadComplete({ client: offerkit.ode, ...options }, input)`. */
  waitUntilWorkloadComplete(input: WorkloadWaiterInput, options?: WorkloadWaiterOptions): Promise<Workload>;
  /** `paginateDps({ ...options, client: offerkit.dps }, resource, query)`: every page of a Decisioning list. */
  paginateDps<Name extends DpsListName>(
    resource: Name,
    query?: ListQuery,
    options?: DpsPagingOptions<Name>,
  ): DpsPaginator<Name>;
  /** `waitUntilDependencyAnalysisComplete({ client: offerkit.dps, ...options }, input)`. */
  waitUntilDependencyAnalysisComplete(input: WorkflowWaiterInput, options?: WorkflowWaiterOptions): Promise<Workflow>;
  /** `waitUntilMigrationComplete({ client: offerkit.dps, ...options }, input)`. */
  waitUntilMigrationComplete(input: WorkflowWaiterInput, options?: WorkflowWaiterOptions): Promise<Workflow>;
  /** `waitUntilRollbackComplete({ client: offerkit.dps, ...options }, input)`. */
  waitUntilRollbackComplete(input: WorkflowWaiterInput, options?: WorkflowWaiterOptions): Promise<Workflow>;
  /** `paginateInstances({ ...options, client: offerkit.xcore }, input)`: every page of a listing of any type. */
  paginateInstances<S extends SchemaId>(
    input: ListPagesInput & { readonly schema: S },
    options?: PagingOptions,
  ): OfferLibraryPaginator<S>;
  /** `paginateSearchInstances({ ...options, client: offerkit.xcore }, input)`: every page of a search. */
  paginateSearchInstances<S extends SchemaId>(
    input: SearchPagesInput & { readonly schema: S },
    options?: PagingOptions,
  ): OfferLibraryPaginator<S>;
}

/**
 * One entry point to Offer Decisioning, Batch Decisioning, the Offer Library and Decisioning: authentication,
 * org, sandbox, base URL, fetch, timeout and retries are given once. Nothing is sent until the first call; the
 * org and sandbox are checked against each API's rules when its client is first used.
 *
 * Every function it offers is also exported on its own (`decide`, `waitUntilWorkloadComplete`, `paginateDps`, ...),
 * taking a client from `@offerkit/ods`/`ode`/`xcore`/`dps`: a bundle that imports only those carries only the
 * clients it uses.
 */
export function createOfferkit(options: OfferkitOptions): Offerkit {
  if (!options || typeof options !== "object") {
    throw new ValidationError("options", "an object with auth, imsOrgId and sandboxName");
  }
  checkOptions(options, "", {
    ...PLATFORM_OPTION_CHECKS,
    ode: (value, field) => checkOptions(value, field, { endpoint: isStringOption, containerId: isStringOption }),
    dps: (value, field) => checkOptions(value, field, { migrationBaseUrl: isStringOption, schemaId: isStringOption }),
  });
  const { ode: odeOptions, dps: dpsOptions, auth, validation: given, ...shared } = options;
  const validation = perClientValidation(given);
  // One token provider for every client: IMS credentials become one cached provider instead of one per client.
  const credentials = resolveCredentials(auth, options.fetch);
  const platform: PlatformClientOptions = { ...shared, auth: credentials };
  let ods: OdsClient | undefined;
  let ode: OdeClient | undefined;
  let xcore: XcoreClient | undefined;
  let dps: DpsClient | undefined;
  const shortcuts = Object.fromEntries(
    Object.entries(PAGINATORS_BY_TYPE).map(([name, paginator]) => [
      name,
      (input: ListPagesInput & SearchPagesInput, paging?: PagingOptions) =>
        paginator({ ...paging, client: kit.xcore }, input),
    ]),
  ) as unknown as OfferLibraryPagingShortcuts;
  const kit: Offerkit = {
    ...shortcuts,
    get ods() {
      ods ??= createOdsClient({ ...platform, validation: validation.ods });
      return ods;
    },
    get ode() {
      ode ??= createOdeClient({ ...platform, ...odeOptions, validation: validation.ode });
      return ode;
    },
    get xcore() {
      xcore ??= createXcoreClient({ ...platform, validation: validation.xcore });
      return xcore;
    },
    get dps() {
      dps ??= createDpsClient({ ...platform, ...dpsOptions, validation: validation.dps });
      return dps;
    },
    tokenProvider: credentials.tokenProvider,
    // async, so that a client refusing its options (on first use) rejects the promise instead of throwing.
    decide: async (request, callOptions) => decide(kit.ods, request, callOptions),
    startWorkload: async (request, callOptions) => unwrap(kit.ode.startWorkload(request, callOptions)),
    waitUntilWorkloadComplete: async (input, waitOptions) =>
      waitUntilWorkloadComplete({ ...waitOptions, client: kit.ode }, input),
    paginateDps: (resource, query, paging) => paginateDps({ ...paging, client: kit.dps }, resource, query),
    waitUntilDependencyAnalysisComplete: async (input, waitOptions) =>
      waitUntilDependencyAnalysisComplete({ ...waitOptions, client: kit.dps }, input),
    waitUntilMigrationComplete: async (input, waitOptions) =>
      waitUntilMigrationComplete({ ...waitOptions, client: kit.dps }, input),
    waitUntilRollbackComplete: async (input, waitOptions) =>
      waitUntilRollbackComplete({ ...waitOptions, client: kit.dps }, input),
    paginateInstances: (input, paging) => paginateInstances({ ...paging, client: kit.xcore }, input),
    paginateSearchInstances: (input, paging) => paginateSearchInstances({ ...paging, client: kit.xcore }, input),
  };
  return kit;
}
