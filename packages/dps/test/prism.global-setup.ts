// Prism serving specs/dps.yaml for the whole run: the resource paths under /data/core/dps, the migration paths at
// the root, as on Adobe's two origins.
import { prismGlobalSetup } from "@offerkit/testkit";

export default prismGlobalSetup("dps");
