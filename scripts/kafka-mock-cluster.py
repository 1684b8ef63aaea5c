#!/usr/bin/python3
"""Starts librdkafka's mock Kafka cluster (real wire protocol) and prints its bootstrap servers.

Usage: /usr/bin/python3 scripts/kafka-mock-cluster.py [--brokers 3]
Prints one line `KAFKA_BROKERS=host:port,host:port,...` on stdout, then serves until stdin
closes or SIGTERM/SIGINT arrives. Debian's python3-confluent-kafka provides the module (the
first python3 on PATH may not import it; call /usr/bin/python3). Topics auto-create on first
produce with 4 partitions; CreateTopics/ListGroups/DescribeGroups are not supported.
"""
import argparse
import signal
import sys
import threading

from confluent_kafka import Producer


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument('--brokers', type=int, default=3)
    args = parser.parse_args()

    # The producer owns the mock cluster: it lives exactly as long as this process.
    producer = Producer({
        'bootstrap.servers': 'mock:1',
        'test.mock.num.brokers': args.brokers,
        'log_level': 0,
    })
    metadata = producer.list_topics(timeout=10)
    servers = ','.join(f'{b.host}:{b.port}' for b in sorted(metadata.brokers.values(), key=lambda b: b.id))
    print(f'KAFKA_BROKERS={servers}', flush=True)

    done = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: done.set())
    signal.signal(signal.SIGINT, lambda *_: done.set())
    # A parent that dies without signalling closes our stdin: stop then too.
    threading.Thread(target=lambda: (sys.stdin.read(), done.set()), daemon=True).start()
    while not done.wait(0.5):
        producer.poll(0)
    return 0


if __name__ == '__main__':
    sys.exit(main())
