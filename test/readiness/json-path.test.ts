import { evaluateJsonPath, parseJsonPath } from '../../lib/readiness/json-path';

const object = {
  status: {
    phase: 'Running',
    readyReplicas: 3,
    conditions: [
      { type: 'Ready', status: 'True' },
      { type: 'Synced', status: 'False' },
    ],
  },
  metadata: { annotations: { 'example.com/ready': 'yes' } },
};

function select(path: string): unknown[] {
  const parsed = parseJsonPath(path);
  if ('problem' in parsed) throw new Error(parsed.problem);
  return evaluateJsonPath(object, parsed.segments);
}

describe('JSONPath of readiness gates', () => {
  it.each([
    ['.status.phase', ['Running']],
    ['{.status.readyReplicas}', [3]],
    ['$.status.conditions[1].type', ['Synced']],
    ['.status.conditions[?(@.type=="Ready")].status', ['True']],
    [".metadata.annotations['example.com/ready']", ['yes']],
    ['.status.missing', []],
  ])('selects %s', (path, expected) => {
    expect(select(path)).toEqual(expected);
  });

  it.each([
    ['', 'is empty'],
    ['status.phase', 'expects "." or "[" at character 1 of "status.phase"'],
    ['.status[', 'expects [index], [\'field\'] or [?(@.field=="value")] at character 8 of ".status["'],
    ['.status..phase', 'expects a field name after "." at character 8 of ".status..phase"'],
  ])('fails on %j: %s', (path, problem) => {
    expect(parseJsonPath(path)).toEqual({ problem });
  });
});
