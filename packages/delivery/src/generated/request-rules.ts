// Generated from specs/delivery.yaml by scripts/generate-validator.mjs. Do not edit.
import type { OperationRules, RequestRules, SchemaTable } from "@offerkit/core/internal";
import { hasLength, isObject, isString, matches, parameter } from "@offerkit/core/internal";

// Each rule written once: many operations share a parameter (the identity headers, ids in paths).
const sessionIdRule = /* @__PURE__ */ parameter(true, isString, /* @__PURE__ */ hasLength(1, 128), /* @__PURE__ */ matches("^[^\\s?/{}\\x00-\\x1F\\x7F]+$"));
const clientOrImsOrgIdRule = /* @__PURE__ */ parameter(false, isString, /* @__PURE__ */ hasLength(1));
const versionRule = /* @__PURE__ */ parameter(false, isString);
const xRequestIdRule = /* @__PURE__ */ parameter(false, isString, /* @__PURE__ */ hasLength(0, 128));
const bodyRule = /* @__PURE__ */ parameter(true, isObject);

/** What every call checks, opt-in or not (core's `checkRequest`). */
export const requestRules = {
  execute: {
    query: {
      sessionId: sessionIdRule,
      client: clientOrImsOrgIdRule,
      imsOrgId: clientOrImsOrgIdRule,
      version: versionRule
    },
    header: {
      "x-request-id": xRequestIdRule
    },
    body: bodyRule
  }
} as const satisfies Record<string, RequestRules>;

/** Every rule of the spec, for the opt-in full check (`/validation`); unused, bundlers drop them. */
export const schemas: SchemaTable = {
  DeliveryRequest: {
    type: "object",
    required: ["context"],
    properties: {
      requestId: {
        type: "string",
        maxLength: 128
      },
      impressionId: {
        type: "string",
        maxLength: 128
      },
      id: {
        $ref: "VisitorId"
      },
      environmentId: {
        type: "integer"
      },
      property: {
        $ref: "Property"
      },
      trace: {
        $ref: "Trace"
      },
      context: {
        $ref: "Context"
      },
      experienceCloud: {
        $ref: "ExperienceCloud"
      },
      execute: {
        $ref: "ExecuteRequest"
      },
      prefetch: {
        $ref: "PrefetchRequest"
      },
      notifications: {
        type: "array",
        items: {
          $ref: "Notification"
        }
      },
      qaMode: {
        $ref: "QAMode"
      },
      preview: {
        $ref: "Preview"
      },
      telemetry: {
        $ref: "Telemetry"
      }
    }
  },
  VisitorId: {
    type: "object",
    properties: {
      tntId: {
        type: "string",
        maxLength: 128
      },
      thirdPartyId: {
        type: "string",
        maxLength: 256
      },
      marketingCloudVisitorId: {
        type: "string",
        maxLength: 128
      },
      customerIds: {
        type: "array",
        maxItems: 50,
        items: {
          $ref: "CustomerId"
        }
      }
    }
  },
  CustomerId: {
    type: "object",
    required: ["id", "integrationCode", "authenticatedState"],
    properties: {
      id: {
        type: "string",
        maxLength: 128
      },
      integrationCode: {
        type: "string",
        maxLength: 50
      },
      authenticatedState: {
        $ref: "AuthenticatedState"
      }
    }
  },
  AuthenticatedState: {
    type: "string",
    enum: ["unknown", "authenticated", "logged_out"]
  },
  Property: {
    type: "object",
    required: ["token"],
    properties: {
      token: {
        type: "string"
      }
    }
  },
  Trace: {
    type: "object",
    required: ["authorizationToken"],
    properties: {
      authorizationToken: {
        type: "string"
      },
      usage: {
        type: "object",
        additionalProperties: {
          type: "string"
        }
      }
    }
  },
  Context: {
    type: "object",
    required: ["channel"],
    properties: {
      channel: {
        $ref: "Channel"
      },
      mobilePlatform: {
        $ref: "MobilePlatform"
      },
      application: {
        $ref: "Application"
      },
      screen: {
        $ref: "Screen"
      },
      window: {
        $ref: "Window"
      },
      browser: {
        $ref: "Browser"
      },
      address: {
        $ref: "Address"
      },
      geo: {
        $ref: "Geo"
      },
      timeOffsetInMinutes: {
        type: "number"
      },
      userAgent: {
        type: "string"
      },
      clientHints: {
        $ref: "ClientHints"
      },
      beacon: {
        type: "boolean"
      }
    }
  },
  Channel: {
    type: "string",
    enum: ["web", "mobile"]
  },
  MobilePlatform: {
    type: "object",
    required: ["deviceType", "platformType"],
    properties: {
      deviceName: {
        type: "string"
      },
      deviceType: {
        type: "string",
        enum: ["phone", "tablet"]
      },
      platformType: {
        type: "string",
        enum: ["android", "ios"]
      },
      version: {
        type: "string",
        maxLength: 128
      }
    }
  },
  Application: {
    type: "object",
    properties: {
      id: {
        type: "string",
        maxLength: 250
      },
      name: {
        type: "string",
        maxLength: 250
      },
      version: {
        type: "string",
        maxLength: 128
      }
    }
  },
  Screen: {
    type: "object",
    properties: {
      width: {
        type: "number"
      },
      height: {
        type: "number"
      },
      colorDepth: {
        type: "number"
      },
      pixelRatio: {
        type: "number"
      },
      orientation: {
        type: "string",
        enum: ["portrait", "landscape"]
      }
    }
  },
  Window: {
    type: "object",
    properties: {
      width: {
        type: "number"
      },
      height: {
        type: "number"
      }
    }
  },
  Browser: {
    type: "object",
    properties: {
      host: {
        type: "string"
      },
      language: {
        type: "string"
      },
      webGLRenderer: {
        type: "string"
      }
    }
  },
  Address: {
    type: "object",
    properties: {
      url: {
        type: "string",
        maxLength: 4096
      },
      referringUrl: {
        type: "string",
        maxLength: 4096
      }
    }
  },
  Geo: {
    type: "object",
    properties: {
      ipAddress: {
        type: "string"
      },
      latitude: {
        type: "number"
      },
      longitude: {
        type: "number"
      },
      countryCode: {
        type: "string",
        minLength: 2,
        maxLength: 2
      },
      stateCode: {
        type: "string",
        minLength: 1,
        maxLength: 3
      },
      city: {
        type: "string",
        maxLength: 50
      },
      zip: {
        type: "string",
        maxLength: 12
      }
    }
  },
  ClientHints: {
    type: "object",
    properties: {
      mobile: {
        type: "boolean"
      },
      model: {
        type: "string"
      },
      platform: {
        type: "string"
      },
      platformVersion: {
        type: "string"
      },
      browserUAWithMajorVersion: {
        type: "string"
      },
      browserUAWithFullVersion: {
        type: "string"
      },
      architecture: {
        type: "string"
      },
      bitness: {
        type: "string"
      }
    }
  },
  ExperienceCloud: {
    type: "object",
    properties: {
      audienceManager: {
        $ref: "AudienceManager"
      },
      analytics: {
        $ref: "AnalyticsRequest"
      }
    }
  },
  AudienceManager: {
    type: "object",
    properties: {
      locationHint: {
        type: "integer",
        minimum: 1
      },
      blob: {
        type: "string",
        minLength: 1,
        maxLength: 1024,
        pattern: "\\S"
      }
    }
  },
  AnalyticsRequest: {
    type: "object",
    properties: {
      supplementalDataId: {
        type: "string",
        minLength: 33,
        maxLength: 33
      },
      logging: {
        $ref: "LoggingType"
      },
      trackingServer: {
        type: "string"
      },
      trackingServerSecure: {
        type: "string"
      }
    }
  },
  LoggingType: {
    type: "string",
    enum: ["server_side", "client_side"]
  },
  RequestDetails: {
    type: "object",
    properties: {
      address: {
        $ref: "Address"
      },
      parameters: {
        $ref: "Parameters"
      },
      profileParameters: {
        $ref: "Parameters"
      },
      order: {
        $ref: "Order"
      },
      product: {
        $ref: "Product"
      }
    }
  },
  Parameters: {
    type: "object",
    maxProperties: 50,
    propertyNames: {
      minLength: 1,
      maxLength: 128,
      pattern: "^(?!profile\\.)[\\s\\S]*\\S"
    },
    additionalProperties: {
      type: "string",
      maxLength: 5000
    }
  },
  MboxParameters: {
    type: "object",
    maxProperties: 50,
    propertyNames: {
      minLength: 1,
      maxLength: 128,
      pattern: "^(?!profile\\.)(?!(?:orderId|orderTotal|productPurchasedIds)$)[\\s\\S]*\\S"
    },
    additionalProperties: {
      type: "string",
      maxLength: 5000
    }
  },
  Order: {
    type: "object",
    properties: {
      id: {
        type: "string",
        maxLength: 250
      },
      total: {
        type: "number",
        minimum: 0
      },
      purchasedProductIds: {
        type: "array",
        maxItems: 125,
        items: {
          type: "string",
          minLength: 1,
          maxLength: 50,
          pattern: "\\S"
        }
      },
      time: {
        type: "string"
      },
      experienceLocalId: {
        type: "integer",
        minimum: 0,
        maximum: 2147483647
      },
      duplicate: {
        type: "boolean"
      },
      outlier: {
        type: "boolean"
      }
    }
  },
  Product: {
    type: "object",
    properties: {
      id: {
        type: "string",
        minLength: 1,
        maxLength: 128,
        pattern: "\\S"
      },
      categoryId: {
        type: "string",
        minLength: 1,
        maxLength: 128,
        pattern: "\\S"
      }
    }
  },
  ExecuteRequest: {
    type: "object",
    properties: {
      pageLoad: {
        $ref: "RequestDetails"
      },
      mboxes: {
        type: "array",
        items: {
          $ref: "MboxRequest"
        }
      }
    }
  },
  PrefetchRequest: {
    type: "object",
    properties: {
      views: {
        type: "array",
        items: {
          $ref: "ViewRequest"
        }
      },
      pageLoad: {
        $ref: "RequestDetails"
      },
      mboxes: {
        type: "array",
        items: {
          $ref: "MboxRequest"
        }
      }
    }
  },
  MboxRequest: {
    allOf: [
      {
        $ref: "RequestDetails"
      },
      {
        type: "object",
        required: ["index", "name"],
        properties: {
          index: {
            type: "integer"
          },
          name: {
            type: "string",
            minLength: 1
          },
          parameters: {
            $ref: "MboxParameters"
          }
        }
      }
    ]
  },
  ViewRequest: {
    allOf: [
      {
        $ref: "RequestDetails"
      },
      {
        type: "object",
        properties: {
          name: {
            type: "string",
            maxLength: 128
          },
          key: {
            type: "string",
            maxLength: 512
          }
        }
      }
    ]
  },
  Notification: {
    not: {
      required: ["mbox", "view"],
      properties: {
        mbox: {
          $ref: "NotificationMbox"
        },
        view: {
          $ref: "NotificationView"
        }
      }
    },
    allOf: [
      {
        $ref: "RequestDetails"
      },
      {
        type: "object",
        required: ["id", "type", "timestamp"],
        properties: {
          id: {
            type: "string",
            maxLength: 200
          },
          impressionId: {
            type: "string",
            maxLength: 128
          },
          type: {
            $ref: "MetricType"
          },
          timestamp: {
            type: "integer"
          },
          tokens: {
            type: "array",
            items: {
              type: "string"
            }
          },
          mbox: {
            $ref: "NotificationMbox"
          },
          view: {
            $ref: "NotificationView"
          },
          pageLoad: {
            $ref: "NotificationPageLoad"
          }
        }
      }
    ]
  },
  NotificationMbox: {
    type: "object",
    properties: {
      name: {
        type: "string",
        minLength: 1,
        maxLength: 250,
        pattern: "^(?![\\s\\S]*-clicked$)[\\s\\S]*\\S"
      },
      state: {
        type: "string"
      }
    }
  },
  NotificationView: {
    type: "object",
    properties: {
      name: {
        type: "string",
        maxLength: 128
      },
      key: {
        type: "string",
        maxLength: 512
      },
      state: {
        type: "string"
      }
    }
  },
  NotificationPageLoad: {
    type: "object",
    properties: {
      state: {
        type: "string"
      }
    }
  },
  QAMode: {
    type: "object",
    properties: {
      token: {
        type: "string"
      },
      listedActivitiesOnly: {
        type: "boolean"
      },
      evaluateAsTrueAudienceIds: {
        type: "array",
        items: {
          type: "integer"
        }
      },
      evaluateAsFalseAudienceIds: {
        type: "array",
        items: {
          type: "integer"
        }
      },
      previewIndexes: {
        type: "array",
        minItems: 1,
        items: {
          $ref: "QAModePreviewIndex"
        }
      }
    }
  },
  QAModePreviewIndex: {
    type: "object",
    properties: {
      activityIndex: {
        type: "integer",
        minimum: 1
      },
      experienceIndex: {
        type: "integer",
        minimum: 1
      }
    }
  },
  Preview: {
    type: "object",
    properties: {
      token: {
        type: "string"
      }
    }
  },
  Telemetry: {
    type: "object",
    properties: {
      entries: {
        type: "array",
        items: {
          $ref: "TelemetryEntry"
        }
      }
    }
  },
  TelemetryEntry: {
    type: "object",
    properties: {
      requestId: {
        type: "string"
      },
      timestamp: {
        type: "integer"
      },
      mode: {
        type: "string",
        enum: ["edge", "local"]
      },
      execution: {
        type: "number"
      },
      parsing: {
        type: "number"
      },
      features: {
        $ref: "TelemetryFeatures"
      },
      request: {
        $ref: "TelemetryRequest"
      },
      telemetryServerToken: {
        type: "string"
      }
    }
  },
  TelemetryFeatures: {
    type: "object",
    properties: {
      decisioningMethod: {
        type: "string",
        enum: ["server-side", "on-device", "hybrid"]
      },
      executeMboxCount: {
        type: "integer"
      },
      executePageLoad: {
        type: "boolean"
      },
      prefetchMboxCount: {
        type: "integer"
      },
      prefetchPageLoad: {
        type: "boolean"
      },
      prefetchViewCount: {
        type: "integer"
      }
    }
  },
  TelemetryRequest: {
    type: "object",
    properties: {
      dns: {
        type: "number"
      },
      tls: {
        type: "number"
      },
      timeToFirstByte: {
        type: "number"
      },
      download: {
        type: "number"
      },
      responseSize: {
        type: "integer"
      }
    }
  },
  MetricType: {
    type: "string",
    enum: ["click", "display"]
  }
};

export const operations = {
  execute: {
    body: {
      schema: {
        $ref: "DeliveryRequest"
      },
      required: true
    },
    query: {
      sessionId: {
        schema: {
          type: "string",
          minLength: 1,
          maxLength: 128,
          pattern: "^[^\\s?/{}\\x00-\\x1F\\x7F]+$"
        },
        required: true
      },
      client: {
        schema: {
          type: "string",
          minLength: 1
        }
      },
      imsOrgId: {
        schema: {
          type: "string",
          minLength: 1
        }
      },
      version: {
        schema: {
          type: "string"
        }
      }
    },
    header: {
      "x-request-id": {
        schema: {
          type: "string",
          maxLength: 128
        }
      }
    }
  }
} as const satisfies Record<string, OperationRules>;
