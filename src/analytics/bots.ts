/**
 * Which beacon requests come from crawlers and other automated clients, whose "views" are not
 * readers': isbot's list of known bots, and any request without a user agent (browsers always
 * send one).
 */
import { isbot } from 'isbot';

/**
 * isbot's pattern is one long alternation (tens of microseconds a string in a profile of the
 * ingest bench), while the user agents a site sees repeat endlessly: answers are remembered.
 */
const answers = new Map<string, boolean>();
const MAX_REMEMBERED = 5000;

export function isAutomatedClient(userAgent: string | null | undefined): boolean {
  if (userAgent === null || userAgent === undefined || userAgent.trim() === '') return true;
  let answer = answers.get(userAgent);
  if (answer === undefined) {
    answer = isbot(userAgent);
    if (answers.size >= MAX_REMEMBERED) answers.clear();
    answers.set(userAgent, answer);
  }
  return answer;
}
