# prod: Multi-AZ RDS, a Redis replica with automatic failover, a NAT gateway per AZ, acks=all
# with two in-sync replicas on MSK, and room for a ticket opening (api up to 40 tasks).
provider "aws" {
  region = "ap-northeast-2"
  default_tags {
    tags = { Project = "openseat", Environment = "prod", ManagedBy = "terraform" }
  }
}

locals {
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
}

module "stack" {
  source      = "../../modules/stack"
  environment = "prod"
  region      = "ap-northeast-2"
  image_tag   = var.image_tag

  services = local.services

  vpc_cidr           = "10.10.0.0/16"
  azs                = ["ap-northeast-2a", "ap-northeast-2c"]
  nat_gateway_per_az = true

  alb_internal                 = false
  gateway_ingress_cidrs        = ["0.0.0.0/0"]
  certificate_arn              = var.certificate_arn
  waf_rate_limit_per_5_minutes = 100000
  collector_image              = "public.ecr.aws/aws-observability/aws-otel-collector:v0.43.3"

  relay_target_outbox_age_seconds = 2
  stats_target_lag_messages       = 5000

  postgres_instance_class        = "db.r7g.xlarge"
  postgres_storage_gb            = 200
  postgres_multi_az              = true
  postgres_backup_retention_days = 14
  rds_max_connections            = 2700

  redis_node_type = "cache.r7g.large"
  redis_replicas  = 1

  kafka_broker_count        = 4
  kafka_instance_type       = "kafka.m7g.large"
  kafka_volume_gb           = 100
  kafka_min_insync_replicas = 2

  consumer_group_topics = [
    { group = "reservations", topic = "payment.events" },
    { group = "stats", topic = "reservation.events" },
  ]
  log_retention_days = 30
}
