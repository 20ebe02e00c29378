import { RequestView } from '@liaison/requests';

export class TransitionResultView extends RequestView {
  warnings!: string[];
}
