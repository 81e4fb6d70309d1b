// CommonJS entry: compiled to `require` calls, which load the ESM-only packages on Node 20.19+ (require of ESM).
import { mockFetch, readmeExamples } from "./readme.js";

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};

readmeExamples(
  mockFetch({
    delivery: env("MOCK_DELIVERY"),
    ods: env("MOCK_ODS"),
    xcore: env("MOCK_XCORE"),
    dps: env("MOCK_DPS"),
    ims: env("MOCK_IMS"),
  }),
  {
    clientId: env("IMS_CLIENT_ID"),
    clientSecret: env("IMS_CLIENT_SECRET"),
  },
).then(
  (seen) => console.log(JSON.stringify(seen)),
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
