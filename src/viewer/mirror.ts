import * as THREE from 'three';
import type { MirrorModel, MirrorShape, PoseFrame, Pose7 } from './mirror-model.ts';
import { poseIn } from './mirror-model.ts';

/**
 * A Three.js scene graph mirroring a simulated world: one group per body, built once from a
 * MirrorModel and moved by PoseFrames. Isomorphic: no DOM, no renderer, so the browser viewer
 * and the headless renderer draw exactly the same graph. World frame is z-up, as in the simulator.
 */
export class SceneMirror {
  /** Add this to a THREE.Scene; it holds bodies, ground, lights and the workspace box. */
  readonly root = new THREE.Group();
  private readonly bodies = new Map<string, THREE.Group>();
  private readonly disposables: { dispose(): void }[] = [];
  private lastFrame: PoseFrame | undefined;

  constructor(readonly model: MirrorModel) {
    this.root.name = `mirror:${model.scene}`;
    this.addEnvironment();
    for (const b of model.bodies) {
      const group = new THREE.Group();
      group.name = b.id;
      const material = this.track(new THREE.MeshLambertMaterial({ color: b.color }));
      for (const s of b.shapes) group.add(this.meshOf(s, material));
      this.bodies.set(b.id, group);
      this.root.add(group);
    }
  }

  /** Moves every body to its pose in the frame; bodies missing from the frame keep their pose. */
  apply(frame: PoseFrame): void {
    for (const [id, group] of this.bodies) {
      const p = poseIn(frame, id);
      if (p) setPose(group, p);
    }
    this.root.updateMatrixWorld(true);
    this.lastFrame = frame;
  }

  /** The frame applied last. */
  get frame(): PoseFrame | undefined {
    return this.lastFrame;
  }

  /** The group drawing one body (`milk`, `button/cap`, `robot/3`). */
  body(id: string): THREE.Group | undefined {
    return this.bodies.get(id);
  }

  /** Centre of the world-aligned box around a scene object's bodies (or a single body by id). */
  centerOf(id: string): THREE.Vector3 | undefined {
    const box = new THREE.Box3();
    for (const b of this.model.bodies) {
      if (b.id === id || b.object === id) {
        const g = this.bodies.get(b.id);
        if (g) box.expandByObject(g);
      }
    }
    return box.isEmpty() ? undefined : box.getCenter(new THREE.Vector3());
  }

  /** Shows or hides a scene object (all its bodies) or one body. */
  setVisible(id: string, visible: boolean): void {
    for (const b of this.model.bodies) if (b.id === id || b.object === id) this.bodies.get(b.id)!.visible = visible;
  }

  /** A camera placement that frames the whole scene from the robot's right side, above. */
  suggestedView(): { position: THREE.Vector3; target: THREE.Vector3 } {
    const box = new THREE.Box3();
    for (const g of this.bodies.values()) box.expandByObject(g);
    if (box.isEmpty()) box.set(new THREE.Vector3(-0.5, -0.5, 0), new THREE.Vector3(0.5, 0.5, 0.5));
    const target = box.getCenter(new THREE.Vector3());
    const radius = Math.max(0.3, box.getSize(new THREE.Vector3()).length() / 2);
    const dir = new THREE.Vector3(0.3, -1, 0.75).normalize();
    return { position: target.clone().addScaledVector(dir, radius * 2.6), target };
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
    this.disposables.length = 0;
    this.root.clear();
  }

  private track<T extends { dispose(): void }>(d: T): T {
    this.disposables.push(d);
    return d;
  }

  private meshOf(s: MirrorShape, material: THREE.Material): THREE.Mesh {
    let geometry: THREE.BufferGeometry;
    switch (s.kind) {
      case 'box':
        geometry = new THREE.BoxGeometry(s.halfExtents[0] * 2, s.halfExtents[1] * 2, s.halfExtents[2] * 2);
        break;
      case 'sphere':
        geometry = new THREE.SphereGeometry(s.radius, 24, 16);
        break;
      case 'cylinder':
        // Three's cylinders, like Rapier's, run along local y.
        geometry = new THREE.CylinderGeometry(s.radius, s.radius, s.halfHeight * 2, 24);
        break;
      case 'capsule':
        geometry = new THREE.CapsuleGeometry(s.radius, s.halfHeight * 2, 8, 16);
        break;
    }
    const mesh = new THREE.Mesh(this.track(geometry), material);
    mesh.position.set(s.offset[0], s.offset[1], s.offset[2]);
    mesh.quaternion.set(s.rotation[0], s.rotation[1], s.rotation[2], s.rotation[3]);
    return mesh;
  }

  private addEnvironment(): void {
    const ground = new THREE.Mesh(
      // As large as the simulated ground (100 m square): every scene's objects stand on it.
      this.track(new THREE.PlaneGeometry(100, 100)),
      this.track(new THREE.MeshLambertMaterial({ color: '#d8d4cc' })),
    );
    ground.name = 'ground';
    // Slightly below z = 0 so that objects resting on the ground do not z-fight with it.
    ground.position.z = -0.0005;
    this.root.add(ground);
    // 10 cm squares over the 20 m square scene files may use (|x|, |y| ≤ 10 m).
    const grid = new THREE.GridHelper(20, 200, '#b5b0a6', '#c6c1b8');
    grid.rotation.x = Math.PI / 2;
    grid.position.z = 0.0002;
    this.track(grid.geometry);
    this.track(grid.material as THREE.Material);
    this.root.add(grid);
    const hemi = new THREE.HemisphereLight('#ffffff', '#8a8478', 1.6);
    hemi.position.set(0, 0, 1);
    this.root.add(hemi);
    const sun = new THREE.DirectionalLight('#ffffff', 1.8);
    sun.position.set(-1, -1.5, 3);
    this.root.add(sun);
    if (this.model.workspace) {
      const { min, max } = this.model.workspace;
      const box = new THREE.Box3(new THREE.Vector3(...min), new THREE.Vector3(...max));
      const helper = new THREE.Box3Helper(box, '#4a7fd4');
      helper.name = 'workspace';
      this.track(helper.geometry);
      this.track(helper.material as THREE.Material);
      this.root.add(helper);
    }
  }
}

function setPose(o: THREE.Object3D, p: Pose7): void {
  o.position.set(p[0], p[1], p[2]);
  o.quaternion.set(p[3], p[4], p[5], p[6]);
}

/** A perspective camera looking at a mirror's scene, z up. */
export function cameraFor(mirror: SceneMirror, aspect: number): THREE.PerspectiveCamera {
  const camera = new THREE.PerspectiveCamera(45, aspect, 0.01, 50);
  camera.up.set(0, 0, 1);
  const v = mirror.suggestedView();
  camera.position.copy(v.position);
  camera.lookAt(v.target);
  return camera;
}
