import type { Vec3 } from './schema.ts';
/** A quaternion as Rapier passes it. */
export interface Q {
    x: number;
    y: number;
    z: number;
    w: number;
}
/** Rotates v by unit quaternion q. */
export declare function rotate(q: Q, v: Vec3): Vec3;
export declare function quatMul(a: Q, b: Q): Q;
/** Rotation about z by `deg` degrees. */
export declare function yawQuat(deg: number): Q;
/** Yaw (rad) of a rotation, assuming it is mostly about z. */
export declare function yawOf(q: Q): number;
//# sourceMappingURL=geometry.d.ts.map