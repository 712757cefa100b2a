import * as fs from 'fs';
import * as path from 'path';
import { App } from 'cdktf';
import { quickstart } from '../examples/quickstart/app';
import { installGraphMermaid, installPlanTables, readInstallPlans } from '../lib/cli/plan';
import { tempDir } from './helpers';

/**
 * The README's sample outputs are what the code prints: each sits in a fenced block after a
 * `<!-- generated: <name> -->` marker, and this test compares them with a fresh synth of the
 * quickstart. `UPDATE_README=1 npx jest test/readme` rewrites them.
 */
const README = path.join(__dirname, '..', 'README.md');

function quickstartOutputs(): Record<string, { fence: string; text: string }> {
  const outdir = tempDir('readme-');
  try {
    const app = new App({ outdir });
    quickstart(app);
    app.synth();
    const plans = readInstallPlans(outdir);
    return {
      'quickstart-plan': { fence: '```', text: installPlanTables(plans) },
      'quickstart-graph': { fence: '```mermaid', text: installGraphMermaid(plans) },
    };
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

/** The README with the block after each marker replaced by `outputs`. */
function withOutputs(readme: string, outputs: Record<string, { fence: string; text: string }>): string {
  let text = readme;
  for (const [name, { fence, text: body }] of Object.entries(outputs)) {
    const marker = `<!-- generated: ${name} -->\n`;
    const start = text.indexOf(marker);
    if (start < 0) throw new Error(`README.md has no ${marker.trim()} marker`);
    const open = start + marker.length;
    const close = text.indexOf('\n```\n', open);
    text = `${text.slice(0, open)}${fence}\n${body}${text.slice(close + 1)}`;
  }
  return text;
}

describe('README.md', () => {
  it('shows the install plan and the install graph the quickstart prints', () => {
    const readme = fs.readFileSync(README, 'utf8');
    const expected = withOutputs(readme, quickstartOutputs());
    if (process.env.UPDATE_README === '1') fs.writeFileSync(README, expected);
    expect(readme).toBe(expected);
  });

  it('shows the jest configuration examples/user-tests runs with', () => {
    const readme = fs.readFileSync(README, 'utf8');
    const start = readme.indexOf('```js\n', readme.indexOf('Its `jest.config.js`:'));
    const block = readme.slice(start + '```js\n'.length, readme.indexOf('```\n', start + 5));
    const config = fs.readFileSync(path.join(__dirname, '..', 'examples', 'user-tests', 'jest.config.js'), 'utf8');
    const settings = block.split('\n').map((l) => l.replace(/\s*\/\/.*$/, '').trim()).filter((l) => /^[a-zA-Z]+:/.test(l));
    expect(settings.length).toBeGreaterThan(3);
    expect(settings.filter((l) => !config.includes(l))).toEqual([]);
  });
});
