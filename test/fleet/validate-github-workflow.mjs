// Checks a GitHub Actions workflow (YAML on stdin) with GitHub's own workflow parser and schema
// (@actions/workflow-parser, the parser of GitHub's Actions language server) and prints the
// errors as a JSON array. A separate process, since the package is ESM with JSON imports that
// only tsx's loader (node --import tsx) resolves.
import * as fs from 'fs';
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';

const content = fs.readFileSync(0, 'utf8');
const result = parseWorkflow({ name: 'workflow.yml', content }, new NoOperationTraceWriter());
const errors = result.context.errors.getErrors().map((e) => e.message);
if (result.value && errors.length === 0) {
  const template = await convertWorkflowTemplate(result.context, result.value);
  for (const e of template.errors ?? []) errors.push(e.Message ?? e.message ?? JSON.stringify(e));
}
process.stdout.write(JSON.stringify([...new Set(errors)]));
