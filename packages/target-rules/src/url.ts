// Page and referring URL parts for rule conditions: url, path, query, fragment and the host split into subdomain,
// registrable domain and public suffix, each with a lower-case `_lc` copy.
import type { DomainParts } from "./types.js";

export interface UrlParts {
  url: string;
  path: string;
  query: string;
  fragment: string;
  domain: string;
  subdomain: string;
  topLevelDomain: string;
}

/**
 * Public suffixes of two labels common enough to ship (`co.uk`, `com.au`, …), as second-level labels per
 * top-level domain; plug in a full list with `parseDomain`.
 */
const MULTI_LABEL_SUFFIXES = new Set(
  "uk:co,org,ac,gov,me,ltd,plc au:com,net,org,edu,gov nz:co,org,net jp:co,ne,or,ac br:com,net,org cn:com,net,org in:co,net,org kr:co za:co mx:com tr:com tw:com hk:com sg:com ar:com il:co id:co th:co my:com ph:com pl:com es:com"
    .split(" ")
    .flatMap((group) => {
      const [top, seconds] = group.split(":") as [string, string];
      return seconds.split(",").map((second) => `${second}.${top}`);
    }),
);

export const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/**
 * The built-in host split: registrable domain = one label under the public suffix, where the suffix is the last
 * label or one of a small set of common two-label suffixes; a leading `www` label is dropped from the subdomain.
 */
export function parseDomainDefault(host: string): DomainParts {
  const lower = host.toLowerCase();
  if (!lower.includes(".") || IPV4.test(lower) || lower.includes(":")) {
    return { domain: host, subdomain: "", topLevelDomain: "" };
  }
  const labels = lower.split(".");
  const lastTwo = labels.slice(-2).join(".");
  const suffixLength = labels.length > 2 && MULTI_LABEL_SUFFIXES.has(lastTwo) ? 2 : 1;
  if (labels.length <= suffixLength || labels.some((label) => label === "")) {
    return { domain: host, subdomain: "", topLevelDomain: "" };
  }
  let subdomain = labels.slice(0, -(suffixLength + 1)).join(".");
  if (subdomain === "www") subdomain = "";
  else if (subdomain.startsWith("www.")) subdomain = subdomain.slice(4);
  return {
    domain: labels.slice(-(suffixLength + 1)).join("."),
    subdomain,
    topLevelDomain: labels.slice(-suffixLength).join("."),
  };
}

const SCHEME = /^[^:/?#.]+:/;
const USER_INFO_FIRST = /^[^:@]+:[^:@/]*@/;

/** Splits a URL the lenient way Target's engines do (no WHATWG normalisation: case and encoding are kept). */
export function splitUrl(url: string): { host: string; path: string; query: string; fragment: string } {
  let i = 0;
  const scheme = SCHEME.exec(url);
  if (scheme && !USER_INFO_FIRST.test(url)) i = scheme[0].length;
  if (url.startsWith("//", i)) i += 2;
  let end = i;
  while (end < url.length && !"/?#".includes(url.charAt(end))) end++;
  let authority = url.slice(i, end);
  const at = authority.lastIndexOf("@");
  if (at >= 0) authority = authority.slice(at + 1);
  const colon = authority.indexOf(":");
  const host = colon >= 0 ? authority.slice(0, colon) : authority;
  const hash = url.indexOf("#", end);
  const beforeHash = hash >= 0 ? url.slice(end, hash) : url.slice(end);
  const question = beforeHash.indexOf("?");
  return {
    host,
    path: question >= 0 ? beforeHash.slice(0, question) : beforeHash,
    query: question >= 0 ? beforeHash.slice(question + 1) : "",
    fragment: hash >= 0 ? url.slice(hash + 1) : "",
  };
}

export type PageContext = UrlParts & Record<`${keyof UrlParts}_lc`, string>;

export function pageContext(url: unknown, parseDomain: (host: string) => DomainParts | undefined): PageContext {
  const text = typeof url === "string" ? url : "";
  const { host, path, query, fragment } = splitUrl(text);
  const parts = (host ? parseDomain(host) : undefined) ?? { domain: host, subdomain: "", topLevelDomain: "" };
  const { domain, subdomain, topLevelDomain } = parts;
  return {
    url: text,
    path,
    query,
    fragment,
    domain,
    subdomain,
    topLevelDomain,
    url_lc: text.toLowerCase(),
    path_lc: path.toLowerCase(),
    query_lc: query.toLowerCase(),
    fragment_lc: fragment.toLowerCase(),
    domain_lc: domain.toLowerCase(),
    subdomain_lc: subdomain.toLowerCase(),
    topLevelDomain_lc: topLevelDomain.toLowerCase(),
  };
}
