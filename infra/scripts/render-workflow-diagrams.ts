// Writes docs/workflows/<kind>.md from the workflow definitions in libs/domain; a domain spec fails when the
// committed files fall behind. Run: node -r @swc-node/register infra/scripts/render-workflow-diagrams.ts
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { REQUEST_KINDS, renderWorkflowDocument, workflowDocumentPath } from '../../libs/domain/src/workflows';

const root = join(__dirname, '..', '..');

for (const kind of REQUEST_KINDS) {
  const path = join(root, workflowDocumentPath(kind));
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, renderWorkflowDocument(kind));
  console.log(`wrote ${workflowDocumentPath(kind)}`);
}
