export * from "./target/index.js";
export { VERSION } from "./version.js";
