import { PackLayer } from '../layer/pack-layer';
import type { Profile } from '../profile/profile';
import { mergeValues } from '../values/merge';
import { canonicalYaml } from '../values/yaml';
import { canonicalJson, PaletteOrigin, RememberedEntry } from './palette-origin';
import { definedFields, DISPLAY_NAME_SEPARATOR, EXTENSIONS_FIELD, PackEntry, PRESETS_COMMENT, ProfileDocument } from './profile-document';
import { extensionsOf, packPath, readLayerValues } from './read-document';

/**
 * The document of a profile imported from a Palette document, in Palette's shape: the document as
 * Palette wrote it (labels, `cloudType`, registry metadata, `uid`s, `type`s, tags, names, values
 * text byte for byte), with what changed since the import written over it. A layer or variable
 * still declared as imported is written exactly as given; one that changed, or was added, is
 * written from this library's entry `own` with Palette's meaning of values: a pack's whole
 * values (its defaults, the chosen presets and the layer's values, merged), not what differs.
 *
 * @param own the profile as this library's document (exportProfile with format "library")
 */
export function paletteDocument(profile: Profile, own: ProfileDocument, origin: PaletteOrigin): ProfileDocument {
  const given = origin.document;
  const packs = own.spec.template.packs.map((entry, i) => paletteEntry(profile.layers[i], entry, origin.layers.get(entry.name)));
  const variables = (own.spec.variables ?? []).map((v) => unchangedOr(origin.variables.get(v.name), v));
  const { description: _description, ...metadata } = given.metadata;
  return {
    ...given,
    metadata: { ...metadata, ...definedFields({ description: own.metadata.description }) },
    spec: {
      ...given.spec,
      version: own.spec.version,
      template: { ...given.spec.template, type: own.spec.template.type, packs },
      ...(given.spec.variables !== undefined || variables.length > 0 ? { variables } : {}),
    },
  };
}

/** What was given, when this library still writes what it wrote right after import; else `own`. */
function unchangedOr<T>(remembered: RememberedEntry<T> | undefined, own: T): T {
  return remembered && remembered.imported === canonicalJson(own) ? remembered.given : own;
}

function paletteEntry(layer: Profile['layers'][number], own: PackEntry, remembered: RememberedEntry<PackEntry> | undefined): PackEntry {
  const unchanged = unchangedOr(remembered, own);
  if (unchanged !== own) return unchanged;
  const { pack, ...extensions } = extensionsOf(own);
  // Palette names a pack on a layer of another name `<display-name>--<pack>`.
  const name = pack !== undefined ? `${own.name}${DISPLAY_NAME_SEPARATOR}${pack}` : own.name;
  const values = layer instanceof PackLayer ? wholeValues(layer, own) : own.values;
  const written = definedFields({ ...own, name, values, [EXTENSIONS_FIELD]: Object.keys(extensions).length > 0 ? extensions : undefined });
  if (!remembered) return written;
  // Palette's fields of the entry stay (type, registry metadata, uid, ...); what the layer says now goes over them.
  const { [EXTENSIONS_FIELD]: _extensions, ...given } = remembered.given;
  const { type: _type, registry: _registry, ...current } = written;
  return { ...given, ...current };
}

/** A pack layer's whole values as Palette keeps them: defaults, presets and the layer's values merged; presets comment first. */
function wholeValues(layer: PackLayer, own: PackEntry): string {
  const read = readLayerValues(own, packPath(0));
  const merged = mergeValues([...(layer.toSpec().baseValues ?? []), { source: 'layer', values: read.values }]).values;
  const comment = read.presets.length > 0 ? `${PRESETS_COMMENT} ${read.presets.map((p) => (p.group ? `${p.group}:${p.name}` : p.name)).join(',')}\n` : '';
  return comment + (Object.keys(merged).length > 0 ? canonicalYaml(merged) : '');
}
