# staging: the same shape as prod at the smallest sizes that still run every role twice where
# it matters (api, admission), one NAT gateway, single-AZ RDS and a Redis without replica.
provider "aws" {
  region = "ap-northeast-2"
  default_tags {
    tags = { Project = "openseat", Environment = "staging", ManagedBy = "terraform" }
  }
}

locals {
  # One ECS service per worker role; var.worker_roles (from the code) must name the same roles.
  services = {
    api          = { cpu = 512, memory = 1024, desired_count = 2, min_count = 2, max_count = 6, cpu_target_percent = 60, requests_per_target = 3000 }
    admission    = { cpu = 256, memory = 512, desired_count = 1, min_count = 1, max_count = 2, cpu_target_percent = 60 }
    reservations = { cpu = 256, memory = 512, desired_count = 1, min_count = 1, max_count = 3, cpu_target_percent = 60 }
    payments     = { cpu = 256, memory = 512, desired_count = 1, min_count = 1, max_count = 3, cpu_target_percent = 60 }
    relay        = { cpu = 256, memory = 512, desired_count = 1, min_count = 1, max_count = 3, cpu_target_percent = 60 }
    stats        = { cpu = 256, memory = 512, desired_count = 1, min_count = 1, max_count = 2, cpu_target_percent = 60 }
  }
}

module "stack" {
  source      = "../../modules/stack"
  environment = "staging"
  region      = "ap-northeast-2"
  image_tag   = var.image_tag

  services = local.services

  vpc_cidr           = "10.20.0.0/16"
  azs                = ["ap-northeast-2a", "ap-northeast-2c"]
  nat_gateway_per_az = false

  alb_internal                 = false
  gateway_ingress_cidrs        = ["0.0.0.0/0"]
  certificate_arn              = var.certificate_arn
  waf_rate_limit_per_5_minutes = 20000
  collector_image              = "public.ecr.aws/aws-observability/aws-otel-collector:v0.43.3"

  relay_target_outbox_age_seconds = 5
  stats_target_lag_messages       = 2000

  postgres_instance_class        = "db.t4g.medium"
  postgres_storage_gb            = 50
  postgres_multi_az              = false
  postgres_backup_retention_days = 7
  rds_max_connections            = 410

  redis_node_type = "cache.t4g.small"
  redis_replicas  = 0

  kafka_broker_count        = 2
  kafka_instance_type       = "kafka.t3.small"
  kafka_volume_gb           = 20
  kafka_min_insync_replicas = 1

  consumer_group_topics = [
    { group = "reservations", topic = "payment.events" },
    { group = "stats", topic = "reservation.events" },
  ]
  log_retention_days = 14
}
