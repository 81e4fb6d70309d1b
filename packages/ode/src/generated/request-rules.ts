// Generated from specs/ode.yaml by scripts/generate-validator.mjs. Do not edit.
import type { OperationRules, RequestRules, SchemaTable } from "@offerkit/core/internal";
import { hasLength, isNoneOf, isObject, isString, matches, parameter } from "@offerkit/core/internal";

// Each rule written once: many operations share a parameter (the identity headers, ids in paths).
const containerIdOrWorkloadIdRule = /* @__PURE__ */ parameter(true, isString, /* @__PURE__ */ hasLength(1), /* @__PURE__ */ isNoneOf([".", ".."]));
const xGwImsOrgIdRule = /* @__PURE__ */ parameter(true, isString, /* @__PURE__ */ matches("^[A-Za-z0-9]+@AdobeOrg$"));
const xSandboxNameRule = /* @__PURE__ */ parameter(true, isString, /* @__PURE__ */ hasLength(1));
const xSandboxIdOrXRequestIdRule = /* @__PURE__ */ parameter(false, isString, /* @__PURE__ */ hasLength(1));
const bodyRule = /* @__PURE__ */ parameter(true, isObject);
const headerOfStartContainerWorkload = {
  "x-gw-ims-org-id": xGwImsOrgIdRule,
  "x-sandbox-name": xSandboxNameRule,
  "x-sandbox-id": xSandboxIdOrXRequestIdRule,
  "x-request-id": xSandboxIdOrXRequestIdRule
};

/** What every call checks, opt-in or not (core's `checkRequest`). */
export const requestRules = {
  startContainerWorkload: {
    path: {
      containerId: containerIdOrWorkloadIdRule
    },
    header: headerOfStartContainerWorkload,
    body: bodyRule
  },
  getContainerWorkload: {
    path: {
      containerId: containerIdOrWorkloadIdRule,
      workloadId: containerIdOrWorkloadIdRule
    },
    header: headerOfStartContainerWorkload
  },
  startWorkload: {
    header: headerOfStartContainerWorkload,
    body: bodyRule
  },
  getWorkload: {
    path: {
      workloadId: containerIdOrWorkloadIdRule
    },
    header: headerOfStartContainerWorkload
  }
} as const satisfies Record<string, RequestRules>;

/** Every rule of the spec, for the opt-in full check (`/validation`); unused, bundlers drop them. */
export const schemas: SchemaTable = {
  WorkloadRequest: {
    type: "object",
    required: ["xdm:segmentIds", "xdm:dataSetId", "xdm:propositionRequests"],
    properties: {
      "xdm:segmentIds": {
        type: "array",
        minItems: 1,
        maxItems: 1,
        items: {
          type: "string",
          minLength: 1
        }
      },
      "xdm:dataSetId": {
        type: "string",
        minLength: 1
      },
      "xdm:propositionRequests": {
        type: "array",
        minItems: 1,
        items: {
          $ref: "PropositionRequest"
        }
      },
      "xdm:includeContent": {
        type: "boolean"
      }
    }
  },
  PropositionRequest: {
    type: "object",
    required: ["xdm:activityId", "xdm:placementId"],
    properties: {
      "xdm:activityId": {
        type: "string",
        minLength: 1
      },
      "xdm:placementId": {
        type: "string",
        minLength: 1
      },
      "xdm:itemCount": {
        type: "integer",
        minimum: 1,
        maximum: 30
      }
    }
  }
};

export const operations = {
  startContainerWorkload: {
    body: {
      schema: {
        $ref: "WorkloadRequest"
      },
      required: true
    },
    path: {
      containerId: {
        schema: {
          type: "string",
          minLength: 1,
          not: {
            enum: [".", ".."]
          }
        },
        required: true
      }
    },
    header: {
      "x-gw-ims-org-id": {
        schema: {
          type: "string",
          pattern: "^[A-Za-z0-9]+@AdobeOrg$"
        },
        required: true
      },
      "x-sandbox-name": {
        schema: {
          type: "string",
          minLength: 1
        },
        required: true
      },
      "x-sandbox-id": {
        schema: {
          type: "string",
          minLength: 1
        }
      },
      "x-request-id": {
        schema: {
          type: "string",
          minLength: 1
        }
      }
    }
  },
  getContainerWorkload: {
    path: {
      containerId: {
        schema: {
          type: "string",
          minLength: 1,
          not: {
            enum: [".", ".."]
          }
        },
        required: true
      },
      workloadId: {
        schema: {
          type: "string",
          minLength: 1,
          not: {
            enum: [".", ".."]
          }
        },
        required: true
      }
    },
    header: {
      "x-gw-ims-org-id": {
        schema: {
          type: "string",
          pattern: "^[A-Za-z0-9]+@AdobeOrg$"
        },
        required: true
      },
      "x-sandbox-name": {
        schema: {
          type: "string",
          minLength: 1
        },
        required: true
      },
      "x-sandbox-id": {
        schema: {
          type: "string",
          minLength: 1
        }
      },
      "x-request-id": {
        schema: {
          type: "string",
          minLength: 1
        }
      }
    }
  },
  startWorkload: {
    body: {
      schema: {
        $ref: "WorkloadRequest"
      },
      required: true
    },
    header: {
      "x-gw-ims-org-id": {
        schema: {
          type: "string",
          pattern: "^[A-Za-z0-9]+@AdobeOrg$"
        },
        required: true
      },
      "x-sandbox-name": {
        schema: {
          type: "string",
          minLength: 1
        },
        required: true
      },
      "x-sandbox-id": {
        schema: {
          type: "string",
          minLength: 1
        }
      },
      "x-request-id": {
        schema: {
          type: "string",
          minLength: 1
        }
      }
    }
  },
  getWorkload: {
    path: {
      workloadId: {
        schema: {
          type: "string",
          minLength: 1,
          not: {
            enum: [".", ".."]
          }
        },
        required: true
      }
    },
    header: {
      "x-gw-ims-org-id": {
        schema: {
          type: "string",
          pattern: "^[A-Za-z0-9]+@AdobeOrg$"
        },
        required: true
      },
      "x-sandbox-name": {
        schema: {
          type: "string",
          minLength: 1
        },
        required: true
      },
      "x-sandbox-id": {
        schema: {
          type: "string",
          minLength: 1
        }
      },
      "x-request-id": {
        schema: {
          type: "string",
          minLength: 1
        }
      }
    }
  }
} as const satisfies Record<string, OperationRules>;
