/**
 * Shapes of identifiers and names the API accepts. Identifiers are plain ASCII; place names allow
 * letters of any script, digits and a little punctuation, never quotes, semicolons or angle brackets.
 */
export const CAMPAIGN_ID = /^[A-Za-z0-9_-]{1,64}$/;
export const ORG_CODE = /^[A-Za-z0-9_.-]{1,64}$/;
/** `case:<campaignId>:<orgCode>`, as caseIdFor builds it. */
export const CASE_ID = /^case:[A-Za-z0-9_-]{1,64}:[A-Za-z0-9_.-]{1,64}$/;
export const PERSON_ID = /^[A-Za-z0-9_.:@-]{1,128}$/;
export const PLACE_NAME = /^[\p{L}\p{N}\p{M}（）()·・\- ]{1,64}$/u;
export const PROBLEM_ID = /^p\d{1,6}$/;
export const MEASURE_ID = /^m\d{1,6}$/;
export const SIGNAL_ID = /^[A-Za-z0-9_-]{1,64}$/;
/** `plan:r1`, `measure:m3`, `report:<ISO instant>`, `rectification:<ISO instant>`. */
export const DUE_ITEM_KEY = /^[A-Za-z0-9:._+-]{1,100}$/;
/** `<campaignId>:<sha256 hex of the file>`, as importIdFor builds it. */
export const IMPORT_ID = /^[A-Za-z0-9_-]{1,64}:[0-9a-f]{64}$/;
