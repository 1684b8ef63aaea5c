// Child process of the outbox benchmark: the raw baseline's kafkajs producer, in a process of its
// own as the relay is (workers/main.ts --role=relay), so raw and relay are measured in the same
// topology. A { warmup } message sends one message keyed 'warmup' (it creates the topic); a round
// sends `count` keyed messages in sends of 500. Each is answered with 'sent'.
import { Kafka, logLevel } from 'kafkajs';

type Command = { topic: string; warmup: true } | { topic: string; count: number; aggregates: number; value: string };

const kafka = new Kafka({ clientId: 'bench-raw', brokers: process.env.BENCH_KAFKA_BROKERS!.split(','), logLevel: logLevel.NOTHING });
const producer = kafka.producer();
await producer.connect();

process.on('message', async (command: Command) => {
  if ('warmup' in command) {
    await producer.send({ topic: command.topic, messages: [{ key: 'warmup', value: 'x' }] });
  } else {
    const { topic, count, aggregates, value } = command;
    for (let i = 0; i < count; i += 500) {
      await producer.send({ topic, acks: -1, messages: Array.from({ length: Math.min(500, count - i) }, (_, j) => ({ key: `agg-${(i + j) % aggregates}`, value })) });
    }
  }
  process.send!('sent');
});
process.on('SIGTERM', () => void producer.disconnect().finally(() => process.exit(0)));
process.send!('ready');
