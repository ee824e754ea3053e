import type { Rule } from '../types.js';
import {
  deprecatedNoReplacement,
  deprecatedReplacementMissing,
  detailsObject,
  docsUrl,
  linkRelative,
  typeUri,
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
import {
  existenceLeak,
  retry4xx,
  retry5xx,
  retry429,
  retryHintIgnored,
  statusAuth,
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
  titleCase,
} from './text.js';

/** Every built-in rule, in the order findings of one entry are listed. */
export const builtinRules: readonly Rule[] = [
  typeUri,
  docsUrl,
  codeEmpty,
  codeFormat,
  codeCasing,
  codeSuffix,
  codeStatusConflict,
  codeNearDuplicate,
  duplicateEntry,
  textEmpty,
  textMissing,
  titleCase,
  descriptionQuality,
  placeholderUndeclared,
  placeholderPrintf,
  paramUnused,
  statusAuth,
  statusWording,
  statusUnknown,
  existenceLeak,
  retry429,
  retry4xx,
  retry5xx,
  retryHintIgnored,
  deprecatedNoReplacement,
  deprecatedReplacementMissing,
  detailsObject,
  linkRelative,
] as readonly Rule[];
