import type { Rule } from '../lint-types.js';
import {
  deprecatedNoReplacement,
  deprecatedReplacementMissing,
  detailsObject,
  docsUrl,
  linkRelative,
  typeUriAbsolute,
} from './catalog.js';
import {
  codeCasing,
  codeEmpty,
  codeFormat,
  codeNearDuplicate,
  codeStatusConflict,
  codeSuffix,
  duplicateEntry,
} from './codes.js';
import { retryUnstated } from './retry.js';
import { serverFailureUncovered } from './server.js';
import {
  codeOverloaded,
  existenceLeak,
  retry4xx,
  retry5xx,
  retry429,
  retryHintIgnored,
  statusAuth,
  statusMultiple,
  statusUnknown,
  statusWording,
} from './status.js';
import {
  descriptionQuality,
  paramUnused,
  placeholderPrintf,
  placeholderUndeclared,
  textEmpty,
  textMissing,
  textTypo,
  titleCase,
} from './text.js';

/** Every built-in rule, in the order findings of one entry are listed. */
export const builtinRules: readonly Rule[] = [
  typeUriAbsolute,
  docsUrl,
  serverFailureUncovered,
  codeEmpty,
  codeFormat,
  codeCasing,
  codeSuffix,
  codeStatusConflict,
  codeNearDuplicate,
  codeOverloaded,
  duplicateEntry,
  textEmpty,
  textMissing,
  titleCase,
  textTypo,
  descriptionQuality,
  placeholderUndeclared,
  placeholderPrintf,
  paramUnused,
  statusAuth,
  statusWording,
  statusUnknown,
  statusMultiple,
  existenceLeak,
  retry429,
  retry4xx,
  retry5xx,
  retryHintIgnored,
  retryUnstated,
  deprecatedNoReplacement,
  deprecatedReplacementMissing,
  detailsObject,
  linkRelative,
] as readonly Rule[];
