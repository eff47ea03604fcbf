import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend, MqttBackend, parseBackendUrl, RosBridgeBackend } from '../../src/bridge/index.ts';
import { FakeMqttRobot } from './fake-mqtt-robot.ts';
import { hasMosquitto, MOSQUITTO, startMosquitto, type Broker } from './mosquitto.ts';
import { FakeRosbridgeServer } from './rosbridge-server.ts';

describe('parseBackendUrl', () => {
  it('reads MQTT URLs, with an optional topic prefix', () => {
    expect(parseBackendUrl('mqtt://robot.local:1883')).toEqual({ kind: 'mqtt', url: 'mqtt://robot.local:1883' });
    expect(parseBackendUrl('mqtts://robot.local:8883?prefix=lab1')).toEqual({ kind: 'mqtt', url: 'mqtts://robot.local:8883', prefix: 'lab1' });
    expect(parseBackendUrl('ws://robot.local:9001/mqtt?mqtt')).toEqual({ kind: 'mqtt', url: 'ws://robot.local:9001/mqtt' });
  });

  it('reads rosbridge URLs', () => {
    expect(parseBackendUrl('ros://robot.local:9090')).toEqual({ kind: 'ros', url: 'ws://robot.local:9090' });
    expect(parseBackendUrl('ros+wss://robot.local/bridge')).toEqual({ kind: 'ros', url: 'wss://robot.local/bridge' });
    expect(parseBackendUrl('ws://robot.local:9090?ros')).toEqual({ kind: 'ros', url: 'ws://robot.local:9090/' });
  });

  it('refuses a bare WebSocket URL and unknown schemes, saying what to write', () => {
    expect(() => parseBackendUrl('ws://robot.local:9090')).toThrow(/add \?mqtt .* or \?ros/);
    expect(() => parseBackendUrl('http://robot.local')).toThrow(/unknown robot URL scheme "http:"/);
    expect(() => parseBackendUrl('robot.local')).toThrow(/not a robot URL/);
  });
});

describe('createBackend', () => {
  let server: FakeRosbridgeServer;
  beforeAll(async () => {
    server = await FakeRosbridgeServer.start();
  });
  afterAll(async () => {
    await server.close();
  });

  it('connects a ros:// URL through rosbridge', async () => {
    const backend = await createBackend(server.url.replace('ws://', 'ros://'), { robot: 'arm' });
    expect(backend).toBeInstanceOf(RosBridgeBackend);
    expect(backend.connected).toBe(true);
    await backend.close();
  });

  describe.skipIf(!hasMosquitto)(`over MQTT (skipped: ${MOSQUITTO} is not installed)`, () => {
    let broker: Broker;
    beforeAll(async () => {
      broker = await startMosquitto();
    });
    afterAll(async () => {
      await broker?.stop();
    });

    it('connects an mqtt:// URL with ?prefix= and round-trips a call on that prefix', async () => {
      const prefix = `p-${randomUUID().slice(0, 8)}`;
      const robot = await FakeMqttRobot.start(broker.url, prefix);
      const backend = await createBackend(`${broker.url}?prefix=${prefix}`, { robot: 'arm', timeoutMs: 2000 });
      try {
        expect(backend).toBeInstanceOf(MqttBackend);
        expect(await backend.call('get_center', ['milk'])).toMatchObject({ status: 'ok' });
        expect(robot.requests).toHaveLength(1);
      } finally {
        await backend.close();
        await robot.close();
      }
    });
  });
});
