import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as vm from 'vm';
import Ajv from 'ajv';
import { parse } from 'yaml';

/**
 * The errors GitHub's workflow parser finds in a workflow (none when it is valid): the schema
 * of @actions/workflow-parser (workflow-v1.0.json), which GitHub's Actions language server
 * checks workflows with.
 */
export function githubWorkflowErrors(workflow: string): string[] {
  const script = path.join(__dirname, 'validate-github-workflow.mjs');
  const output = execFileSync(process.execPath, ['--import', 'tsx', script], { input: workflow, encoding: 'utf8', cwd: path.join(__dirname, '..', '..') });
  return JSON.parse(output);
}

let gitlabValidator: ReturnType<Ajv['compile']> | undefined;

/**
 * The errors GitLab's CI JSON schema (`ci.json`, draft-07) finds in a pipeline, by instance
 * path (none when it is valid). No npm package ships the schema as a file; gitlab-ci-local (a
 * devDependency, pinned) bundles it verbatim as an object literal, marked by the schema's own
 * `$schema` and `$id`, into its dist/index.js, and this reads it from there.
 */
export function gitlabPipelineErrors(pipeline: string): string[] {
  gitlabValidator ??= new Ajv({ strict: false, allErrors: true, validateFormats: false }).compile(gitlabSchema());
  if (gitlabValidator(parse(pipeline))) return [];
  return (gitlabValidator.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}${e.params && 'additionalProperty' in e.params ? ` (${e.params.additionalProperty})` : ''}`);
}

/** GitLab's CI schema, read from gitlab-ci-local's bundle. */
export function gitlabSchema(): Record<string, any> {
  const bundle = fs.readFileSync(require.resolve('gitlab-ci-local/dist/index.js'), 'utf8');
  const start = bundle.indexOf('{$schema:"http://json-schema.org/draft-07/schema#",$id:"https://gitlab.com/.gitlab-ci.yml"');
  if (start < 0) throw new Error('gitlab-ci-local no longer bundles the GitLab CI schema where this expects it; pin the version that does');
  const literal = bundle.slice(start, endOfLiteral(bundle, start) + 1);
  // The literal holds only strings, numbers, booleans (!0, !1), objects and arrays: data, run in
  // an empty context with a time limit.
  return vm.runInNewContext(`(${literal})`, {}, { timeout: 1000 });
}

/** The index of the brace that closes the object literal opening at `start`, skipping strings. */
function endOfLiteral(text: string, start: number): number {
  let depth = 0;
  let quote: string | undefined;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'" || c === '`') quote = c;
    else if (c === '{' || c === '[') depth++;
    else if ((c === '}' || c === ']') && --depth === 0) return i;
  }
  throw new Error('the GitLab CI schema literal in gitlab-ci-local does not end');
}
