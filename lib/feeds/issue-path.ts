// A valibot issue as the readers' refusal: the first problem, its path written as the pack reader writes
// paths (`packs[2].url`), its message in words.
import type { BaseIssue } from 'valibot';
import { joinPath, type ReadProblem } from '../validation/problem';

export function problemOfIssue(issue: BaseIssue<unknown>, base = ''): ReadProblem {
  let path = base;
  for (const item of issue.path ?? []) {
    const key = item.key;
    path = joinPath(path, typeof key === 'number' ? key : String(key));
  }
  return { path, message: issue.message };
}
