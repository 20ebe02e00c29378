import { ProblemException } from '@liaison/platform';

/** 409: the person's identity was destroyed; nothing of it can be edited or purged again. */
export const personPurged = () => new ProblemException(409, 'person-purged', "This person's identity has been purged");
