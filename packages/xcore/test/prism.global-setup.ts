import { prismGlobalSetup } from "@offerkit/testkit";

export default prismGlobalSetup("xcore");
