import { IConstruct } from 'constructs';
import { ProfileError } from './errors';
import { duplicateConstructId } from './diagnostics';

/**
 * Two constructs with one id under one scope. constructs says only "There is already a Construct
 * with name 'packs' in App", which names neither; a stack and the pack catalog both called
 * `packs` is the usual case. These two checks say which of ours clashes, and how to rename.
 */

/**
 * Fails, before one of our constructs is made, when `scope` already has a child of that id.
 * @param kind what is being made, as the message says it: `PackCatalog`, `profile`, `layer`
 */
export function checkFreeId(scope: IConstruct, id: string, kind: string): void {
  const existing = scope.node.tryFindChild(id);
  if (existing) ProfileError.throw(clash(scope, id, kind, kindOf(existing) ?? existing.constructor.name));
}

/**
 * Marks `construct` as ours, and makes its scope refuse, with our message, any later child of
 * the same id (a `TerraformStack` named like the catalog, say). constructs offers no hook for
 * this, so the scope's `addChild` is wrapped once; if a constructs release renames it, the
 * wrapper is simply not installed and constructs' own message remains.
 */
export function guardId(construct: IConstruct, kind: string): void {
  Object.defineProperty(construct, KIND, { value: kind });
  const scope = construct.node.scope;
  if (!scope) return;
  const node = scope.node as unknown as { addChild?: (child: IConstruct, name: string) => void; [GUARDED]?: true };
  if (node[GUARDED] || typeof node.addChild !== 'function') return;
  const addChild = node.addChild;
  Object.defineProperty(node, GUARDED, { value: true });
  node.addChild = function (this: unknown, child: IConstruct, name: string) {
    const existing = scope.node.tryFindChild(name);
    const existingKind = existing && kindOf(existing);
    if (existingKind) ProfileError.throw(clash(scope, name, child.constructor.name, existingKind));
    return addChild.call(this, child, name);
  };
}

function clash(scope: IConstruct, id: string, kind: string, existingKind: string) {
  const where = scope.node.path === '' ? 'the App' : scope.node.path;
  return duplicateConstructId(scope.node.path === '' ? id : `${scope.node.path}/${id}`, where, id, kind, existingKind, `${id}-${suffix(kind)}`);
}

/** A suffix that makes a suggested id say what the construct is. */
function suffix(kind: string): string {
  if (kind === 'PackCatalog') return 'catalog';
  if (/Stack$/.test(kind)) return 'stack';
  return /^[a-z]+$/.test(kind.toLowerCase()) ? kind.toLowerCase() : '2';
}

function kindOf(construct: IConstruct): string | undefined {
  return (construct as { [KIND]?: string })[KIND];
}

const KIND = Symbol.for('cdktf-cluster-profiles.ConstructKind');
const GUARDED = Symbol.for('cdktf-cluster-profiles.IdsGuarded');
