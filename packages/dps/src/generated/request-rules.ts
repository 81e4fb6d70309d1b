// Generated from specs/dps.yaml by scripts/generate-validator.mjs. Do not edit.
import type { OperationRules, RequestRules, SchemaTable } from "@offerkit/core/internal";
import { eachItem, hasLength, inRange, isArray, isInteger, isNoneOf, isObject, isOneOf, isString, matches, parameter } from "@offerkit/core/internal";

// Each rule written once: many operations share a parameter (the identity headers, ids in paths).
const propertyRule = /* @__PURE__ */ parameter(false, isArray, /* @__PURE__ */ eachItem(isString, /* @__PURE__ */ hasLength(1)));
const orderbyOrStartEtcRule = /* @__PURE__ */ parameter(false, isString, /* @__PURE__ */ hasLength(1));
const limitRule = /* @__PURE__ */ parameter(false, isInteger, /* @__PURE__ */ inRange(1));
const xSchemaIdOrXSandboxNameRule = /* @__PURE__ */ parameter(true, isString, /* @__PURE__ */ hasLength(1));
const xGwImsOrgIdRule = /* @__PURE__ */ parameter(true, isString, /* @__PURE__ */ matches("^[A-Za-z0-9]+@AdobeOrg$"));
const bodyRule = /* @__PURE__ */ parameter(true, isObject);
const idOrRollbackWorkflowIdRule = /* @__PURE__ */ parameter(true, isString, /* @__PURE__ */ hasLength(1), /* @__PURE__ */ isNoneOf([".", ".."]));
const bodyRule2 = /* @__PURE__ */ parameter(true);
const offerTypeRule = /* @__PURE__ */ parameter(true, isString, /* @__PURE__ */ isOneOf(["personalized", "fallback"]));
const requestLevelRule = /* @__PURE__ */ parameter(true, isString, /* @__PURE__ */ isOneOf(["sandbox", "offer", "decision"]));
const queryOfListOfferItems = {
  property: propertyRule,
  orderby: orderbyOrStartEtcRule,
  limit: limitRule,
  start: orderbyOrStartEtcRule
};
const headerOfListOfferItems = {
  "x-schema-id": xSchemaIdOrXSandboxNameRule,
  "x-gw-ims-org-id": xGwImsOrgIdRule,
  "x-sandbox-name": xSchemaIdOrXSandboxNameRule,
  "x-request-id": orderbyOrStartEtcRule,
  "x-sandbox-id": orderbyOrStartEtcRule
};
const pathOfGetOfferItem = {
  id: idOrRollbackWorkflowIdRule
};
const headerOfListItemCollections = {
  "x-gw-ims-org-id": xGwImsOrgIdRule,
  "x-sandbox-name": xSchemaIdOrXSandboxNameRule,
  "x-request-id": orderbyOrStartEtcRule,
  "x-sandbox-id": orderbyOrStartEtcRule
};
const queryOfCreateOffer = {
  "offer-type": offerTypeRule
};
const queryOfStartDependencyAnalysis = {
  "request-level": requestLevelRule
};
const headerOfStartDependencyAnalysis = {
  "x-gw-ims-org-id": xGwImsOrgIdRule,
  "x-request-id": orderbyOrStartEtcRule
};

/** What every call checks, opt-in or not (core's `checkRequest`). */
export const requestRules = {
  listOfferItems: {
    query: queryOfListOfferItems,
    header: headerOfListOfferItems
  },
  createOfferItem: {
    header: headerOfListOfferItems,
    body: bodyRule
  },
  getOfferItem: {
    path: pathOfGetOfferItem,
    header: headerOfListOfferItems
  },
  patchOfferItem: {
    path: pathOfGetOfferItem,
    header: headerOfListOfferItems,
    body: bodyRule2
  },
  deleteOfferItem: {
    path: pathOfGetOfferItem,
    header: headerOfListOfferItems
  },
  listItemCollections: {
    query: queryOfListOfferItems,
    header: headerOfListItemCollections
  },
  createItemCollection: {
    header: headerOfListItemCollections,
    body: bodyRule
  },
  getItemCollection: {
    path: pathOfGetOfferItem,
    header: headerOfListItemCollections
  },
  patchItemCollection: {
    path: pathOfGetOfferItem,
    header: headerOfListItemCollections,
    body: bodyRule2
  },
  deleteItemCollection: {
    path: pathOfGetOfferItem,
    header: headerOfListItemCollections
  },
  listSelectionStrategies: {
    query: queryOfListOfferItems,
    header: headerOfListItemCollections
  },
  createSelectionStrategy: {
    header: headerOfListItemCollections,
    body: bodyRule
  },
  getSelectionStrategy: {
    path: pathOfGetOfferItem,
    header: headerOfListItemCollections
  },
  patchSelectionStrategy: {
    path: pathOfGetOfferItem,
    header: headerOfListItemCollections,
    body: bodyRule2
  },
  deleteSelectionStrategy: {
    path: pathOfGetOfferItem,
    header: headerOfListItemCollections
  },
  listOfferRules: {
    query: queryOfListOfferItems,
    header: headerOfListItemCollections
  },
  createOfferRule: {
    header: headerOfListItemCollections,
    body: bodyRule2
  },
  getOfferRule: {
    path: pathOfGetOfferItem,
    header: headerOfListItemCollections
  },
  replaceOfferRule: {
    path: pathOfGetOfferItem,
    header: headerOfListItemCollections,
    body: bodyRule
  },
  patchOfferRule: {
    path: pathOfGetOfferItem,
    header: headerOfListItemCollections,
    body: bodyRule2
  },
  deleteOfferRule: {
    path: pathOfGetOfferItem,
    header: headerOfListItemCollections
  },
  listRankingFormulas: {
    query: queryOfListOfferItems,
    header: headerOfListItemCollections
  },
  createRankingFormula: {
    header: headerOfListItemCollections,
    body: bodyRule
  },
  getRankingFormula: {
    path: pathOfGetOfferItem,
    header: headerOfListItemCollections
  },
  replaceRankingFormula: {
    path: pathOfGetOfferItem,
    header: headerOfListItemCollections,
    body: bodyRule
  },
  deleteRankingFormula: {
    path: pathOfGetOfferItem,
    header: headerOfListItemCollections
  },
  listExdPlacements: {
    query: queryOfListOfferItems,
    header: headerOfListItemCollections
  },
  createExdPlacement: {
    header: headerOfListItemCollections,
    body: bodyRule
  },
  getExdPlacement: {
    path: pathOfGetOfferItem,
    header: headerOfListItemCollections
  },
  replaceExdPlacement: {
    path: pathOfGetOfferItem,
    header: headerOfListItemCollections,
    body: bodyRule
  },
  listOffers: {
    query: {
      "offer-type": offerTypeRule,
      property: propertyRule,
      orderby: orderbyOrStartEtcRule,
      limit: limitRule,
      start: orderbyOrStartEtcRule
    },
    header: headerOfListItemCollections
  },
  createOffer: {
    query: queryOfCreateOffer,
    header: headerOfListItemCollections,
    body: bodyRule2
  },
  getOffer: {
    path: pathOfGetOfferItem,
    query: queryOfCreateOffer,
    header: headerOfListItemCollections
  },
  patchOffer: {
    path: pathOfGetOfferItem,
    query: queryOfCreateOffer,
    header: headerOfListItemCollections,
    body: bodyRule2
  },
  deleteOffer: {
    path: pathOfGetOfferItem,
    query: queryOfCreateOffer,
    header: headerOfListItemCollections
  },
  listPlacements: {
    query: queryOfListOfferItems,
    header: headerOfListItemCollections
  },
  createPlacement: {
    header: headerOfListItemCollections,
    body: bodyRule
  },
  getPlacement: {
    path: pathOfGetOfferItem,
    header: headerOfListItemCollections
  },
  patchPlacement: {
    path: pathOfGetOfferItem,
    header: headerOfListItemCollections,
    body: bodyRule2
  },
  deletePlacement: {
    path: pathOfGetOfferItem,
    header: headerOfListItemCollections
  },
  listOfferCollections: {
    query: queryOfListOfferItems,
    header: headerOfListItemCollections
  },
  createOfferCollection: {
    header: headerOfListItemCollections,
    body: bodyRule
  },
  getOfferCollection: {
    path: pathOfGetOfferItem,
    header: headerOfListItemCollections
  },
  patchOfferCollection: {
    path: pathOfGetOfferItem,
    header: headerOfListItemCollections,
    body: bodyRule2
  },
  deleteOfferCollection: {
    path: pathOfGetOfferItem,
    header: headerOfListItemCollections
  },
  listTags: {
    query: queryOfListOfferItems,
    header: headerOfListItemCollections
  },
  createTag: {
    header: headerOfListItemCollections,
    body: bodyRule
  },
  getTag: {
    path: pathOfGetOfferItem,
    header: headerOfListItemCollections
  },
  patchTag: {
    path: pathOfGetOfferItem,
    header: headerOfListItemCollections,
    body: bodyRule2
  },
  deleteTag: {
    path: pathOfGetOfferItem,
    header: headerOfListItemCollections
  },
  listOfferDecisions: {
    query: queryOfListOfferItems,
    header: headerOfListItemCollections
  },
  createOfferDecision: {
    header: headerOfListItemCollections,
    body: bodyRule
  },
  getOfferDecision: {
    path: pathOfGetOfferItem,
    header: headerOfListItemCollections
  },
  patchOfferDecision: {
    path: pathOfGetOfferItem,
    header: headerOfListItemCollections,
    body: bodyRule2
  },
  deleteOfferDecision: {
    path: pathOfGetOfferItem,
    header: headerOfListItemCollections
  },
  startDependencyAnalysis: {
    query: queryOfStartDependencyAnalysis,
    header: headerOfStartDependencyAnalysis,
    body: bodyRule
  },
  getDependencyAnalysis: {
    path: pathOfGetOfferItem,
    header: headerOfStartDependencyAnalysis
  },
  startMigration: {
    query: queryOfStartDependencyAnalysis,
    header: headerOfStartDependencyAnalysis,
    body: bodyRule
  },
  getMigration: {
    path: pathOfGetOfferItem,
    header: headerOfStartDependencyAnalysis
  },
  startRollback: {
    header: headerOfStartDependencyAnalysis,
    body: bodyRule
  },
  getRollback: {
    path: {
      rollbackWorkflowId: idOrRollbackWorkflowIdRule
    },
    header: headerOfStartDependencyAnalysis
  }
} as const satisfies Record<string, RequestRules>;

/** Every rule of the spec, for the opt-in full check (`/validation`); unused, bundlers drop them. */
export const schemas: SchemaTable = {
  PatchOperation: {
    oneOf: [
      {
        type: "object",
        required: ["op", "path", "value"],
        properties: {
          op: {
            type: "string",
            enum: ["add", "replace", "test"]
          },
          path: {
            type: "string",
            pattern: "^/([^~]|~[01])*$"
          },
          value: {}
        }
      },
      {
        type: "object",
        required: ["op", "path", "from"],
        properties: {
          op: {
            type: "string",
            const: "copy"
          },
          path: {
            type: "string",
            pattern: "^/([^~]|~[01])*$"
          },
          from: {
            type: "string",
            pattern: "^/([^~]|~[01])*$"
          }
        }
      },
      {
        type: "object",
        required: ["op", "path"],
        properties: {
          op: {
            type: "string",
            const: "remove"
          },
          path: {
            type: "string",
            pattern: "^/([^~]|~[01])*$"
          }
        }
      }
    ]
  },
  PqlExpression: {
    type: "object",
    required: ["value"],
    properties: {
      type: {
        type: "string"
      },
      format: {
        type: "string"
      },
      value: {
        type: "string"
      }
    }
  },
  DefinedOnVariable: {
    type: "object",
    properties: {
      schema: {
        type: "object",
        properties: {
          altId: {
            type: "string"
          },
          ref: {
            type: "string"
          },
          version: {
            type: "string"
          }
        }
      },
      referencePaths: {
        type: "array",
        items: {
          type: "string"
        }
      }
    }
  },
  DefinedOn: {
    type: "object",
    additionalProperties: {
      $ref: "DefinedOnVariable"
    }
  },
  Rank: {
    type: "object",
    properties: {
      priority: {
        type: "integer"
      },
      order: {
        type: "object",
        properties: {
          orderEvaluationType: {
            type: "string"
          },
          function: {
            type: "string"
          },
          rankingStrategy: {
            type: "string"
          }
        }
      }
    }
  },
  ProfileConstraint: {
    type: "object",
    properties: {
      profileConstraintType: {
        type: "string"
      },
      eligibilityRule: {
        type: "string"
      }
    }
  },
  OptionSelection: {
    type: "object",
    properties: {
      filter: {
        type: "string"
      }
    }
  },
  OfferItemInput: {
    type: "object",
    required: ["_experience"],
    properties: {
      _experience: {
        type: "object",
        required: ["decisioning"],
        properties: {
          decisioning: {
            type: "object",
            required: ["decisionitem"],
            properties: {
              offeritem: {
                type: "object",
                properties: {
                  lifecycleStatus: {
                    type: "string"
                  },
                  frequencyCappingConstraints: {
                    type: "array",
                    maxItems: 10,
                    items: {
                      type: "object"
                    }
                  },
                  fCapConstraintsLastIndex: {
                    type: "integer"
                  }
                }
              },
              decisionitem: {
                type: "object",
                required: ["itemName"],
                properties: {
                  itemName: {
                    type: "string"
                  },
                  itemDescription: {
                    type: "string"
                  },
                  itemPriority: {
                    type: "integer"
                  },
                  itemCalendarConstraints: {
                    type: "object",
                    properties: {
                      startDate: {
                        type: "string"
                      },
                      endDate: {
                        type: "string"
                      }
                    }
                  },
                  itemCatalogID: {
                    type: "string"
                  },
                  itemConstraints: {
                    $ref: "ProfileConstraint"
                  },
                  itemTags: {
                    type: "array",
                    items: {
                      type: "string"
                    }
                  },
                  itemLabels: {
                    type: "array",
                    items: {
                      type: "string"
                    }
                  },
                  itemID: {
                    type: "string"
                  }
                }
              }
            }
          }
        }
      }
    }
  },
  ItemCollectionInput: {
    type: "object",
    required: ["name"],
    properties: {
      name: {
        type: "string"
      },
      description: {
        type: "string"
      },
      constraints: {
        type: "array",
        items: {
          type: "object",
          properties: {
            itemCatalogId: {
              type: "string"
            },
            uiModel: {
              type: "string"
            }
          }
        }
      },
      tags: {
        type: "array",
        items: {
          type: "string"
        }
      }
    }
  },
  SelectionStrategyInput: {
    type: "object",
    required: ["name"],
    properties: {
      name: {
        type: "string"
      },
      description: {
        type: "string"
      },
      rank: {
        $ref: "Rank"
      },
      profileConstraint: {
        $ref: "ProfileConstraint"
      },
      optionSelection: {
        $ref: "OptionSelection"
      }
    }
  },
  EligibilityRuleInput: {
    type: "object",
    required: ["name"],
    properties: {
      name: {
        type: "string"
      },
      description: {
        type: "string"
      },
      exdRule: {
        type: "boolean"
      },
      condition: {
        $ref: "PqlExpression"
      },
      definedOn: {
        $ref: "DefinedOn"
      }
    }
  },
  DecisionRuleInput: {
    type: "object",
    required: ["name"],
    properties: {
      name: {
        type: "string"
      },
      description: {
        type: "string"
      },
      condition: {
        $ref: "PqlExpression"
      },
      definedOn: {
        $ref: "DefinedOn"
      }
    }
  },
  OfferRuleInput: {
    anyOf: [
      {
        $ref: "EligibilityRuleInput"
      },
      {
        $ref: "DecisionRuleInput"
      }
    ]
  },
  RankingFormulaInput: {
    type: "object",
    required: ["name"],
    properties: {
      name: {
        type: "string"
      },
      description: {
        type: "string"
      },
      exdFunction: {
        type: "boolean"
      },
      returnType: {
        type: "object",
        properties: {
          type: {
            type: "string"
          }
        }
      },
      expression: {
        $ref: "PqlExpression"
      },
      definedOn: {
        $ref: "DefinedOn"
      },
      isPure: {
        type: "boolean"
      }
    }
  },
  ExdPlacementInput: {
    type: "object",
    required: ["name"],
    properties: {
      name: {
        type: "string"
      },
      description: {
        type: "string"
      },
      channel: {
        type: "string"
      },
      channelConfiguration: {
        type: "string"
      },
      tags: {
        type: "array",
        items: {
          type: "string"
        }
      },
      status: {
        type: "string"
      }
    }
  },
  ExdPlacementUpdate: {
    type: "object",
    properties: {
      id: {
        type: "string"
      },
      name: {
        type: "string"
      },
      description: {
        type: "string"
      },
      channel: {
        type: "string"
      },
      channelConfiguration: {
        type: "string"
      },
      tags: {
        type: "array",
        items: {
          type: "string"
        }
      },
      status: {
        type: "string"
      }
    }
  },
  OfferComponent: {
    type: "object",
    properties: {
      type: {
        type: "string"
      },
      format: {
        type: "string"
      },
      language: {
        type: "array",
        items: {
          type: "string"
        }
      },
      content: {
        type: "string"
      },
      deliveryURL: {
        type: "string"
      }
    }
  },
  Representation: {
    type: "object",
    properties: {
      channel: {
        type: "string"
      },
      placement: {
        type: "string"
      },
      components: {
        type: "array",
        items: {
          $ref: "OfferComponent"
        }
      }
    }
  },
  SelectionConstraint: {
    type: "object",
    properties: {
      startDate: {
        type: "string"
      },
      endDate: {
        type: "string"
      },
      profileConstraintType: {
        type: "string"
      },
      eligibilityRule: {
        type: "string"
      }
    }
  },
  FrequencyCappingConstraint: {
    type: "object",
    properties: {
      enabled: {
        type: "boolean"
      },
      limit: {
        type: "integer"
      },
      startDate: {
        type: "string"
      },
      endDate: {
        type: "string"
      },
      scope: {
        type: "string"
      },
      entity: {
        type: "string"
      },
      repeat: {
        type: "object",
        properties: {
          enabled: {
            type: "boolean"
          },
          unit: {
            type: "string"
          },
          unitCount: {
            type: "integer"
          }
        }
      }
    }
  },
  PersonalizedOfferInput: {
    type: "object",
    required: ["name"],
    properties: {
      name: {
        type: "string"
      },
      description: {
        type: "string"
      },
      status: {
        type: "string"
      },
      representations: {
        type: "array",
        items: {
          $ref: "Representation"
        }
      },
      selectionConstraint: {
        $ref: "SelectionConstraint"
      },
      rank: {
        $ref: "Rank"
      },
      cappingConstraint: {
        type: "object"
      },
      frequencyCappingConstraints: {
        type: "array",
        maxItems: 10,
        items: {
          $ref: "FrequencyCappingConstraint"
        }
      }
    }
  },
  FallbackOfferInput: {
    type: "object",
    required: ["name"],
    properties: {
      name: {
        type: "string"
      },
      description: {
        type: "string"
      },
      status: {
        type: "string"
      },
      representations: {
        type: "array",
        items: {
          $ref: "Representation"
        }
      },
      selectionConstraint: {
        $ref: "SelectionConstraint"
      },
      rank: {
        $ref: "Rank"
      },
      labels: {
        type: "array",
        items: {
          type: "string"
        }
      }
    }
  },
  OfferInput: {
    anyOf: [
      {
        $ref: "PersonalizedOfferInput"
      },
      {
        $ref: "FallbackOfferInput"
      }
    ]
  },
  PlacementInput: {
    type: "object",
    required: ["name"],
    properties: {
      name: {
        type: "string"
      },
      description: {
        type: "string"
      },
      componentType: {
        type: "string"
      },
      channel: {
        type: "string"
      },
      itemCount: {
        type: "integer"
      },
      allowDuplicatePlacements: {
        type: "boolean"
      },
      returnContent: {
        type: "boolean"
      },
      returnMetaData: {
        type: "object",
        properties: {
          decisionName: {
            type: "boolean"
          },
          offerName: {
            type: "boolean"
          },
          offerAttributes: {
            type: "boolean"
          },
          offerPriority: {
            type: "boolean"
          },
          placementName: {
            type: "boolean"
          },
          channelType: {
            type: "boolean"
          },
          contentType: {
            type: "boolean"
          }
        }
      }
    }
  },
  OfferCollectionInput: {
    type: "object",
    required: ["name"],
    properties: {
      name: {
        type: "string"
      },
      description: {
        type: "string"
      },
      filterType: {
        type: "string"
      },
      ids: {
        type: "array",
        items: {
          type: "string"
        },
        maxItems: 500
      },
      labels: {
        type: "array",
        items: {
          type: "string"
        }
      }
    }
  },
  TagInput: {
    type: "object",
    required: ["name"],
    properties: {
      name: {
        type: "string"
      },
      description: {
        type: "string"
      }
    }
  },
  DecisionCriterion: {
    type: "object",
    properties: {
      placements: {
        type: "array",
        items: {
          type: "string"
        },
        maxItems: 30
      },
      rank: {
        $ref: "Rank"
      },
      profileConstraint: {
        $ref: "ProfileConstraint"
      },
      optionSelection: {
        $ref: "OptionSelection"
      }
    }
  },
  OfferDecisionInput: {
    type: "object",
    required: ["name"],
    properties: {
      name: {
        type: "string"
      },
      description: {
        type: "string"
      },
      status: {
        type: "string"
      },
      startDate: {
        type: "string"
      },
      endDate: {
        type: "string"
      },
      fallback: {
        type: "string"
      },
      criteria: {
        type: "array",
        items: {
          $ref: "DecisionCriterion"
        }
      }
    }
  },
  RequestLevel: {
    type: "string",
    enum: ["sandbox", "offer", "decision"]
  },
  SandboxDetails: {
    type: "object",
    required: ["sandboxName"],
    properties: {
      sandboxName: {
        type: "string",
        minLength: 1
      }
    }
  },
  DependencyRequest: {
    type: "object",
    required: ["imsOrgId", "sourceSandboxDetails", "targetSandboxDetails"],
    properties: {
      imsOrgId: {
        type: "string"
      },
      sourceSandboxDetails: {
        $ref: "SandboxDetails"
      },
      targetSandboxDetails: {
        $ref: "SandboxDetails"
      },
      offersList: {
        type: "array",
        items: {
          type: "string"
        }
      },
      decisionsList: {
        type: "array",
        items: {
          type: "string"
        }
      }
    }
  },
  SegmentMapping: {
    type: "object",
    required: ["namespace", "id"],
    properties: {
      namespace: {
        type: "string"
      },
      id: {
        type: "string"
      }
    }
  },
  MigrationDependency: {
    type: "object",
    required: ["datasetName"],
    properties: {
      profileAttributes: {
        type: "object",
        additionalProperties: {
          type: "string"
        }
      },
      contextAttributes: {
        type: "object",
        additionalProperties: {
          type: "string"
        }
      },
      segments: {
        type: "object",
        additionalProperties: {
          $ref: "SegmentMapping"
        }
      },
      datasetName: {
        type: "string",
        minLength: 1
      }
    }
  },
  MigrationRequest: {
    type: "object",
    required: ["imsOrgId", "sourceSandboxDetails", "targetSandboxDetails", "dependency"],
    properties: {
      imsOrgId: {
        type: "string"
      },
      sourceSandboxDetails: {
        $ref: "SandboxDetails"
      },
      targetSandboxDetails: {
        $ref: "SandboxDetails"
      },
      createDataStream: {
        type: "boolean"
      },
      dependency: {
        $ref: "MigrationDependency"
      },
      offersList: {
        type: "array",
        items: {
          type: "string"
        }
      },
      decisionsList: {
        type: "array",
        items: {
          type: "string"
        }
      }
    }
  },
  RollbackRequest: {
    type: "object",
    required: ["rollbackWorkflowId"],
    properties: {
      rollbackWorkflowId: {
        type: "string",
        minLength: 1
      }
    }
  }
};

export const operations = {
  listOfferItems: {
    query: {
      property: {
        schema: {
          type: "array",
          items: {
            type: "string",
            minLength: 1
          }
        }
      },
      orderby: {
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
      start: {
        schema: {
          type: "string",
          minLength: 1
        }
      }
    },
    header: {
      "x-schema-id": {
        schema: {
          type: "string",
          minLength: 1
        },
        required: true
      },
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
  createOfferItem: {
    body: {
      schema: {
        $ref: "OfferItemInput"
      },
      required: true
    },
    header: {
      "x-schema-id": {
        schema: {
          type: "string",
          minLength: 1
        },
        required: true
      },
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
  getOfferItem: {
    path: {
      id: {
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
      "x-schema-id": {
        schema: {
          type: "string",
          minLength: 1
        },
        required: true
      },
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
  patchOfferItem: {
    body: {
      schema: {
        type: "array",
        minItems: 1,
        items: {
          $ref: "PatchOperation"
        }
      },
      required: true
    },
    path: {
      id: {
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
      "x-schema-id": {
        schema: {
          type: "string",
          minLength: 1
        },
        required: true
      },
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
  deleteOfferItem: {
    path: {
      id: {
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
      "x-schema-id": {
        schema: {
          type: "string",
          minLength: 1
        },
        required: true
      },
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
  listItemCollections: {
    query: {
      property: {
        schema: {
          type: "array",
          items: {
            type: "string",
            minLength: 1
          }
        }
      },
      orderby: {
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
      start: {
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
  createItemCollection: {
    body: {
      schema: {
        $ref: "ItemCollectionInput"
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
  },
  getItemCollection: {
    path: {
      id: {
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
  patchItemCollection: {
    body: {
      schema: {
        type: "array",
        minItems: 1,
        items: {
          $ref: "PatchOperation"
        }
      },
      required: true
    },
    path: {
      id: {
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
  deleteItemCollection: {
    path: {
      id: {
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
  listSelectionStrategies: {
    query: {
      property: {
        schema: {
          type: "array",
          items: {
            type: "string",
            minLength: 1
          }
        }
      },
      orderby: {
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
      start: {
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
  createSelectionStrategy: {
    body: {
      schema: {
        $ref: "SelectionStrategyInput"
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
  },
  getSelectionStrategy: {
    path: {
      id: {
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
  patchSelectionStrategy: {
    body: {
      schema: {
        type: "array",
        minItems: 1,
        items: {
          $ref: "PatchOperation"
        }
      },
      required: true
    },
    path: {
      id: {
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
  deleteSelectionStrategy: {
    path: {
      id: {
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
  listOfferRules: {
    query: {
      property: {
        schema: {
          type: "array",
          items: {
            type: "string",
            minLength: 1
          }
        }
      },
      orderby: {
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
      start: {
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
  createOfferRule: {
    body: {
      schema: {
        $ref: "OfferRuleInput"
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
  },
  getOfferRule: {
    path: {
      id: {
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
  replaceOfferRule: {
    body: {
      schema: {
        $ref: "EligibilityRuleInput"
      },
      required: true
    },
    path: {
      id: {
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
  patchOfferRule: {
    body: {
      schema: {
        type: "array",
        minItems: 1,
        items: {
          $ref: "PatchOperation"
        }
      },
      required: true
    },
    path: {
      id: {
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
  deleteOfferRule: {
    path: {
      id: {
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
  listRankingFormulas: {
    query: {
      property: {
        schema: {
          type: "array",
          items: {
            type: "string",
            minLength: 1
          }
        }
      },
      orderby: {
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
      start: {
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
  createRankingFormula: {
    body: {
      schema: {
        $ref: "RankingFormulaInput"
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
  },
  getRankingFormula: {
    path: {
      id: {
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
  replaceRankingFormula: {
    body: {
      schema: {
        $ref: "RankingFormulaInput"
      },
      required: true
    },
    path: {
      id: {
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
  deleteRankingFormula: {
    path: {
      id: {
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
  listExdPlacements: {
    query: {
      property: {
        schema: {
          type: "array",
          items: {
            type: "string",
            minLength: 1
          }
        }
      },
      orderby: {
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
      start: {
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
  createExdPlacement: {
    body: {
      schema: {
        $ref: "ExdPlacementInput"
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
  },
  getExdPlacement: {
    path: {
      id: {
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
  replaceExdPlacement: {
    body: {
      schema: {
        $ref: "ExdPlacementUpdate"
      },
      required: true
    },
    path: {
      id: {
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
  listOffers: {
    query: {
      "offer-type": {
        schema: {
          type: "string",
          enum: ["personalized", "fallback"]
        },
        required: true
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
      orderby: {
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
      start: {
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
  createOffer: {
    body: {
      schema: {
        $ref: "OfferInput"
      },
      required: true
    },
    query: {
      "offer-type": {
        schema: {
          type: "string",
          enum: ["personalized", "fallback"]
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
  getOffer: {
    path: {
      id: {
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
      "offer-type": {
        schema: {
          type: "string",
          enum: ["personalized", "fallback"]
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
  patchOffer: {
    body: {
      schema: {
        type: "array",
        minItems: 1,
        items: {
          $ref: "PatchOperation"
        }
      },
      required: true
    },
    path: {
      id: {
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
      "offer-type": {
        schema: {
          type: "string",
          enum: ["personalized", "fallback"]
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
  deleteOffer: {
    path: {
      id: {
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
      "offer-type": {
        schema: {
          type: "string",
          enum: ["personalized", "fallback"]
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
  listPlacements: {
    query: {
      property: {
        schema: {
          type: "array",
          items: {
            type: "string",
            minLength: 1
          }
        }
      },
      orderby: {
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
      start: {
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
  createPlacement: {
    body: {
      schema: {
        $ref: "PlacementInput"
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
  },
  getPlacement: {
    path: {
      id: {
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
  patchPlacement: {
    body: {
      schema: {
        type: "array",
        minItems: 1,
        items: {
          $ref: "PatchOperation"
        }
      },
      required: true
    },
    path: {
      id: {
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
  deletePlacement: {
    path: {
      id: {
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
  listOfferCollections: {
    query: {
      property: {
        schema: {
          type: "array",
          items: {
            type: "string",
            minLength: 1
          }
        }
      },
      orderby: {
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
      start: {
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
  createOfferCollection: {
    body: {
      schema: {
        $ref: "OfferCollectionInput"
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
  },
  getOfferCollection: {
    path: {
      id: {
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
  patchOfferCollection: {
    body: {
      schema: {
        type: "array",
        minItems: 1,
        items: {
          $ref: "PatchOperation"
        }
      },
      required: true
    },
    path: {
      id: {
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
  deleteOfferCollection: {
    path: {
      id: {
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
  listTags: {
    query: {
      property: {
        schema: {
          type: "array",
          items: {
            type: "string",
            minLength: 1
          }
        }
      },
      orderby: {
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
      start: {
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
  createTag: {
    body: {
      schema: {
        $ref: "TagInput"
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
  },
  getTag: {
    path: {
      id: {
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
  patchTag: {
    body: {
      schema: {
        type: "array",
        minItems: 1,
        items: {
          $ref: "PatchOperation"
        }
      },
      required: true
    },
    path: {
      id: {
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
  deleteTag: {
    path: {
      id: {
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
  listOfferDecisions: {
    query: {
      property: {
        schema: {
          type: "array",
          items: {
            type: "string",
            minLength: 1
          }
        }
      },
      orderby: {
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
      start: {
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
  createOfferDecision: {
    body: {
      schema: {
        $ref: "OfferDecisionInput"
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
  },
  getOfferDecision: {
    path: {
      id: {
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
  patchOfferDecision: {
    body: {
      schema: {
        type: "array",
        minItems: 1,
        items: {
          $ref: "PatchOperation"
        }
      },
      required: true
    },
    path: {
      id: {
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
  deleteOfferDecision: {
    path: {
      id: {
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
  startDependencyAnalysis: {
    body: {
      schema: {
        $ref: "DependencyRequest"
      },
      required: true
    },
    query: {
      "request-level": {
        schema: {
          $ref: "RequestLevel"
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
      "x-request-id": {
        schema: {
          type: "string",
          minLength: 1
        }
      }
    }
  },
  getDependencyAnalysis: {
    path: {
      id: {
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
      "x-request-id": {
        schema: {
          type: "string",
          minLength: 1
        }
      }
    }
  },
  startMigration: {
    body: {
      schema: {
        $ref: "MigrationRequest"
      },
      required: true
    },
    query: {
      "request-level": {
        schema: {
          $ref: "RequestLevel"
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
      "x-request-id": {
        schema: {
          type: "string",
          minLength: 1
        }
      }
    }
  },
  getMigration: {
    path: {
      id: {
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
      "x-request-id": {
        schema: {
          type: "string",
          minLength: 1
        }
      }
    }
  },
  startRollback: {
    body: {
      schema: {
        $ref: "RollbackRequest"
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
      "x-request-id": {
        schema: {
          type: "string",
          minLength: 1
        }
      }
    }
  },
  getRollback: {
    path: {
      rollbackWorkflowId: {
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
      "x-request-id": {
        schema: {
          type: "string",
          minLength: 1
        }
      }
    }
  }
} as const satisfies Record<string, OperationRules>;
