import { type SkillRobot } from './registry.ts';
import { AsyncProgramError, UnknownSkillError, type ProgramStopError, type SourcePosition } from './sandbox-errors.ts';
/** Turns what the interpreter threw into a typed error with the program's line. */
/** The file name programs are evaluated under; stack traces name it. */
export declare const PROGRAM_FILENAME = "program.js";
/** An error thrown inside the interpreter, read out as plain data. */
export interface VmError {
    name: string;
    message: string;
    stack: string;
}
/** The first program line:column in a QuickJS stack trace (`at f (program.js:3:7)`). */
export declare function programPosition(stack: string): SourcePosition;
/** The robot's skill whose name is closest to `name`. */
export declare function closestSkill(name: string, robot: SkillRobot): string;
/** The message for a call to something that is not one of the robot's skills. */
export declare function unknownSkill(name: string, robot: SkillRobot, at: SourcePosition): UnknownSkillError;
/** Classifies an error the program's evaluation ended with. */
export declare function classifyVmError(err: VmError, source: string, robot: SkillRobot, limits: {
    memoryBytes: number;
    stackBytes: number;
}): ProgramStopError;
/** The error for a program that left promise jobs behind: they never run in the sandbox. */
export declare function asyncProgram(source: string): AsyncProgramError;
//# sourceMappingURL=sandbox-diagnose.d.ts.map