export { WorkflowModule } from './workflow.module';
export { WorkflowService, type AppliedTransition } from './workflow.service';
export type { TransitionCommand } from './transition-command';
