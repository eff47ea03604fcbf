import { describe, expect, it } from 'vitest';
import { StagesError, parseStages } from '../../src/planner/stages.ts';

describe('--stages (the ablation variants)', () => {
  it.each([
    ['coder', ['coder']],
    ['planner,coder', ['planner', 'coder']],
    ['analyzer,planner,coder', ['analyzer', 'planner', 'coder']],
    ['planner,calculator,coder', ['planner', 'calculator', 'coder']],
    ['analyzer, planner, calculator, coder', ['analyzer', 'planner', 'calculator', 'coder']],
  ])('accepts %s', (text, stages) => {
    expect(parseStages(text)).toEqual(stages);
  });

  it('rejects an unknown stage, naming it and listing what is accepted', () => {
    expect(() => parseStages('planner,writer')).toThrow(StagesError);
    expect(() => parseStages('planner,writer')).toThrow(/unknown stage "writer".*\n.*coder\n.*planner,coder/s);
  });

  it.each(['coder,planner', 'analyzer,coder', 'planner', 'analyzer,calculator,coder', '', 'coder,coder'])('rejects the combination "%s"', (text) => {
    expect(() => parseStages(text)).toThrow(StagesError);
  });

  it('explains that stages run in chain order and end with the coder', () => {
    expect(() => parseStages('coder,planner')).toThrow(/chain order and end with coder/);
  });
});
