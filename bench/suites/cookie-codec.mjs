// Parse + serialize of a returning visitor's `mbox` cookie (session and PC entries) with the sdk's codec
// (`@offerkit/sdk/target/cookies`) vs Adobe's own codec. Adobe's SDK does not export its codec, so its shipped
// source module (`src/cookies.js`, the code its bundle runs) is imported directly; Node reads it as an ES module.
import { createTargetCookie, parseCookies } from "@adobe/target-nodejs-sdk/src/cookies.js";
import { parseTargetCookie, serializeTargetCookie } from "@offerkit/sdk/target/cookies";
import { pair, result } from "../lib/harness.mjs";
import { mboxCookie } from "../lib/payloads.mjs";

/** Operations per tinybench iteration, so the loop's own cost stays small next to one parse + serialize. */
const PER_RUN = 100;

export async function run() {
  const cookie = mboxCookie(Date.now(), { cluster: 28 });
  const ours = () => {
    const parsed = parseTargetCookie(cookie);
    return serializeTargetCookie(Object.values(parsed.entries)).value;
  };
  const adobe = () => createTargetCookie(Object.values(parseCookies(cookie))).value;
  if (ours() !== cookie || adobe() !== cookie) {
    throw new Error(`cookie-codec: a round trip changed the cookie: ${ours()} / ${adobe()}`);
  }
  const repeat = (operation) => () => {
    let last;
    for (let i = 0; i < PER_RUN; i++) last = operation();
    return last;
  };
  const perOperation = await pair("cookie-codec (parse + serialize)", {
    ours: repeat(ours),
    baseline: repeat(adobe),
    perRun: PER_RUN,
    unit: "ns/op",
    scale: 1e6,
  });
  // The same measurement as operations per second. Higher is better there, so that row carries no ratio: the
  // ns/op row above has it, lower is better like every other ratio.
  const perSecond = (nanoseconds) => 1e9 / nanoseconds;
  return [
    perOperation,
    {
      ...result("cookie-codec ops/s", perSecond(perOperation.ours), perSecond(perOperation.baseline), "ops/s"),
      ratio: null,
    },
  ];
}
