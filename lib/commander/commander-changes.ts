// The changes a Commander makes to the Commanders (add, rename, remove, switch, follow a track, set the
// reset), as pure reducers. Apart from commanders.ts (what views read) so that a view's first paint loads
// no write code.
import { activeCommander, commanderById, MAX_COMMANDER_NAME, MAX_COMMANDERS, MAX_SERVER_LABEL, type Commander, type CommanderReset, type Commanders } from './commanders';

function withCommander(commanders: Commanders, id: string, change: (commander: Commander) => Commander): Commanders {
  return { ...commanders, list: commanders.list.map((c) => (c.id === id ? change(c) : c)) };
}

function labelled(commander: Commander, label: CommanderLabel): Commander {
  const { server: _old, ...rest } = commander;
  const server = label.server?.trim();
  return { ...rest, name: label.name.trim(), ...(server ? { server } : {}) };
}

/** Follows `trackId` in `packId` for one Commander; undefined follows none. */
export function withFollowedTrack(commanders: Commanders, commanderId: string, packId: string, trackId: string | undefined): Commanders {
  return withCommander(commanders, commanderId, (c) => {
    const tracks = { ...c.tracks };
    if (trackId === undefined) delete tracks[packId];
    else tracks[packId] = trackId;
    return { ...c, tracks };
  });
}

/** Every Commander stops following anything in `packId` (the pack was removed). */
export function withoutPack(commanders: Commanders, packId: string): Commanders {
  const list = commanders.list.map((c) => {
    if (!Object.hasOwn(c.tracks, packId)) return c;
    const tracks = { ...c.tracks };
    delete tracks[packId];
    return { ...c, tracks };
  });
  return { ...commanders, list };
}

/** The next free id: one above the highest `c<N>` in use. */
export function nextCommanderId(commanders: Commanders): string {
  const numbers = commanders.list.map((c) => /^c(\d+)$/.exec(c.id)?.[1]).map((n) => (n === undefined ? 0 : Number(n)));
  return `c${Math.max(0, ...numbers) + 1}`;
}

export interface CommanderLabel {
  name: string;
  server?: string | undefined;
}

/** Why a name or server label cannot be stored, in the player's words; undefined when it can. */
export function commanderLabelProblem(commanders: Commanders, label: CommanderLabel, ignoreId?: string): string | undefined {
  const name = label.name.trim();
  if (name === '') return 'Give the Commander a name.';
  if (name.length > MAX_COMMANDER_NAME) return `A name can have at most ${MAX_COMMANDER_NAME} characters.`;
  if ((label.server ?? '').trim().length > MAX_SERVER_LABEL) return `A server label can have at most ${MAX_SERVER_LABEL} characters.`;
  const taken = commanders.list.some((c) => c.id !== ignoreId && c.name.toLowerCase() === name.toLowerCase());
  if (taken) return `You already have a Commander named “${name}”.`;
  return undefined;
}

/** Adds a Commander following the same tracks as the active one (packs are shared), or says why not. */
export function withCommanderAdded(commanders: Commanders, label: CommanderLabel): { ok: true; commanders: Commanders; id: string } | { ok: false; problem: string } {
  if (commanders.list.length >= MAX_COMMANDERS) return { ok: false, problem: `You have ${MAX_COMMANDERS} Commanders, the most this extension keeps.` };
  const problem = commanderLabelProblem(commanders, label);
  if (problem) return { ok: false, problem };
  const id = nextCommanderId(commanders);
  const added = labelled({ id, name: '', tracks: { ...activeCommander(commanders).tracks } }, label);
  return { ok: true, id, commanders: { ...commanders, list: [...commanders.list, added] } };
}

export function withCommanderRenamed(commanders: Commanders, id: string, label: CommanderLabel): { ok: true; commanders: Commanders } | { ok: false; problem: string } {
  const problem = commanderLabelProblem(commanders, label, id);
  if (problem) return { ok: false, problem };
  return { ok: true, commanders: withCommander(commanders, id, (c) => labelled(c, label)) };
}

/** Without Commander `id`; the last one stays (there is always one). The active one moves to the first left. */
export function withoutCommander(commanders: Commanders, id: string): Commanders {
  const list = commanders.list.filter((c) => c.id !== id);
  if (list.length === 0 || list.length === commanders.list.length) return commanders;
  return { activeId: commanders.activeId === id ? list[0]!.id : commanders.activeId, list };
}

/** Sets (or, with undefined, clears) a Commander's daily reset; the caller checks it first (lib/backup/reader.ts has the rules). */
export function withCommanderReset(commanders: Commanders, id: string, reset: CommanderReset | undefined): Commanders {
  return withCommander(commanders, id, (c) => {
    const { reset: _old, ...rest } = c;
    return reset ? { ...rest, reset: { time: reset.time, zone: reset.zone } } : rest;
  });
}

export function withActiveCommander(commanders: Commanders, id: string): Commanders {
  return commanderById(commanders, id) ? { ...commanders, activeId: id } : commanders;
}
