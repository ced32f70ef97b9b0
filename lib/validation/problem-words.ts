// A refusal said as a player would read it: what is wrong in words first, the exact path after it as
// detail. `This backup is damaged: a completion time is not an integer (entries.progress.…completedAt).`
import type { PathKey, ReadProblem } from './problem';

/** The steps of a path as `joinPath` writes it: `tracks[0].milestones["a b"].end` → `tracks`, 0, `milestones`, `a b`, `end`. */
export function pathKeys(path: string): PathKey[] {
  const keys: PathKey[] = [];
  const step = /(?:^|\.)([A-Za-z_][\w-]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/y;
  while (step.lastIndex < path.length) {
    const at = step.lastIndex;
    const match = step.exec(path);
    if (!match || step.lastIndex === at) return keys;
    if (match[1] !== undefined) keys.push(match[1]);
    else if (match[2] !== undefined) keys.push(Number(match[2]));
    else keys.push(JSON.parse(match[3]!) as string);
  }
  return keys;
}

/** `a completion time` + `not an integer` → `a completion time is not an integer`. */
function clause(subject: string, message: string): string {
  if (/^(not |missing|larger |smaller |empty|too |unknown|unsupported|made by )/.test(message)) return `${subject} is ${message}`;
  if (/^(must |does |lists |is |has |appears )/.test(message)) return `${subject} ${message}`;
  return `${subject}: ${message}`;
}

const FIELD_WORDS: Record<string, string> = {
  id: 'id',
  name: 'name',
  title: 'title',
  role: 'role',
  points: 'points',
  goal: 'goal',
  start: 'start',
  end: 'end',
  text: 'text',
  notes: 'notes',
  dailyReset: 'daily reset',
  format: 'format',
  version: 'version',
  tracks: 'list of tracks',
  milestones: 'list of milestones',
  objectives: 'list of objectives',
  rewards: 'rewards',
  requirements: 'requirements',
  sources: 'sources',
  server: 'server event (IMS)',
  solo: 'solo event (SMS)',
};

const ITEM_WORDS: Record<string, string> = {
  tracks: 'track',
  milestones: 'milestone',
  objectives: 'objective',
  rewards: 'reward',
  requirements: 'requirement',
  sources: 'source',
};

/** `tracks[0].milestones[3].end` → `the end of milestone 4 of track 1`; empty for the whole pack. */
export function packPart(keys: readonly PathKey[]): string {
  const owners: string[] = [];
  let field: string | undefined;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const next = keys[i + 1];
    if (typeof key === 'string' && typeof next === 'number' && ITEM_WORDS[key]) {
      owners.unshift(`${ITEM_WORDS[key]} ${next + 1}`);
      field = undefined;
      i++;
    } else if (key === 'server' || key === 'solo') {
      owners.unshift(`the ${FIELD_WORDS[key]}`);
      field = undefined;
    } else if (typeof key === 'string') {
      field = FIELD_WORDS[key] ?? key;
    }
  }
  if (field === 'text' && owners.length > 0) field = undefined;
  if (field === undefined) return owners.length === 0 ? '' : [owners[0]!, ...owners.slice(1)].join(' of ');
  return owners.length === 0 ? `the pack's ${field}` : `the ${field} of ${owners.join(' of ')}`;
}

const detail = (problem: ReadProblem): string => (problem.path ? ` (${problem.path})` : '');

/** `Not imported: the end of milestone 4 of track 1 is not a date (tracks[0].milestones[3].end). Nothing was changed.` */
export function packRefusal(problem: ReadProblem): string {
  const part = packPart(pathKeys(problem.path));
  const what = part === '' ? problem.message : clause(part, problem.message);
  return `Not imported: ${what}${detail(problem)}. Nothing was changed.`;
}

/** What a step of a backup's path is, in words, for the first one that names something a player knows. */
function backupPart(keys: readonly PathKey[]): string {
  const [top, section, , ...rest] = keys;
  const tail = keys.at(-1);
  if (top === 'format') return 'its format';
  if (top === 'exportedAt') return 'the time it was made';
  if (top !== 'entries') return '';
  switch (section) {
    case 'settings':
      if (keys[2] === 'notifications') return 'a notification setting';
      if (keys[2] === 'packs' && tail === 'dailyReset') return `the daily reset you set for the pack “${String(keys[3])}”`;
      if (keys[2] === 'packs' && tail === 'followedTrackId') return `the followed track of the pack “${String(keys[3])}”`;
      return 'the settings';
    case 'progress':
      if (tail === 'completedAt') return 'a completion time';
      if (keys.at(-3) === 'objectives' || keys.at(-2) === 'objectives') return 'the time an objective was checked';
      if (tail === 'points') return 'the server points you recorded';
      if (tail === 'seenAt') return 'the time you saw the server points';
      return 'the recorded progress';
    case 'packIndex':
      return 'the list of packs';
    case 'packs': {
      const pack = keys[2];
      if (pack === undefined) return 'the packs';
      const part = packPart(rest);
      return part === '' ? `the pack “${String(pack)}”` : `${part} in the pack “${String(pack)}”`;
    }
    case 'feeds':
      return 'a feed';
    default:
      return 'a part of it';
  }
}

/** `This backup is damaged: a completion time is not an integer (entries.…completedAt). Nothing was changed.` */
export function backupRefusal(problem: ReadProblem): string {
  const keys = pathKeys(problem.path);
  if (/^made by a newer version/.test(problem.message)) {
    return `Not restored: this backup was made by a newer version of the extension; update the extension first${detail(problem)}. Nothing was changed.`;
  }
  if (keys[0] === 'format' || problem.path === '') {
    return `Not restored: this is not a backup of this extension, or it is damaged: ${problem.message}${detail(problem)}. Nothing was changed.`;
  }
  const part = backupPart(keys);
  return `This backup is damaged: ${part === '' ? problem.message : clause(part, problem.message)}${detail(problem)}. Nothing was changed.`;
}
