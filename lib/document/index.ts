/**
 * `cdktf-cluster-profiles/document`: the constants of the documents the library writes, for code
 * that reads them without the library's readers: a profile document's `apiVersion` and `kind`,
 * the placeholders of masked values, the field of a pack entry that holds this library's
 * extensions, Palette's naming and presets conventions, the `apiVersion` of the install plan and
 * of the rollout document, and the lockfile's `lockfileVersion`.
 * Reading, importing, exporting and comparing documents are on the package's main entry point.
 */
export {
  DISPLAY_NAME_SEPARATOR,
  EXTENSIONS_FIELD,
  MASKED_EXPRESSION,
  MASKED_SENSITIVE,
  PRESETS_COMMENT,
  PROFILE_DOCUMENT_API_VERSION,
  PROFILE_DOCUMENT_KIND,
} from './profile-document';
export { INSTALL_PLAN_API_VERSION } from '../cluster/install-plan-document';
export { ROLLOUT_API_VERSION } from '../fleet/rollout-document';
export { LOCKFILE_VERSION } from '../pack/lockfile';
