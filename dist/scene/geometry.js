/** Rotates v by unit quaternion q. */
export function rotate(q, v) {
    const [vx, vy, vz] = v;
    const tx = 2 * (q.y * vz - q.z * vy);
    const ty = 2 * (q.z * vx - q.x * vz);
    const tz = 2 * (q.x * vy - q.y * vx);
    return [
        vx + q.w * tx + (q.y * tz - q.z * ty),
        vy + q.w * ty + (q.z * tx - q.x * tz),
        vz + q.w * tz + (q.x * ty - q.y * tx),
    ];
}
export function quatMul(a, b) {
    return {
        w: a.w * b.w - a.x * b.x - a.y * b.y - a.z * b.z,
        x: a.w * b.x + a.x * b.w + a.y * b.z - a.z * b.y,
        y: a.w * b.y - a.x * b.z + a.y * b.w + a.z * b.x,
        z: a.w * b.z + a.x * b.y - a.y * b.x + a.z * b.w,
    };
}
/** Rotation about z by `deg` degrees. */
export function yawQuat(deg) {
    const h = (deg * Math.PI) / 360;
    return { x: 0, y: 0, z: Math.sin(h), w: Math.cos(h) };
}
/** Yaw (rad) of a rotation, assuming it is mostly about z. */
export function yawOf(q) {
    return Math.atan2(2 * (q.w * q.z + q.x * q.y), 1 - 2 * (q.y * q.y + q.z * q.z));
}
//# sourceMappingURL=geometry.js.map