import type {} from "vitest";
import { startPrismMock } from "./prism.js";

declare module "vitest" {
  export interface ProvidedContext {
    prismUrl: string;
  }
}

export interface ProvidingProject {
  provide(key: "prismUrl", value: string): void;
}

/**
 * A vitest `globalSetup` that serves `specs/<name>.yaml` on an ephemeral port for the whole run; tests read the
 * origin with `inject("prismUrl")`. Packages run in parallel without clashing.
 */
export function prismGlobalSetup(spec: string) {
  return async function setup(project: ProvidingProject) {
    const mock = await startPrismMock({ spec });
    project.provide("prismUrl", mock.url);
    return () => mock.close();
  };
}
