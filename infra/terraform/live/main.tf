# One root for every environment: `-var environment=prod|staging` picks its sizes below, so the
# two environments differ only where they should (sizes, CIDRs, limits) and share everything else.
provider "aws" {
  region = local.region
  default_tags {
    tags = { Project = "openseat", Environment = var.environment, ManagedBy = "terraform" }
  }
}

locals {
  region = "ap-northeast-2"

  environments = {
    # prod: Multi-AZ RDS, a Redis replica with automatic failover, a NAT gateway per AZ, acks=all
    # with two in-sync replicas on MSK, and room for a ticket opening (api up to 40 tasks).
    prod = {
      # One ECS service per worker role; var.worker_roles (from the code) must name the same roles.
      # admission never needs more than two tasks: admission is one atomic Redis script, so two
      # tasks never over-admit and the second is only there for an AZ failure.
      services = {
        api          = { cpu = 1024, memory = 2048, desired_count = 4, min_count = 4, max_count = 40, cpu_target_percent = 55, requests_per_target = 4000 }
        admission    = { cpu = 256, memory = 512, desired_count = 2, min_count = 2, max_count = 2, cpu_target_percent = 60 }
        reservations = { cpu = 512, memory = 1024, desired_count = 2, min_count = 2, max_count = 8, cpu_target_percent = 60 }
        payments     = { cpu = 512, memory = 1024, desired_count = 2, min_count = 2, max_count = 6, cpu_target_percent = 60 }
        relay        = { cpu = 512, memory = 1024, desired_count = 2, min_count = 2, max_count = 8, cpu_target_percent = 60 }
        stats        = { cpu = 256, memory = 512, desired_count = 1, min_count = 1, max_count = 4, cpu_target_percent = 60 }
      }
      vpc_cidr                        = "10.10.0.0/16"
      nat_gateway_per_az              = true
      waf_rate_limit_per_5_minutes    = 100000
      relay_target_outbox_age_seconds = 2
      stats_target_lag_messages       = 5000
      postgres_instance_class         = "db.r7g.xlarge"
      postgres_storage_gb             = 200
      postgres_multi_az               = true
      postgres_backup_retention_days  = 14
      rds_max_connections             = 2700
      redis_node_type                 = "cache.r7g.large"
      redis_replicas                  = 1
      kafka_broker_count              = 4
      kafka_instance_type             = "kafka.m7g.large"
      kafka_volume_gb                 = 100
      kafka_min_insync_replicas       = 2
      log_retention_days              = 30
    }
    # staging: the same shape as prod at the smallest sizes that still run every role twice where
    # it matters (api, admission), one NAT gateway, single-AZ RDS and a Redis without replica.
    staging = {
      services = {
        api          = { cpu = 512, memory = 1024, desired_count = 2, min_count = 2, max_count = 6, cpu_target_percent = 60, requests_per_target = 3000 }
        admission    = { cpu = 256, memory = 512, desired_count = 1, min_count = 1, max_count = 2, cpu_target_percent = 60 }
        reservations = { cpu = 256, memory = 512, desired_count = 1, min_count = 1, max_count = 3, cpu_target_percent = 60 }
        payments     = { cpu = 256, memory = 512, desired_count = 1, min_count = 1, max_count = 3, cpu_target_percent = 60 }
        relay        = { cpu = 256, memory = 512, desired_count = 1, min_count = 1, max_count = 3, cpu_target_percent = 60 }
        stats        = { cpu = 256, memory = 512, desired_count = 1, min_count = 1, max_count = 2, cpu_target_percent = 60 }
      }
      vpc_cidr                        = "10.20.0.0/16"
      nat_gateway_per_az              = false
      waf_rate_limit_per_5_minutes    = 20000
      relay_target_outbox_age_seconds = 5
      stats_target_lag_messages       = 2000
      postgres_instance_class         = "db.t4g.medium"
      postgres_storage_gb             = 50
      postgres_multi_az               = false
      postgres_backup_retention_days  = 7
      rds_max_connections             = 410
      redis_node_type                 = "cache.t4g.small"
      redis_replicas                  = 0
      kafka_broker_count              = 2
      kafka_instance_type             = "kafka.t3.small"
      kafka_volume_gb                 = 20
      kafka_min_insync_replicas       = 1
      log_retention_days              = 14
    }
  }

  sizes = local.environments[var.environment]
}

module "stack" {
  source      = "../modules/stack"
  environment = var.environment
  region      = local.region
  image_tag   = var.image_tag

  services = local.sizes.services

  vpc_cidr           = local.sizes.vpc_cidr
  azs                = ["${local.region}a", "${local.region}c"]
  nat_gateway_per_az = local.sizes.nat_gateway_per_az

  alb_internal                 = false
  gateway_ingress_cidrs        = ["0.0.0.0/0"]
  certificate_arn              = var.certificate_arn
  waf_rate_limit_per_5_minutes = local.sizes.waf_rate_limit_per_5_minutes
  collector_image              = "public.ecr.aws/aws-observability/aws-otel-collector:v0.43.3"

  relay_target_outbox_age_seconds = local.sizes.relay_target_outbox_age_seconds
  stats_target_lag_messages       = local.sizes.stats_target_lag_messages

  postgres_instance_class        = local.sizes.postgres_instance_class
  postgres_storage_gb            = local.sizes.postgres_storage_gb
  postgres_multi_az              = local.sizes.postgres_multi_az
  postgres_backup_retention_days = local.sizes.postgres_backup_retention_days
  rds_max_connections            = local.sizes.rds_max_connections

  redis_node_type = local.sizes.redis_node_type
  redis_replicas  = local.sizes.redis_replicas

  kafka_broker_count        = local.sizes.kafka_broker_count
  kafka_instance_type       = local.sizes.kafka_instance_type
  kafka_volume_gb           = local.sizes.kafka_volume_gb
  kafka_min_insync_replicas = local.sizes.kafka_min_insync_replicas

  # Each consumer group with each topic it reads (workers/roles declare them; the test suite
  # checks this list against the code).
  consumer_group_topics = [
    { group = "reservations", topic = "reservation.events" },
    { group = "reservations", topic = "payment.events" },
    { group = "reservations", topic = "transfer-events" },
    { group = "stats", topic = "reservation.events" },
    { group = "stats", topic = "payment.events" },
    { group = "stats", topic = "transfer-events" },
    { group = "stats", topic = "ticket.events" },
    { group = "stats", topic = "membership-events" },
  ]
  log_retention_days = local.sizes.log_retention_days
}
