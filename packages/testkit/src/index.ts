export {
  FAKE_IMS_CLIENT,
  type FakeIms,
  type FakeImsClient,
  type FakeImsOptions,
  type FakeImsTokenRequest,
  startFakeIms,
} from "./fake-ims.js";
export {
  FAULTS,
  type FaultName,
  type FaultRequest,
  type FaultServer,
  type FaultServerOptions,
  startFaultServer,
  successBody,
} from "./fault-server.js";
export { type ProvidingProject, prismGlobalSetup } from "./global-setup.js";
export { expectedUserAgent, fixedTokenIdentity, REQUEST_ID, withoutRequestId } from "./platform-headers.js";
export { type PrismMock, type PrismMockOptions, startPrismMock } from "./prism.js";
export { fakeFetch, jsonResponse, type RecordedRequest, recordingFetch } from "./recording-fetch.js";
export { responseSchemaChecker, type SchemaCheck } from "./response-schema.js";
export {
  contractOperation,
  listOperations,
  listSpecs,
  loadSpec,
  MOCK_PORTS,
  SPECS_DIR,
  type SpecOperation,
  specPath,
} from "./specs.js";
