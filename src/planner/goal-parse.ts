import { goalObjectRefs, type Goal } from '../scene/schema.ts';
import type { SceneObservation } from '../perception/observation.ts';

/** The goals robotool understands without a model, with examples. */
export const SUPPORTED_GOALS = [
  'grasp X (arm): "grasp the milk", "pick up the can", "get me the milk carton"',
  'press X, or press X with Y (arm): "press the button", "press the button with the magnetic cubes"',
  'bring X within reach / to the robot (arm): "bring the milk within reach", "pull the milk closer"',
  'put X on Y: "put the can on the paper", "place the cushion onto the sofa"',
  'push X to / next to Y: "push box_1 next to box_2", "slide the cushion against the sofa"',
  'stand on / get onto / climb onto X (quadruped): "stand on sofa_2", "hop on the sofa"',
  'put X on the ground (safely): "put the vase on the floor without breaking it", "push the vase off the sofa"',
];

/** A command robotool cannot turn into a goal without a model, with what it supports and how to get more. */
export class GoalParseError extends Error {
  override readonly name = 'GoalParseError';
  constructor(message: string) {
    super(
      `${message}\nWithout a language model robotool understands these goals:\n${SUPPORTED_GOALS.map((g) => `  - ${g}`).join('\n')}\n` +
        'For open-ended commands configure an OpenAI-compatible model: set ROBOTOOL_LLM_BASE_URL, ROBOTOOL_LLM_MODEL ' +
        '(and OPENAI_API_KEY if the server needs one), then run with --planner llm.',
    );
  }
}

type Robot = SceneObservation['robot']['kind'];

/** What a form read from the command: the goal's type and the phrases that name its objects. */
interface Reading {
  type: Goal['type'];
  object: string;
  /** Second object: the support (on), the target (near) or the tool (pressed … with). */
  other?: string;
  /** Only a reading when the object is a button ("push the button"). */
  buttonOnly?: boolean;
}

interface Form {
  robots: readonly Robot[];
  re: RegExp;
  read: (m: RegExpExecArray) => Reading;
}

// Verb groups. Every form is matched against the whole normalised command (see normalise).
const PLACE = '(?:put|place|set|lay|stand|stack|move|get|bring|carry|take|push|slide|shove|drag|lift|drop|position)';
const PUSH = '(?:push|slide|shove|move|drag|nudge|bring|put|place|set|get|take|carry|position)';
const REACH_VERB = '(?:bring|pull|get|move|drag|fetch|draw|slide|take|carry)';
const GRASP = '(?:grasp|grab|grip|pick up|pick|take hold of|take|fetch|get|hold|lift|retrieve|collect|seize|clutch|hand|give)';
const PRESS = '(?:press|push down on|push down|push in|press down on|press down|depress|hit|activate|tap|ring|trigger|punch)';
const STAND =
  '(?:stand|get|climb|clamber|hop|jump|step|go|walk|move|sit|land|end up|stay|be|go up|get up|climb up|jump up|hop up|step up|travel|head|make your way|make it)';
const ONTO = '(?:onto|on to|on top of|on|upon|atop|up on|up onto|into)';
const GROUND = '(?:the )?(?:ground|floor)';
/** Where a thing is brought within reach: the robot, the person, closer. */
const TO_ROBOT = '(?:to me|to us|to you|to yourself|to the robot|towards? (?:me|you|the robot)|closer(?: to (?:me|you|the robot))?|nearer|here|over here|(?:with)?in (?:my |your |the robot s |the )?reach|into (?:my |your |the )?reach)';
/** Beside a target. */
const BESIDE = '(?:next to|beside|alongside|against|up against|near|close to|right next to|by|to|toward|towards|up to|over to)';

const FORMS: Form[] = [
  // "get onto the sofa", "climb on top of sofa_2", "hop on the sofa": the robot goes somewhere.
  {
    robots: ['quadruped'],
    re: new RegExp(`^${STAND}(?: over| across| all the way)? ${ONTO} (.+)$`),
    read: (m) => ({ type: 'robot-on', object: m[1]! }),
  },
  { robots: ['quadruped'], re: /^(?:climb|mount|scale|reach|ascend|board|summit)(?: up)? (.+)$/, read: (m) => ({ type: 'robot-on', object: m[1]! }) },
  {
    robots: ['quadruped'],
    re: /^(?:go|walk|move|cross|traverse|travel|head|get|make your way|make it)(?: over| across)? (?:to|across to|over to|onto) (.+)$/,
    read: (m) => ({ type: 'robot-on', object: m[1]! }),
  },
  // "bring the milk within reach", "pull the milk closer", "bring me the milk".
  { robots: ['arm'], re: new RegExp(`^${REACH_VERB} (.+?) ${TO_ROBOT}$`), read: (m) => ({ type: 'within-reach', object: m[1]! }) },
  { robots: ['arm'], re: new RegExp(`^(?:bring|pull) (?:me|us) (.+?)(?: ${TO_ROBOT})?$`), read: (m) => ({ type: 'within-reach', object: m[1]! }) },
  // "press the button with the stick".
  { robots: ['arm'], re: new RegExp(`^${PRESS} (.+?) (?:with|using|by means of) (.+)$`), read: (m) => ({ type: 'pressed', object: m[1]!, other: m[2]! }) },
  { robots: ['arm'], re: new RegExp(`^(?:use|take|grab) (.+?) to ${PRESS} (.+)$`), read: (m) => ({ type: 'pressed', object: m[2]!, other: m[1]! }) },
  { robots: ['arm'], re: new RegExp(`^${PRESS} (.+)$`), read: (m) => ({ type: 'pressed', object: m[1]! }) },
  { robots: ['arm'], re: /^(?:push|poke|touch|hold down) (.+)$/, read: (m) => ({ type: 'pressed', object: m[1]!, buttonOnly: true }) },
  // "put the vase on the ground", "push the vase off the sofa onto the floor", "knock the vase down".
  {
    robots: ['arm', 'quadruped'],
    re: new RegExp(`^${PLACE}(?: down)? (.+?)(?: down| off)?(?: (?:off|from) (?:of )?.+?)? (?:down )?(?:on|onto|on to|to|down to|down on|down onto) ${GROUND}$`),
    read: (m) => ({ type: 'on-ground-intact', object: m[1]! }),
  },
  {
    robots: ['arm', 'quadruped'],
    re: /^(?:push|knock|get|take|bring|put|lower|nudge|slide|shove|tip) (.+?) (?:down|off)(?: (?:of |from )?.+)?$/,
    read: (m) => ({ type: 'on-ground-intact', object: m[1]! }),
  },
  {
    robots: ['arm', 'quadruped'],
    re: /^(?:push|knock|get|take|bring|nudge|slide|shove|tip) (?:down|off) (.+?)(?: (?:of|from) .+)?$/,
    read: (m) => ({ type: 'on-ground-intact', object: m[1]! }),
  },
  // "put the can on the paper", "place the cushion on top of the sofa".
  { robots: ['arm', 'quadruped'], re: new RegExp(`^${PLACE} (.+?) ${ONTO} (.+)$`), read: (m) => ({ type: 'on', object: m[1]!, other: m[2]! }) },
  // "push box_1 next to box_2", "slide the cushion against the sofa".
  { robots: ['arm', 'quadruped'], re: new RegExp(`^${PUSH} (.+?) ${BESIDE} (.+)$`), read: (m) => ({ type: 'near', object: m[1]!, other: m[2]! }) },
  // "grasp the milk", "get me the milk", "pick the can up", "I want the milk".
  { robots: ['arm'], re: /^(?:i want|i need|i d like|i would like|give me|hand me) (.+)$/, read: (m) => ({ type: 'grasped', object: m[1]! }) },
  { robots: ['arm'], re: new RegExp(`^${GRASP}(?: me| us)? (.+?)(?: up)?$`), read: (m) => ({ type: 'grasped', object: m[1]! }) },
];

const FILLER_START =
  /^(?:(?:please|kindly|robot|hey|ok|okay|now|then|and|so|just|go ahead and|go and|could you|can you|would you|will you|would you mind|i want you to|i d like you to|i would like you to|i need you to|try to|your task is to|the task is to|task|goal|you should|you must|let s|lets)\s+)+/;
const FILLER_END = /(?:\s+(?:please|now|for me|thanks|thank you|if you can|if possible|right away|quickly))+$/;
/** Manner words: every goal already requires what they ask (fragile objects unbroken, objects at rest). */
const MANNER =
  /\b(?:without (?:breaking|damaging|dropping|smashing|cracking|hurting) (?:it|them|the \w+)|gently|carefully|safely|softly|slowly|intact|in one piece|with care|unbroken|undamaged)\b/g;

/** Lower case, words only (underscores and digits kept), politeness and manner words removed. */
export function normalise(command: string): string {
  let t = command
    .toLowerCase()
    .replace(/[’']/g, ' ')
    .replace(/[^a-z0-9_]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  t = t.replace(MANNER, ' ').replace(/\s+/g, ' ').trim();
  for (let i = 0; i < 3; i++) t = t.replace(FILLER_START, '').replace(FILLER_END, '').trim();
  // "put it down … and" tails: "safely and" left over after a manner word was removed.
  return t.replace(/\s+(?:and|so)$/, '').trim();
}

const STOP = new Set(['the', 'a', 'an', 'of', 'on', 'top', 'it', 'that', 'this', 'these', 'those', 'is', 'side', 'and', 'my', 'your', 'some', 'one', 'ones', 'object', 'objects', 'thing', 'all', 'both', 'three', 'two', 'four', 'five', 'other']);
const ORDINAL: Record<string, string> = {
  first: '1',
  second: '2',
  third: '3',
  fourth: '4',
  fifth: '5',
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  '1st': '1',
  '2nd': '2',
  '3rd': '3',
  '4th': '4',
  '5th': '5',
};

/** Everyday words for the kinds of object scenes name, read as the scene's word. */
const SYNONYMS: Record<string, string> = { couch: 'sofa', settee: 'sofa', mug: 'cup', crate: 'box', block: 'cube', pillow: 'cushion', plank: 'board' };

/** A word without its plural ending ("boxes" → "box", "cubes" → "cube"; "glass" stays). */
function singular(w: string): string {
  if (w.length > 4 && /(?:ches|shes|xes|sses|zes)$/.test(w)) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (w.length > 2 && w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) return w.slice(0, -1);
  return w;
}

function words(text: string, numbered: boolean): string[] {
  return text
    .toLowerCase()
    .replace(/[_\-]/g, ' ')
    .replace(/([a-z])(\d)/g, '$1 $2')
    .replace(/[^a-z0-9 ]/g, ' ')
    .split(/\s+/)
    .filter((w) => w && !STOP.has(w))
    .map((w) => (numbered ? (ORDINAL[w] ?? w) : w))
    .map(singular);
}

/** Whether a phrase names several things ("the cubes", "all magnetic cubes"). */
function isPlural(phrase: string): boolean {
  const ws = phrase.toLowerCase().split(/[^a-z0-9_]+/).filter(Boolean);
  if (ws.some((w) => ['all', 'both', 'these', 'those', 'them'].includes(w))) return true;
  const last = ws.at(-1) ?? '';
  return last.length > 3 && singular(last) !== last;
}

/**
 * How well a phrase word names a name word: 1 when equal; a little less for a synonym, a prefix
 * ("bottles" for "bottle") or the end of a compound ("board" in "surfboard"), so that an exact
 * word wins a tie; 0 otherwise.
 */
function wordMatch(x: string, w: string): number {
  if (x === w) return 1;
  if (SYNONYMS[x] === w) return 0.9;
  if (x.length <= 3 || w.length <= 3) return 0;
  return x.startsWith(w) || w.startsWith(x) || w.endsWith(x) || (SYNONYMS[x] !== undefined && w.endsWith(SYNONYMS[x])) ? 0.9 : 0;
}

function scoreNames(phrase: string, names: readonly string[]): { n: string; score: number; hits: number }[] {
  const pw = words(phrase, true);
  return names
    .map((n) => {
      const nw = words(n, false);
      const matches = nw.map((w) => Math.max(0, ...pw.map((x) => wordMatch(x, w))));
      const hits = matches.filter((m) => m > 0).length;
      return { n, score: matches.reduce((a, b) => a + b, 0) / nw.length, hits };
    })
    .filter((s) => s.hits > 0)
    .sort((a, b) => b.score - a.score || b.hits - a.hits);
}

/**
 * Finds the object a phrase names: exact name first, then the best word overlap; ambiguity is an
 * error. `notThis` is what "the other …" excludes (the surface the robot stands on, the object
 * already named).
 */
export function resolveObject(phrase: string, names: readonly string[], notThis: readonly string[] = []): string {
  const p = phrase.trim().toLowerCase().replace(/[.!?]+$/, '');
  // A name written out exactly ("sofa_2", "Box_1") wins; otherwise the best word overlap.
  const exact = names.find((n) => new RegExp(`(?:^|[^a-z0-9_])${n.toLowerCase()}(?:$|[^a-z0-9_])`).test(p));
  if (exact) return exact;
  const scored = scoreNames(p, names);
  const best = scored[0];
  if (!best) throw new GoalParseError(`"${phrase.trim()}" names no object in the scene; objects: ${names.join(', ')}.`);
  let tied = scored.filter((s) => s.score === best.score && s.hits === best.hits);
  if (tied.length > 1 && /\b(?:other|another|second one|far|farther|further)\b/.test(p)) tied = tied.filter((t) => !notThis.includes(t.n));
  if (tied.length === 1) return tied[0]!.n;
  if (tied.length > 1) throw new GoalParseError(`"${phrase.trim()}" could mean ${tied.map((t) => t.n).join(' or ')}; name one exactly.`);
  return best.n;
}

/** The objects a phrase names: one, or for a plural phrase ("the cubes") every best match. */
export function resolveObjects(phrase: string, names: readonly string[]): string[] {
  if (!isPlural(phrase)) return [resolveObject(phrase, names)];
  const scored = scoreNames(phrase, names);
  const best = scored[0];
  if (!best) throw new GoalParseError(`"${phrase.trim()}" names no object in the scene; objects: ${names.join(', ')}.`);
  return scored.filter((s) => s.score === best.score && s.hits === best.hits).map((s) => s.n);
}

/** Cuts a trailing "from the sofa" / "off the table" off an object phrase. */
function trimPhrase(phrase: string): string {
  return phrase.replace(/\s+(?:off|from|that is|which is|lying|sitting|standing|resting)\b.*$/, '').trim();
}

/** The goal a reading names over the observed scene. */
function goalOf(r: Reading, names: readonly string[], obs: SceneObservation): Goal {
  const standingOn = obs.robot.kind === 'quadruped' && obs.robot.standingOn ? [obs.robot.standingOn] : [];
  const object = resolveObject(trimPhrase(r.object), names, r.type === 'robot-on' ? standingOn : []);
  switch (r.type) {
    case 'grasped':
      return { type: 'grasped', object, minLift: 0.02 };
    case 'on-ground-intact':
      return { type: 'on-ground-intact', object, maxHeight: 0.25 };
    case 'on': {
      // "on the table" where the table is no object: the arm's table is the ground.
      if (/^(?:the )?(?:ground|floor|table|tabletop|table top)$/.test(r.other!.trim()) && !names.some((n) => /table|ground|floor/i.test(n)))
        return { type: 'on-ground-intact', object, maxHeight: 0.25 };
      return { type: 'on', object, support: resolveObject(r.other!, names, [object]) };
    }
    case 'near':
      return { type: 'near', object, target: resolveObject(r.other!, names, [object]), maxDistance: 0.05 };
    case 'pressed':
      return r.other ? { type: 'pressed', object, with: resolveObjects(r.other, names) } : { type: 'pressed', object };
    case 'robot-on':
      return { type: 'robot-on', object };
    case 'within-reach':
      return { type: 'within-reach', object };
  }
}

/** Turns a plain-language command into a goal over the observed scene, without a model. */
export function parseGoal(command: string, obs: SceneObservation): Goal {
  const text = normalise(command);
  const names = obs.objects.map((o) => o.name);
  let firstError: GoalParseError | undefined;
  for (const form of FORMS) {
    if (!form.robots.includes(obs.robot.kind)) continue;
    const m = form.re.exec(text);
    if (!m) continue;
    const reading = form.read(m);
    try {
      const goal = goalOf(reading, names, obs);
      // "push the button" reads as pressing only when the object is a button; "press X" always does.
      if (reading.buttonOnly && !obs.objects.find((o) => o.name === goal.object)?.button) continue;
      if (reading.type === 'on' && goal.type === 'on' && goal.object === goal.support) continue;
      if (reading.type === 'near' && goal.type === 'near' && goal.object === goal.target) continue;
      const problems = goalProblems(goal, obs);
      if (problems.length > 0) throw new GoalParseError(problems.join('; '));
      return goal;
    } catch (err) {
      // A later form may read the command another way ("put the vase on the sofa's side" …); keep the first reason.
      if (!(err instanceof GoalParseError)) throw err;
      firstError ??= err;
    }
  }
  if (firstError) throw firstError;
  throw new GoalParseError(`robotool cannot turn "${command}" into a goal for the ${obs.robot.kind}.`);
}

/** What is wrong with a goal for this scene and robot (unknown objects, a goal the robot cannot reach); empty when nothing. */
export function goalProblems(goal: Goal, obs: SceneObservation): string[] {
  const names = new Set(obs.objects.map((o) => o.name));
  const problems = goalObjectRefs(goal).flatMap(([path, name]) =>
    names.has(name) ? [] : [`goal.${path.join('.')}: no object named "${name}"; objects: ${[...names].join(', ')}`],
  );
  const armOnly = ['grasped', 'pressed', 'within-reach'];
  if (obs.robot.kind !== 'arm' && armOnly.includes(goal.type)) problems.push(`goal.type: ${goal.type} needs an arm; this robot is a ${obs.robot.kind}`);
  if (obs.robot.kind !== 'quadruped' && goal.type === 'robot-on') problems.push(`goal.type: robot-on needs a quadruped; this robot is an ${obs.robot.kind}`);
  return problems;
}
