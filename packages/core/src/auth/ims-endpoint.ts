// Where IMS lives: the token endpoint's host and path, shared by the IMS client and its browser stub.
/** Where Adobe's OAuth Server-to-Server credentials get their access tokens (one copy for both IMS modules). */
export const IMS_HOST = "https://ims-na1.adobelogin.com";
/** Path of the IMS token endpoint on `IMS_HOST` (client credentials grant, form-encoded). */
export const IMS_TOKEN_PATH = "/ims/token/v3";
