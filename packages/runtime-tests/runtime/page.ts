// The browser page: runs the scenarios on load and shows each result in its own element, then marks itself done.
import { type Mocks, runAll, targetScenarios } from "./scenarios.js";

const params = new URLSearchParams(location.search);
const mocks: Mocks = { delivery: params.get("delivery") ?? "", silent: params.get("silent") ?? "" };

runAll(targetScenarios, mocks).then((results) => {
  for (const [name, text] of Object.entries(results)) {
    const line = document.createElement("output");
    line.id = name;
    line.textContent = text;
    document.body.append(line);
  }
  document.body.dataset.done = "true";
});
