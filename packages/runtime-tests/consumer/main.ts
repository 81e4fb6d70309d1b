import { mockFetch, readmeExamples } from "./readme.js";

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};
const fetch = mockFetch({
  delivery: env("MOCK_DELIVERY"),
  ods: env("MOCK_ODS"),
  xcore: env("MOCK_XCORE"),
  dps: env("MOCK_DPS"),
  ims: env("MOCK_IMS"),
});
const seen = await readmeExamples(fetch, { clientId: env("IMS_CLIENT_ID"), clientSecret: env("IMS_CLIENT_SECRET") });
console.log(JSON.stringify(seen));
