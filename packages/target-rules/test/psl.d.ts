// psl 1.15 ships types its package.json "exports" does not expose under NodeNext; the part the tests use.
declare module "psl" {
  interface Parsed {
    tld: string | null;
    sld: string | null;
    domain: string | null;
    subdomain: string | null;
    listed: boolean;
  }
  interface ParseError {
    input: string;
    error: { message: string; code: string };
  }
  const psl: { parse(domain: string): Parsed | ParseError; isValid(domain: string): boolean };
  export default psl;
}
