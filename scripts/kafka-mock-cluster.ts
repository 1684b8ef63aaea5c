// Starts librdkafka's mock Kafka cluster (scripts/kafka-mock-cluster.py under Debian's
// /usr/bin/python3 with python3-confluent-kafka) as a child process and returns its bootstrap
// servers. Tests freeze the brokers with freeze()/thaw() (SIGSTOP/SIGCONT on that process).
// Run directly (`tsx scripts/kafka-mock-cluster.ts`) it prints KAFKA_BROKERS=… and serves until Ctrl-C.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export type KafkaMockCluster = { brokers: string[]; pid: number; freeze(): void; thaw(): void; stop(): Promise<void> };

const SCRIPT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'kafka-mock-cluster.py');
const PYTHON = '/usr/bin/python3';

export async function startKafkaMockCluster({ brokers = 3, timeoutMs = 15_000 } = {}): Promise<KafkaMockCluster> {
  const child: ChildProcess = spawn(PYTHON, [SCRIPT, '--brokers', String(brokers)], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr = (stderr + chunk).slice(-4000)));
  const servers = await new Promise<string[]>((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(() => fail(new Error(`kafka mock cluster did not start in ${timeoutMs} ms: ${stderr}`)), timeoutMs);
    function fail(error: Error) {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(error);
    }
    child.once('error', fail);
    child.once('exit', (code) => fail(new Error(`kafka mock cluster exited (${code}): ${stderr}`)));
    child.stdout!.on('data', (chunk) => {
      stdout += chunk;
      const match = /KAFKA_BROKERS=(\S+)/.exec(stdout);
      if (match) {
        clearTimeout(timer);
        child.removeAllListeners('exit');
        resolve(match[1]!.split(','));
      }
    });
  });
  const pid = child.pid!;
  return {
    brokers: servers,
    pid,
    freeze: () => process.kill(pid, 'SIGSTOP'),
    thaw: () => process.kill(pid, 'SIGCONT'),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      try {
        process.kill(pid, 'SIGCONT');
      } catch {}
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 3_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const cluster = await startKafkaMockCluster();
  console.log(`KAFKA_BROKERS=${cluster.brokers.join(',')}`);
  const stop = () => void cluster.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
