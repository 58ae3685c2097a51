/** The server's FORBIDDEN answer to a record write, said for the person who tried it. */
import type { GraphQLRequestError } from '../api/graphql-client.js';

type Action = 'create' | 'update' | 'delete' | 'share';

const VERBS: Record<Action, string> = { create: 'create', update: 'change', delete: 'delete', share: 'share' };

/** "You may not change this opportunity: <the server's reason>. Ask an administrator if you need to." */
export function forbiddenText(error: Pick<GraphQLRequestError, 'message'>, action: Action, entityLabel: string): string {
  const what = action === 'create' ? `create ${article(entityLabel)} ${entityLabel.toLowerCase()}` : `${VERBS[action]} this ${entityLabel.toLowerCase()}`;
  const reason = error.message.trim().replace(/\.$/, '');
  return `You may not ${what}${reason ? `: ${reason}` : ''}. Ask an administrator if you need to.`;
}

const article = (word: string) => (/^[aeiou]/i.test(word) ? 'an' : 'a');
