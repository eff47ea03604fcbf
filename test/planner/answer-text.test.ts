import { describe, expect, it } from 'vitest';
import { fencedBlocks, parseJsonAnswer, parseProgramAnswer } from '../../src/planner/llm/answer-text.ts';

describe('reading JSON from an answer', () => {
  it('reads a fenced ```json block among prose', () => {
    const r = parseJsonAnswer('Let me think.\n\n```json\n{"a": 1, "b": [2, 3]}\n```\nDone.');
    expect(r).toEqual({ ok: true, value: { a: 1, b: [2, 3] } });
  });

  it('takes the last ```json block when the model drafts first', () => {
    const r = parseJsonAnswer('Draft:\n```json\n{"a": 1}\n```\nFinal:\n```json\n{"a": 2}\n```');
    expect(r).toEqual({ ok: true, value: { a: 2 } });
  });

  it('reads bare JSON (structured output)', () => {
    expect(parseJsonAnswer('  {"summary": "ok", "concepts": []}\n')).toEqual({ ok: true, value: { summary: 'ok', concepts: [] } });
  });

  it('finds a JSON object inside prose without fences', () => {
    expect(parseJsonAnswer('The answer is {"x": "a } in a string", "y": {"z": 1}} as requested.')).toEqual({ ok: true, value: { x: 'a } in a string', y: { z: 1 } } });
  });

  it('tolerates trailing commas and // comments', () => {
    expect(parseJsonAnswer('```json\n{\n  "a": [1, 2,], // the list\n  "url": "http://x",\n}\n```')).toEqual({ ok: true, value: { a: [1, 2], url: 'http://x' } });
  });

  it('reads an unclosed final fence (an answer cut off after the JSON)', () => {
    expect(parseJsonAnswer('```json\n{"a": 1}\n')).toEqual({ ok: true, value: { a: 1 } });
  });

  it('says what is wrong when nothing parses', () => {
    const r = parseJsonAnswer('```json\n{"a": 1,, }\n```');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(/```json block is not valid JSON/);
    expect(parseJsonAnswer('   ')).toEqual({ ok: false, error: 'the answer is empty' });
  });
});

describe('reading the program from an answer', () => {
  it('reads the last ```javascript block', () => {
    const r = parseProgramAnswer('Plan:\n```js\nopen_gripper();\n```\nWhole program:\n```javascript\nopen_gripper();\nclose_gripper();\n```');
    expect(r).toEqual({ ok: true, program: 'open_gripper();\nclose_gripper();\n', from: 'code-block' });
  });

  it('reads a JSON {program} answer', () => {
    expect(parseProgramAnswer('{"program": "open_gripper();\\nclose_gripper();"}')).toEqual({ ok: true, program: 'open_gripper();\nclose_gripper();\n', from: 'json' });
  });

  it('refuses a Python block with a reason the model can act on', () => {
    const r = parseProgramAnswer('```python\nopen_gripper()\n```');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(/python.*JavaScript/);
  });

  it('says so when there is no program at all', () => {
    expect(parseProgramAnswer('I would open the gripper.')).toEqual({ ok: false, error: 'no ```javascript block and no JSON {"program": …} found' });
  });

  it('lists fenced blocks with their languages', () => {
    expect(fencedBlocks('a\n```json\n{}\n```\n~~~\nplain\n~~~\n')).toEqual([
      { lang: 'json', body: '{}' },
      { lang: '', body: 'plain' },
    ]);
  });
});
