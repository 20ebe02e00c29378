import { EXTRADITION_WORKFLOW } from './definitions/extradition';
import { MLA_WORKFLOW } from './definitions/mla';
import { REPATRIATION_WORKFLOW } from './definitions/repatriation';
import type { RequestKind } from './request-kind';
import type { WorkflowDefinition } from './workflow-definition';

const WORKFLOWS: Readonly<Record<RequestKind, WorkflowDefinition>> = {
  mla: MLA_WORKFLOW,
  extradition: EXTRADITION_WORKFLOW,
  repatriation: REPATRIATION_WORKFLOW,
};

export function workflowOf(kind: RequestKind): WorkflowDefinition {
  return WORKFLOWS[kind];
}
