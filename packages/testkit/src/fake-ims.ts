// The fake IMS lives in @offerkit/mock, published for users' own tests; re-exported here for existing imports.
export {
  FAKE_IMS_CLIENT,
  type FakeIms,
  type FakeImsClient,
  type FakeImsOptions,
  type FakeImsTokenRequest,
  startFakeIms,
} from "@offerkit/mock";
