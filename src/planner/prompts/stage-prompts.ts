import type { LlmMessage } from '../llm/language-model.ts';
import type { StageInput, StageName } from '../stages.ts';
import {
  feedbackSection,
  jsonFormatSection,
  previousSections,
  robotWords,
  sceneSection,
  skillsSection,
  taskSection,
} from './prompt-sections.ts';

/** How the prompt should ask for the answer. */
export interface StagePromptOptions {
  /** The provider enforces the JSON schema: the Coder then answers `{ "program": … }` instead of a code block. */
  structuredOutput?: boolean;
}

const PREAMBLE =
  'You are part of robotool, which makes robots use tools creatively (RoboTool: Analyzer -> Planner -> Calculator -> Coder). ' +
  'Objects can serve beyond their usual purpose: a hammer can hook an object closer, a board can bridge a gap, boxes can become stairs, a cushion can soften a fall, magnetic parts can be joined into a longer tool.';

const ROLE: Record<StageName, string> = {
  analyzer:
    'You are the Analyzer. Find the key concepts the task hinges on: the physical constraints, stated or not, that decide whether the robot can do the task directly or needs a tool.',
  planner:
    'You are the Planner. Write a strategy that accomplishes the task with the robot\'s skills, using objects as tools where the robot cannot do it directly.',
  calculator:
    'You are the Calculator. Compute the numbers each plan step needs (target positions, offsets, heights) from the scene.',
  coder:
    'You are the Coder. Turn the task into a program over the robot\'s skills.',
};

function analyzerInstructions(input: StageInput): string {
  const limits =
    input.robot === 'arm'
      ? 'Compare object positions with the workspace ranges: an object whose graspable point lies outside them cannot be grasped directly.'
      : input.robot === 'quadruped'
        ? 'Compare heights with the step-up limit and gaps between surfaces with the widest gap the robot can cross; think about what breaks when it falls and from what height.'
        : 'Think about which orientation the held object must reach.';
  return [
    '## What to do',
    `The robot is ${robotWords(input.robot)}. ${limits}`,
    'For each key concept give its kind (out-of-reach, step-too-high, gap, fragile-drop, joinable-parts, or other), a one-sentence description, the objects involved, and the numbers from the scene that show it (name them, metres unless the name says otherwise; e.g. {"gap": 0.4, "max_gap": 0.1}).',
    'Compute these numbers from the scene (differences of centres and half-sizes); do not guess. If nothing stands in the way, say so in the summary and list no concepts.',
    ...(input.robot === 'in-hand'
      ? []
      : [
          'Also give `goal`: what the command asks for, as the state of the world that counts as success; success is judged by it. Use the exact object names of the scene. ' +
            (input.robot === 'arm'
              ? 'Types: grasped {object, minLift (m, e.g. 0.02)}; pressed {object, with?: [tool objects]}; within-reach {object}; on {object, support}; near {object, target, maxDistance (m, e.g. 0.05)}; on-ground-intact {object, maxHeight (m, e.g. 0.25)}.'
              : 'Types: robot-on {object} (the robot stands on it); on-ground-intact {object, maxHeight (m, e.g. 0.25)}; on {object, support}; near {object, target, maxDistance (m, e.g. 0.05)}.'),
        ]),
  ].join('\n');
}

function plannerInstructions(input: StageInput): string {
  return [
    '## What to do',
    `The robot is ${robotWords(input.robot)}.`,
    '1. objects: for each object in the scene, its relevant properties (size, movable, graspable, fragile, soft, magnetic, …) and affordances (what it could be used for in this task, including uses beyond its usual purpose).',
    '2. relations: the pairwise spatial relations that matter (which object is on, next to, beyond or between which), with distances where they matter.',
    '3. steps: the strategy, one skill call per step, in order. `skill` is exactly one of the skill names above; `description` says what the step does and with which object, in words (the Calculator computes the numbers).',
    'Mind the order: a tool must be in place before it is used, and what the gripper holds is released by open_gripper.',
  ].join('\n');
}

function calculatorInstructions(input: StageInput): string {
  const frame =
    input.robot === 'arm'
      ? 'Targets for move_to_position must lie inside the workspace; remember the gripper closes at its centre and a held tool moves with it, so a tool\'s target is the gripper target plus the tool\'s offset from its graspable point.'
      : 'walk_to_position and push_to_position use x and y (z is ignored); a pushed object\'s centre ends at the target, and the robot must be able to get behind it.';
  return [
    '## What to do',
    'For each plan step that needs numbers, give each value with `step` (the 1-based number of the plan step), a `name` (e.g. "target", "approach_height"), the `value` (a number or a list such as [x, y, z]) and the `derivation` (the arithmetic from scene numbers, e.g. "0.544 - 0.022 - 0.1 = 0.422").',
    frame,
    'Work with the scene\'s numbers and keep three decimals.',
  ].join('\n');
}

function coderInstructions(input: StageInput, options: StagePromptOptions): string {
  const upstream = [
    input.previous.planner ? 'Follow the plan step by step.' : 'There is no separate plan: work out the strategy yourself.',
    input.previous.calculator ? 'Use the calculated values.' : 'Compute the numbers you need from the scene yourself.',
  ].join(' ');
  const answer = options.structuredOutput
    ? 'Answer with JSON {"program": "<the program>"}.'
    : 'Answer with the whole program in one ```javascript block. Explain before the block if you need to; only the block is run.';
  return [
    '## What to do',
    upstream,
    'Write the program as plain, sequential JavaScript:',
    '- call the skills above directly, as ordinary functions: they block until done and return their result (no `await`, no promises, no callbacks);',
    '- no `import`, `require`, `fetch` or timers; `const`, `let`, arithmetic, `Math`, `if` and loops are fine;',
    '- query skills return arrays ([x, y, z]); you may read positions with them instead of copying numbers;',
    '- motion skills return a report: the program goes on after a failed motion, so check `status` where later steps depend on it.',
    answer,
  ].join('\n');
}

/**
 * The messages for one stage: a system message with the stage's role, and a user message with
 * the task, the scene (RoboTool's text format), the robot's skills (from the registry), what
 * earlier stages found, feedback from a failed attempt, and the answer format.
 */
export function buildStagePrompt(stage: StageName, input: StageInput, options: StagePromptOptions = {}): LlmMessage[] {
  const sections: string[] = [taskSection(input), sceneSection(input)];
  // The Analyzer judges what the robot can do from the scene's limits; every later stage needs the API.
  if (stage !== 'analyzer') sections.push(skillsSection(input.robot));
  sections.push(...previousSections(input, stage), ...feedbackSection(input.feedback));
  switch (stage) {
    case 'analyzer':
      sections.push(analyzerInstructions(input), jsonFormatSection(stage, input.robot));
      break;
    case 'planner':
      sections.push(plannerInstructions(input), jsonFormatSection(stage, input.robot));
      break;
    case 'calculator':
      sections.push(calculatorInstructions(input), jsonFormatSection(stage, input.robot));
      break;
    case 'coder':
      sections.push(coderInstructions(input, options));
      break;
  }
  return [
    { role: 'system', content: `${PREAMBLE}\n\n${ROLE[stage]}` },
    { role: 'user', content: sections.join('\n\n') },
  ];
}
