import { prismGlobalSetup } from "@offerkit/testkit";

export default prismGlobalSetup("ods");
