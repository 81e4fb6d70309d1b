// Generated from specs/ods.yaml by scripts/generate-validator.mjs. Do not edit.
import type { OperationRules, RequestRules, SchemaTable } from "@offerkit/core/internal";
import { hasLength, isObject, isString, matches, parameter } from "@offerkit/core/internal";

// Each rule written once: many operations share a parameter (the identity headers, ids in paths).
const xGwImsOrgIdRule = /* @__PURE__ */ parameter(true, isString, /* @__PURE__ */ matches("^[A-Za-z0-9]+@AdobeOrg$"));
const xSandboxNameRule = /* @__PURE__ */ parameter(true, isString, /* @__PURE__ */ hasLength(1));
const xRequestIdOrXSandboxIdRule = /* @__PURE__ */ parameter(false, isString, /* @__PURE__ */ hasLength(1));
const bodyRule = /* @__PURE__ */ parameter(true, isObject);

/** What every call checks, opt-in or not (core's `checkRequest`). */
export const requestRules = {
  makeDecisions: {
    header: {
      "x-gw-ims-org-id": xGwImsOrgIdRule,
      "x-sandbox-name": xSandboxNameRule,
      "x-request-id": xRequestIdOrXSandboxIdRule,
      "x-sandbox-id": xRequestIdOrXSandboxIdRule
    },
    body: bodyRule
  }
} as const satisfies Record<string, RequestRules>;

/** Every rule of the spec, for the opt-in full check (`/validation`); unused, bundlers drop them. */
export const schemas: SchemaTable = {
  DecisionRequest: {
    type: "object",
    required: ["xdm:propositionRequests", "xdm:profiles"],
    properties: {
      "xdm:propositionRequests": {
        type: "array",
        minItems: 1,
        items: {
          $ref: "PropositionRequest"
        }
      },
      "xdm:profiles": {
        type: "array",
        minItems: 1,
        maxItems: 1,
        items: {
          $ref: "ProfileRequest"
        }
      },
      "xdm:allowDuplicatePropositions": {
        $ref: "AllowDuplicatePropositions"
      },
      "xdm:mergePolicy": {
        $ref: "MergePolicy"
      },
      "xdm:responseFormat": {
        $ref: "ResponseFormat"
      },
      "xdm:enrichedAudience": {
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
  },
  ProfileRequest: {
    type: "object",
    required: ["xdm:identityMap"],
    properties: {
      "xdm:identityMap": {
        $ref: "IdentityMap"
      },
      "xdm:decisionRequestId": {
        type: "string"
      },
      "xdm:contextData": {
        type: "array",
        items: {
          $ref: "ContextData"
        }
      }
    }
  },
  IdentityMap: {
    type: "object",
    additionalProperties: {
      type: "array",
      minItems: 1,
      items: {
        $ref: "Identity"
      }
    }
  },
  Identity: {
    type: "object",
    required: ["xdm:id"],
    properties: {
      "xdm:id": {
        type: "string",
        minLength: 1
      },
      primary: {
        type: "boolean"
      }
    }
  },
  ContextData: {
    type: "object",
    required: ["@type", "xdm:data"],
    properties: {
      "@type": {
        type: "string",
        minLength: 1
      },
      "xdm:data": {
        type: "object"
      }
    }
  },
  AllowDuplicatePropositions: {
    type: "object",
    properties: {
      "xdm:acrossActivities": {
        type: "boolean"
      },
      "xdm:acrossPlacements": {
        type: "boolean"
      }
    }
  },
  MergePolicy: {
    type: "object",
    required: ["xdm:id"],
    properties: {
      "xdm:id": {
        type: "string",
        minLength: 1
      }
    }
  },
  ResponseFormat: {
    type: "object",
    properties: {
      "xdm:includeContent": {
        type: "boolean"
      },
      "xdm:includeMetadata": {
        $ref: "IncludeMetadata"
      }
    }
  },
  IncludeMetadata: {
    type: "object",
    properties: {
      "xdm:activity": {
        type: "array",
        items: {
          type: "string",
          enum: ["name"]
        }
      },
      "xdm:option": {
        type: "array",
        items: {
          type: "string",
          enum: ["name", "characteristics", "priority"]
        }
      },
      "xdm:placement": {
        type: "array",
        items: {
          type: "string",
          enum: ["name", "channel", "componentType"]
        }
      }
    }
  }
};

export const operations = {
  makeDecisions: {
    body: {
      schema: {
        $ref: "DecisionRequest"
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
      "x-request-id": {
        schema: {
          type: "string",
          minLength: 1
        }
      },
      "x-sandbox-id": {
        schema: {
          type: "string",
          minLength: 1
        }
      }
    }
  }
} as const satisfies Record<string, OperationRules>;
