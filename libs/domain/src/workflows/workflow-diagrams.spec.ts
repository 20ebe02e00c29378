import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderMermaid } from './render-mermaid';
import { renderWorkflowDocument, workflowDocumentPath } from './render-workflow-document';
import { REQUEST_KINDS } from './request-kind';

const REPOSITORY_ROOT = join(__dirname, '..', '..', '..', '..');
const REGENERATE = 'node -r @swc-node/register infra/scripts/render-workflow-diagrams.ts';

describe.each(REQUEST_KINDS)('the committed %s diagram', (kind) => {
  const committed = readFileSync(join(REPOSITORY_ROOT, workflowDocumentPath(kind)), 'utf8');

  it(`matches the workflow definition (regenerate with: ${REGENERATE})`, () => {
    expect(committed).toBe(renderWorkflowDocument(kind));
  });

  it('contains the Mermaid state diagram', () => {
    expect(committed).toContain(`\`\`\`mermaid\n${renderMermaid(kind)}\`\`\``);
  });
});

describe('Mermaid rendering', () => {
  const mla = renderMermaid('mla');

  it('draws a state diagram from the initial state to the final ones', () => {
    expect(mla.startsWith('stateDiagram-v2\n')).toBe(true);
    expect(mla).toContain('  [*] --> draft\n');
    for (const final of ['closed', 'refused', 'withdrawn']) expect(mla).toContain(`  ${final} --> [*]\n`);
  });

  it('labels each edge with the event and who may send it', () => {
    expect(mla).toContain('  under_review --> transmitted : approve (requesting SUPERVISOR)\n');
    expect(mla).toContain('  received --> awaiting_information : request_information (requested OFFICER/SUPERVISOR)\n');
  });

  it('draws events open to any non-final state from one group node', () => {
    expect(mla).toContain('  state "any non-final state" as any_non_final\n');
    expect(mla).toContain('  any_non_final --> withdrawn : withdraw (requesting SUPERVISOR)\n');
  });

  it('draws each branch of a conditional event and each return to a previous state', () => {
    expect(renderMermaid('extradition')).toContain(
      '  judicial_proceedings --> refused : record_court_decision, not extraditable (requested OFFICER)\n',
    );
    expect(mla).toContain(
      '  awaiting_information --> in_execution : provide_information, back to the previous state (requesting OFFICER)\n',
    );
    expect(renderMermaid('repatriation')).toContain(
      '  halted --> any_active : resume, back to the previous state (halting SUPERVISOR)\n',
    );
  });
});
