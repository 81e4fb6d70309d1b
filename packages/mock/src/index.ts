export {
  FAKE_IMS_CLIENT,
  type FakeIms,
  type FakeImsClient,
  type FakeImsOptions,
  type FakeImsTokenRequest,
  startFakeIms,
} from "./fake-ims.js";
export { type MockFetchOptions, mockFetch } from "./fetch.js";
export { type MockCredentials, type MockOptions, type Mocks, startMocks } from "./mocks.js";
export { type PrismOptions, type PrismServer, startPrism } from "./prism.js";
export { MOCK_EXAMPLE_HEADER, MOCK_STATUS_HEADER } from "./router.js";
export { listMockSpecs, MOCK_SPECS_DIR, mockSpecPath } from "./specs.js";
export { VERSION } from "./version.js";
export { MOCK_WORKFLOW_HEADER } from "./workflows.js";
