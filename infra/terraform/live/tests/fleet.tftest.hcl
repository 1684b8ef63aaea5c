# Run once per environment (`terraform test -var environment=prod`, then staging).
# Plans the whole environment against a mocked AWS provider and checks the fleet's invariants.
# worker_roles comes from the code: the test suite passes ROLE_NAMES of workers/config.ts
# (`-var 'worker_roles=[…]'`), so renaming a role without infra/ fails the first run.
mock_provider "aws" {
  mock_data "aws_iam_policy_document" {
    defaults = {
      json = "{\"Version\":\"2012-10-17\",\"Statement\":[]}"
    }
  }
  mock_data "aws_secretsmanager_secret_version" {
    defaults = {
      secret_string = "mocked-secret-value"
    }
  }
}

variables {
  image_tag       = "0123456789abcdef0123456789abcdef01234567"
  certificate_arn = "arn:aws:acm:ap-northeast-2:111111111111:certificate/mock"
}

run "fleet" {
  command = plan

  assert {
    condition     = sort(keys(output.services)) == sort(var.worker_roles)
    error_message = "Each worker role has exactly one ECS service."
  }

  assert {
    condition     = [for r, s in output.services : r if s.load_balanced] == ["api"]
    error_message = "The ALB targets the api service and no other."
  }

  assert {
    condition     = alltrue([for s in output.services : s.circuit_breaker.enable && s.circuit_breaker.rollback])
    error_message = "Every service deploys with the circuit breaker on and rollback on."
  }

  assert {
    condition     = alltrue([for s in output.services : !s.public_ip])
    error_message = "No task gets a public IP."
  }

  assert {
    condition     = length(output.network.data_routes) == 0 && alltrue([for r in output.network.internet_routes : r.tier != "data"])
    error_message = "Data subnets have no route beyond the VPC."
  }

  assert {
    condition     = alltrue([for r in output.ingress_rules : r.group == "alb" || r.cidr_ipv4 == null])
    error_message = "Only the ALB admits traffic by CIDR; every other ingress rule names a security group."
  }

  assert {
    condition     = length([for r in output.ingress_rules : r if r.group == "alb"]) > 0
    error_message = "The ALB's ingress rules are in the checked list."
  }

  assert {
    condition = alltrue([for s in output.services :
      length(setintersection(s.environment_names, ["DATABASE_URL", "REDIS_URL", "INTERNAL_API_TOKEN", "ENTRY_TOKEN_KEYS", "ENTRY_TOKEN_SECRET", "KAFKA_SASL_PASSWORD", "PORTONE_API_SECRET", "PORTONE_WEBHOOK_SECRETS"])) == 0
      && length(setsubtract(["DATABASE_URL", "REDIS_URL", "INTERNAL_API_TOKEN", "ENTRY_TOKEN_KEYS", "PORTONE_API_SECRET", "PORTONE_WEBHOOK_SECRETS", "PORTONE_STORE_ID", "PORTONE_CHANNEL_KEY"], s.secret_names)) == 0
      && alltrue([for n in s.environment_names : !can(regex("(SECRET|TOKEN|PASSWORD|KEYS?|_URL)$", n))])
    ])
    error_message = "Secrets reach every task as task secrets, never as environment variables."
  }

  assert {
    condition     = alltrue([for s in output.services : contains(s.scaling_metrics, "ECSServiceAverageCPUUtilization")])
    error_message = "Every service scales on CPU."
  }

  assert {
    condition     = contains(output.services["api"].scaling_metrics, "ALBRequestCountPerTarget")
    error_message = "api scales on ALB requests per target."
  }

  assert {
    condition     = contains(output.services["relay"].scaling_metrics, "OpenSeat/outbox_oldest_unpublished_age_seconds")
    error_message = "relay scales on the outbox's oldest unpublished event."
  }

  assert {
    condition     = contains(output.services["stats"].scaling_metrics, "AWS/Kafka/SumOffsetLag")
    error_message = "stats scales on its consumer lag."
  }

  assert {
    condition     = alltrue([for s in output.services : s.health_check == ["CMD", "node", "--import", "tsx", "infra/docker/healthcheck.ts"]])
    error_message = "Every role's container is probed on /health/live, loop roles included: a stuck loop gets its task replaced."
  }

  assert {
    condition     = alltrue([for s in output.services : s.min_count >= 1 && s.max_count >= s.min_count && s.desired_count >= s.min_count && s.stop_timeout > 30])
    error_message = "Counts are ordered and ECS waits longer than the 30 s graceful shutdown before SIGKILL."
  }

  assert {
    condition     = startswith(output.alb.ssl_policy, "ELBSecurityPolicy-TLS13") && output.alb.health_check_path == "/health/ready" && tonumber(output.alb.deregistration_delay) > 30 && output.alb.http_redirect == "redirect"
    error_message = "ALB: TLS 1.3 policy, /health/ready, draining longer than the graceful shutdown, HTTP redirected."
  }

  assert {
    condition     = output.ecr_tag_mutability == "IMMUTABLE"
    error_message = "Image tags are immutable."
  }

  assert {
    condition     = output.data.postgres_deletion_protection && output.data.postgres_backup_days >= 7 && output.data.postgres_insights && contains(output.data.postgres_preload, "pg_stat_statements") && !output.data.postgres_public
    error_message = "RDS: deletion protection, backups, Performance Insights, pg_stat_statements, private."
  }

  assert {
    condition     = output.data.redis_tls && output.data.kafka_client_broker == "TLS" && output.data.kafka_scram && !output.data.kafka_unauthenticated
    error_message = "Redis speaks TLS; MSK only TLS with SASL/SCRAM."
  }

  assert {
    condition     = output.environment != "prod" || (output.data.postgres_multi_az && output.data.redis_nodes >= 2 && output.data.redis_failover)
    error_message = "prod: Multi-AZ RDS and a Redis replica with automatic failover."
  }
  assert {
    condition = length(setsubtract(
      [for a in ["api-5xx-rate", "outbox-age", "dead-letters", "kafka-offline-partitions", "kafka-no-controller", "rds-sessions", "rds-storage", "redis-memory", "redis-evictions", "lag-reservations-payment-events"] : "openseat-${output.environment}-${a}"],
      output.alarm_names
    )) == 0
    error_message = "Every alarm the runbook (infra/README.md) names exists under that name."
  }
}

run "a_role_without_a_service_fails" {
  command = plan
  variables {
    worker_roles = concat([for r in var.worker_roles : r if r != "stats"], ["statistics"])
  }
  expect_failures = [var.worker_roles]
}
