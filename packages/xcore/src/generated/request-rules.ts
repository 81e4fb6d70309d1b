// Generated from specs/xcore.yaml by scripts/generate-validator.mjs. Do not edit.
import type { OperationRules, RequestRules, SchemaTable } from "@offerkit/core/internal";
import { eachItem, hasLength, inRange, isArray, isInteger, isNoneOf, isOneOf, isString, matches, parameter } from "@offerkit/core/internal";

// Each rule written once: many operations share a parameter (the identity headers, ids in paths).
const productOrPropertyEtcRule = /* @__PURE__ */ parameter(false, isArray, /* @__PURE__ */ eachItem(isString, /* @__PURE__ */ hasLength(1)));
const xGwImsOrgIdRule = /* @__PURE__ */ parameter(true, isString, /* @__PURE__ */ matches("^[A-Za-z0-9]+@AdobeOrg$"));
const xSandboxNameRule = /* @__PURE__ */ parameter(true, isString, /* @__PURE__ */ hasLength(1));
const xRequestIdOrXSandboxIdEtcRule = /* @__PURE__ */ parameter(false, isString, /* @__PURE__ */ hasLength(1));
const containerIdOrInstanceIdRule = /* @__PURE__ */ parameter(true, isString, /* @__PURE__ */ hasLength(1), /* @__PURE__ */ isNoneOf([".", ".."]));
const bodyRule = /* @__PURE__ */ parameter(true);
const schemaRule = /* @__PURE__ */ parameter(true, isString, /* @__PURE__ */ isOneOf(["https://ns.adobe.com/experience/offer-management/personalized-offer;version=0.5", "https://ns.adobe.com/experience/offer-management/fallback-offer;version=0.1", "https://ns.adobe.com/experience/offer-management/offer-placement;version=0.4", "https://ns.adobe.com/experience/offer-management/offer-activity;version=0.5", "https://ns.adobe.com/experience/offer-management/offer-filter;version=0.1", "https://ns.adobe.com/experience/offer-management/tag;version=0.1", "https://ns.adobe.com/experience/offer-management/eligibility-rule;version=0.3"]));
const limitRule = /* @__PURE__ */ parameter(false, isInteger, /* @__PURE__ */ inRange(1));
const qopRule = /* @__PURE__ */ parameter(false, isString, /* @__PURE__ */ matches("^([Aa][Nn][Dd]|[Oo][Rr])$"));
const ifNoneMatchOrIfMatchRule = /* @__PURE__ */ parameter(false, isString, /* @__PURE__ */ matches("^\"[^\"]*\"$"));
const headerOfListContainers = {
  "x-gw-ims-org-id": xGwImsOrgIdRule,
  "x-sandbox-name": xSandboxNameRule,
  "x-request-id": xRequestIdOrXSandboxIdEtcRule,
  "x-sandbox-id": xRequestIdOrXSandboxIdEtcRule
};
const pathOfCreateInstance = {
  containerId: containerIdOrInstanceIdRule
};
const pathOfGetInstance = {
  containerId: containerIdOrInstanceIdRule,
  instanceId: containerIdOrInstanceIdRule
};
const headerOfReplaceInstance = {
  "x-gw-ims-org-id": xGwImsOrgIdRule,
  "x-sandbox-name": xSandboxNameRule,
  "x-request-id": xRequestIdOrXSandboxIdEtcRule,
  "x-sandbox-id": xRequestIdOrXSandboxIdEtcRule,
  "if-match": ifNoneMatchOrIfMatchRule
};

/** What every call checks, opt-in or not (core's `checkRequest`). */
export const requestRules = {
  listContainers: {
    query: {
      product: productOrPropertyEtcRule,
      property: productOrPropertyEtcRule
    },
    header: headerOfListContainers
  },
  createInstance: {
    path: pathOfCreateInstance,
    header: headerOfListContainers,
    body: bodyRule
  },
  listInstances: {
    path: pathOfCreateInstance,
    query: {
      schema: schemaRule,
      orderby: xRequestIdOrXSandboxIdEtcRule,
      start: xRequestIdOrXSandboxIdEtcRule,
      limit: limitRule,
      property: productOrPropertyEtcRule,
      id: productOrPropertyEtcRule,
      name: xRequestIdOrXSandboxIdEtcRule
    },
    header: headerOfListContainers
  },
  searchInstances: {
    path: pathOfCreateInstance,
    query: {
      schema: schemaRule,
      orderby: xRequestIdOrXSandboxIdEtcRule,
      start: xRequestIdOrXSandboxIdEtcRule,
      limit: limitRule,
      property: productOrPropertyEtcRule,
      id: productOrPropertyEtcRule,
      name: xRequestIdOrXSandboxIdEtcRule,
      q: xRequestIdOrXSandboxIdEtcRule,
      qop: qopRule,
      field: productOrPropertyEtcRule
    },
    header: headerOfListContainers
  },
  getInstance: {
    path: pathOfGetInstance,
    header: {
      "x-gw-ims-org-id": xGwImsOrgIdRule,
      "x-sandbox-name": xSandboxNameRule,
      "x-request-id": xRequestIdOrXSandboxIdEtcRule,
      "x-sandbox-id": xRequestIdOrXSandboxIdEtcRule,
      "if-none-match": ifNoneMatchOrIfMatchRule
    }
  },
  replaceInstance: {
    path: pathOfGetInstance,
    header: headerOfReplaceInstance,
    body: bodyRule
  },
  patchInstance: {
    path: pathOfGetInstance,
    header: headerOfReplaceInstance,
    body: bodyRule
  },
  deleteInstance: {
    path: pathOfGetInstance,
    header: headerOfListContainers
  }
} as const satisfies Record<string, RequestRules>;

/** Every rule of the spec, for the opt-in full check (`/validation`); unused, bundlers drop them. */
export const schemas: SchemaTable = {
  SchemaId: {
    type: "string",
    enum: ["https://ns.adobe.com/experience/offer-management/personalized-offer;version=0.5", "https://ns.adobe.com/experience/offer-management/fallback-offer;version=0.1", "https://ns.adobe.com/experience/offer-management/offer-placement;version=0.4", "https://ns.adobe.com/experience/offer-management/offer-activity;version=0.5", "https://ns.adobe.com/experience/offer-management/offer-filter;version=0.1", "https://ns.adobe.com/experience/offer-management/tag;version=0.1", "https://ns.adobe.com/experience/offer-management/eligibility-rule;version=0.3"]
  },
  InstanceWrite: {
    anyOf: [
      {
        $ref: "HalInstance"
      },
      {
        $ref: "Instance"
      }
    ]
  },
  HalInstance: {
    type: "object",
    required: ["_instance", "_links"],
    properties: {
      _instance: {
        $ref: "Instance"
      },
      _links: {
        type: "object"
      }
    }
  },
  JsonPatch: {
    type: "array",
    minItems: 1,
    items: {
      $ref: "JsonPatchOperation"
    }
  },
  JsonPatchOperation: {
    type: "object",
    required: ["op", "path"],
    properties: {
      op: {
        type: "string",
        enum: ["add", "replace", "remove"]
      },
      path: {
        type: "string",
        pattern: "^/(_instance|_links)(/.*)?$"
      },
      value: {}
    },
    oneOf: [
      {
        properties: {
          op: {
            enum: ["add", "replace"]
          }
        },
        required: ["op", "value"]
      },
      {
        properties: {
          op: {
            const: "remove"
          }
        },
        required: ["op"]
      }
    ]
  },
  Instance: {
    anyOf: [
      {
        $ref: "PersonalizedOffer"
      },
      {
        $ref: "FallbackOffer"
      },
      {
        $ref: "Placement"
      },
      {
        $ref: "Decision"
      },
      {
        $ref: "Collection"
      },
      {
        $ref: "CollectionQualifier"
      },
      {
        $ref: "DecisionRule"
      }
    ]
  },
  OfferStatus: {
    type: "string",
    enum: ["draft", "approved", "archived", "pending", "rejected"]
  },
  ComponentType: {
    type: "string",
    enum: ["https://ns.adobe.com/experience/offer-management/content-component-imagelink", "https://ns.adobe.com/experience/offer-management/content-component-text", "https://ns.adobe.com/experience/offer-management/content-component-html", "https://ns.adobe.com/experience/offer-management/content-component-json"]
  },
  Representation: {
    type: "object",
    required: ["xdm:placement"],
    properties: {
      "xdm:placement": {
        type: "string",
        minLength: 1
      },
      "xdm:channel": {
        type: "string"
      },
      "xdm:components": {
        type: "array",
        items: {
          $ref: "ContentComponent"
        }
      }
    }
  },
  ContentComponent: {
    type: "object",
    properties: {
      "@type": {
        type: "string"
      },
      "dc:format": {
        type: "string"
      },
      "dc:language": {
        type: "array",
        items: {
          type: "string"
        }
      },
      "repo:id": {
        type: "string"
      },
      "repo:name": {
        type: "string"
      },
      "repo:resolveURL": {
        type: "string"
      },
      "xdm:deliveryURL": {
        type: "string"
      },
      "xdm:content": {
        type: "string"
      },
      "xdm:linkURL": {
        type: "string"
      },
      "xdm:copyline": {
        type: "string"
      },
      "offerui:previewThumbnail": {
        type: "string"
      }
    }
  },
  SelectionConstraint: {
    type: "object",
    properties: {
      "xdm:startDate": {
        type: "string"
      },
      "xdm:endDate": {
        type: "string"
      },
      "xdm:eligibilityRule": {
        type: "string"
      }
    }
  },
  Rank: {
    type: "object",
    properties: {
      "xdm:priority": {
        type: "integer",
        minimum: 0
      }
    }
  },
  CappingConstraint: {
    type: "object",
    properties: {
      "xdm:globalCap": {
        type: "integer",
        minimum: 1
      },
      "xdm:profileCap": {
        type: "integer",
        minimum: 1
      }
    }
  },
  Characteristics: {
    type: "object",
    additionalProperties: {
      type: "string"
    }
  },
  PersonalizedOffer: {
    type: "object",
    required: ["xdm:name"],
    properties: {
      "@id": {
        type: "string"
      },
      "xdm:name": {
        type: "string",
        minLength: 1
      },
      "xdm:status": {
        $ref: "OfferStatus"
      },
      "xdm:representations": {
        type: "array",
        items: {
          $ref: "Representation"
        }
      },
      "xdm:selectionConstraint": {
        $ref: "SelectionConstraint"
      },
      "xdm:rank": {
        $ref: "Rank"
      },
      "xdm:cappingConstraint": {
        $ref: "CappingConstraint"
      },
      "xdm:tags": {
        type: "array",
        items: {
          type: "string"
        }
      },
      "xdm:characteristics": {
        $ref: "Characteristics"
      }
    }
  },
  FallbackOffer: {
    type: "object",
    required: ["xdm:name"],
    properties: {
      "@id": {
        type: "string"
      },
      "xdm:name": {
        type: "string",
        minLength: 1
      },
      "xdm:status": {
        $ref: "OfferStatus"
      },
      "xdm:representations": {
        type: "array",
        items: {
          $ref: "Representation"
        }
      },
      "xdm:tags": {
        type: "array",
        items: {
          type: "string"
        }
      },
      "xdm:characteristics": {
        $ref: "Characteristics"
      }
    }
  },
  Placement: {
    type: "object",
    required: ["xdm:name"],
    properties: {
      "@id": {
        type: "string"
      },
      "xdm:name": {
        type: "string",
        minLength: 1
      },
      "xdm:description": {
        type: "string"
      },
      "xdm:channel": {
        type: "string"
      },
      "xdm:componentType": {
        $ref: "ComponentType"
      },
      "xdm:contentTypes": {
        type: "array",
        items: {
          type: "string"
        }
      }
    }
  },
  Decision: {
    type: "object",
    required: ["xdm:name", "xdm:fallback", "xdm:criteria"],
    properties: {
      "@id": {
        type: "string"
      },
      "xdm:name": {
        type: "string",
        minLength: 1
      },
      "xdm:status": {
        type: "string",
        enum: ["draft", "live", "complete", "archived"]
      },
      "xdm:startDate": {
        type: "string"
      },
      "xdm:endDate": {
        type: "string"
      },
      "xdm:fallback": {
        type: "string",
        minLength: 1
      },
      "xdm:criteria": {
        type: "array",
        minItems: 1,
        items: {
          $ref: "Criterion"
        }
      }
    }
  },
  Criterion: {
    type: "object",
    required: ["xdm:placements", "xdm:optionSelection"],
    properties: {
      "xdm:placements": {
        type: "array",
        minItems: 1,
        items: {
          type: "string"
        }
      },
      "xdm:optionSelection": {
        type: "object",
        required: ["xdm:filter"],
        properties: {
          "xdm:filter": {
            type: "string"
          }
        }
      },
      "xdm:profileConstraints": {
        type: "object",
        properties: {
          "xdm:eligibilityRule": {
            type: "string"
          },
          "xdm:description": {
            type: "string"
          }
        }
      },
      "xdm:rank": {
        type: "object",
        properties: {
          "xdm:priority": {
            type: "integer",
            minimum: 0
          },
          "xdm:order": {
            type: "object",
            properties: {
              "xdm:orderEvaluationType": {
                type: "string",
                enum: ["static", "scoringFunction", "rankingStrategy"]
              },
              "xdm:function": {
                type: "string"
              },
              "xdm:rankingStrategy": {
                type: "string"
              }
            }
          }
        }
      },
      "xdm:description": {
        type: "string"
      }
    }
  },
  Collection: {
    type: "object",
    required: ["xdm:name", "xdm:filterType"],
    properties: {
      "@id": {
        type: "string"
      },
      "xdm:name": {
        type: "string",
        minLength: 1
      },
      "xdm:filterType": {
        type: "string",
        enum: ["offers", "anyTags", "allTags"]
      },
      "xdm:ids": {
        type: "array",
        items: {
          type: "string"
        }
      }
    }
  },
  CollectionQualifier: {
    type: "object",
    required: ["xdm:name"],
    properties: {
      "@id": {
        type: "string"
      },
      "xdm:name": {
        type: "string",
        minLength: 1
      }
    }
  },
  DecisionRule: {
    type: "object",
    required: ["xdm:name"],
    properties: {
      "@id": {
        type: "string"
      },
      "xdm:name": {
        type: "string",
        minLength: 1
      },
      "xdm:description": {
        type: "string"
      },
      "xdm:condition": {
        type: "object",
        required: ["xdm:value"],
        properties: {
          "xdm:type": {
            type: "string",
            enum: ["PQL"]
          },
          "xdm:format": {
            type: "string",
            enum: ["pql/text"]
          },
          "xdm:value": {
            type: "string",
            minLength: 1
          }
        }
      },
      "xdm:definedOn": {
        type: "object"
      },
      "offerui:segmentModel": {
        type: "object"
      }
    }
  }
};

export const operations = {
  listContainers: {
    query: {
      product: {
        schema: {
          type: "array",
          items: {
            type: "string",
            minLength: 1
          }
        }
      },
      property: {
        schema: {
          type: "array",
          items: {
            type: "string",
            minLength: 1
          }
        }
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
  },
  createInstance: {
    body: {
      schema: {
        $ref: "InstanceWrite"
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
  },
  listInstances: {
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
    query: {
      schema: {
        schema: {
          $ref: "SchemaId"
        },
        required: true
      },
      orderby: {
        schema: {
          type: "string",
          minLength: 1
        }
      },
      start: {
        schema: {
          type: "string",
          minLength: 1
        }
      },
      limit: {
        schema: {
          type: "integer",
          minimum: 1
        }
      },
      property: {
        schema: {
          type: "array",
          items: {
            type: "string",
            minLength: 1
          }
        }
      },
      id: {
        schema: {
          type: "array",
          items: {
            type: "string",
            minLength: 1
          }
        }
      },
      name: {
        schema: {
          type: "string",
          minLength: 1
        }
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
  },
  searchInstances: {
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
    query: {
      schema: {
        schema: {
          $ref: "SchemaId"
        },
        required: true
      },
      orderby: {
        schema: {
          type: "string",
          minLength: 1
        }
      },
      start: {
        schema: {
          type: "string",
          minLength: 1
        }
      },
      limit: {
        schema: {
          type: "integer",
          minimum: 1
        }
      },
      property: {
        schema: {
          type: "array",
          items: {
            type: "string",
            minLength: 1
          }
        }
      },
      id: {
        schema: {
          type: "array",
          items: {
            type: "string",
            minLength: 1
          }
        }
      },
      name: {
        schema: {
          type: "string",
          minLength: 1
        }
      },
      q: {
        schema: {
          type: "string",
          minLength: 1
        }
      },
      qop: {
        schema: {
          type: "string",
          pattern: "^([Aa][Nn][Dd]|[Oo][Rr])$"
        }
      },
      field: {
        schema: {
          type: "array",
          items: {
            type: "string",
            minLength: 1
          }
        }
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
  },
  getInstance: {
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
      instanceId: {
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
      },
      "if-none-match": {
        schema: {
          type: "string",
          pattern: "^\"[^\"]*\"$"
        }
      }
    }
  },
  replaceInstance: {
    body: {
      schema: {
        $ref: "InstanceWrite"
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
      },
      instanceId: {
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
      },
      "if-match": {
        schema: {
          type: "string",
          pattern: "^\"[^\"]*\"$"
        }
      }
    }
  },
  patchInstance: {
    body: {
      schema: {
        $ref: "JsonPatch"
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
      },
      instanceId: {
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
      },
      "if-match": {
        schema: {
          type: "string",
          pattern: "^\"[^\"]*\"$"
        }
      }
    }
  },
  deleteInstance: {
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
      instanceId: {
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
