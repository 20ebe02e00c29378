export { expectNoSeriousAxeViolations } from './accessibility';
export { VIEWPORT, type ConsoleBrowser } from './browser';
export { screenshot, SCREENSHOTS } from './screenshot';
export { labelled, signIn } from './sign-in';
export { type StackClient } from './stack-client';
export { DEMO_PASSWORD, startWebStack, type WebStack, type WebStackOptions } from './web-stack';
