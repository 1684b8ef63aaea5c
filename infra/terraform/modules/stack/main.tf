# One environment of the platform: the network, the ALB, an ECS service per worker role, the
# data services, secrets and alarms. staging and prod call this with their own sizes.
locals {
  name = "openseat-${var.environment}"

  # Every role reaches PostgreSQL and Redis; every role but admission talks to Kafka
  # (api and admission only append to the outbox, in PostgreSQL — admission not even that).
  kafka_roles = toset([for r in keys(var.services) : r if contains(["relay", "stats", "reservations", "payments"], r)])

  # Task `secrets`, by variable name. KAFKA_SASL_* are keys of the AmazonMSK_* JSON secret.
  # Every role parses the whole worker config at boot, and it requires the PortOne store (the api
  # role takes the webhooks, the payments role reconciles): the PortOne values go to every task.
  common_secrets = { for k in [
    "DATABASE_URL", "REDIS_URL", "INTERNAL_API_TOKEN", "ENTRY_TOKEN_KEYS", "TICKET_SIGNING_KEY",
    "PORTONE_API_SECRET", "PORTONE_WEBHOOK_SECRETS", "PORTONE_STORE_ID", "PORTONE_CHANNEL_KEY",
  ] : k => module.secrets.arns[k] }
  kafka_secrets = {
    KAFKA_SASL_USERNAME = "${module.secrets.kafka_scram_secret_arn}:username::"
    KAFKA_SASL_PASSWORD = "${module.secrets.kafka_scram_secret_arn}:password::"
  }

  common_environment = {
    NODE_ENV                 = "production"
    LOG_LEVEL                = "info"
    WORKER_PORT              = tostring(var.container_port)
    SHUTDOWN_GRACE_MS        = tostring(var.shutdown_grace_seconds * 1000)
    OTEL_SERVICE_NAME        = "openseat-workers"
    OTEL_RESOURCE_ATTRIBUTES = "deployment.environment=${var.environment}"
  }

  kafka_bootstrap = { KAFKA_BROKERS = module.data.kafka_bootstrap_brokers }

  # The fleet's Prometheus series the alarms and the relay's scaling read from CloudWatch.
  shipped_metrics = [
    "outbox_oldest_unpublished_age_seconds", "outbox_backlog", "outbox_dead_letters", "outbox_consumer_lag",
    "http_request_duration_seconds", "queue_waiting_users", "queue_active_users",
  ]
}

module "network" {
  source             = "../network"
  name               = local.name
  cidr_block         = var.vpc_cidr
  azs                = var.azs
  nat_gateway_per_az = var.nat_gateway_per_az
}

module "secrets" {
  source = "../secrets"
  name   = local.name
  secrets = {
    DATABASE_URL            = "postgres://openseat:…@<rds endpoint>:5432/openseat?sslmode=require"
    REDIS_URL               = "rediss://:<AUTH token>@<primary endpoint>:6379"
    REDIS_AUTH_TOKEN        = "ElastiCache AUTH token (the same as in REDIS_URL)"
    INTERNAL_API_TOKEN      = "Bearer the gateway sends to the worker API (also in Vercel)"
    ENTRY_TOKEN_KEYS        = "kid:secret[,kid:secret]; the first signs, all verify (also in Vercel)"
    TICKET_SIGNING_KEY      = "Ed25519 seed (32 bytes, base64url) signing ticket QR codes and scanners' offline lists (also in Vercel)"
    PORTONE_API_SECRET      = "PortOne V2 API secret"
    PORTONE_WEBHOOK_SECRETS = "PortOne webhook signing secrets whsec_…, comma-separated (two during a rotation)"
    PORTONE_STORE_ID        = "PortOne store id (store-…), kept beside its secrets"
    PORTONE_CHANNEL_KEY     = "PortOne channel key the browser's checkout opens"
    ALB_ORIGIN_SECRET       = "Value of the origin header the gateway sends; the ALB forwards only requests that carry it"
    AUTH_SECRET             = "Auth.js session key: the gateway's only (infra/vercel/sync-env.sh copies it to Vercel)"
  }
}

module "ecr" {
  source = "../ecr"
  name   = "openseat-workers-${var.environment}"
}

module "alb" {
  source                       = "../alb"
  name                         = "${local.name}-api"
  vpc_id                       = module.network.vpc_id
  subnet_ids                   = var.alb_internal ? module.network.app_subnet_ids : module.network.public_subnet_ids
  internal                     = var.alb_internal
  ingress_cidrs                = var.gateway_ingress_cidrs
  certificate_arn              = var.certificate_arn
  origin_secret_arn            = module.secrets.arns["ALB_ORIGIN_SECRET"]
  container_port               = var.container_port
  deregistration_delay_seconds = var.shutdown_grace_seconds + 5
  shutdown_grace_seconds       = var.shutdown_grace_seconds
  deletion_protection          = var.environment == "prod"
  waf_rate_limit_per_5_minutes = var.waf_rate_limit_per_5_minutes
}

resource "aws_ecs_cluster" "this" {
  name = local.name
  setting {
    name  = "containerInsights"
    value = "enhanced"
  }
}

resource "aws_cloudwatch_log_group" "metrics" {
  name              = "/openseat/${var.environment}/metrics"
  retention_in_days = 7
}

module "service" {
  source   = "../ecs-service"
  for_each = var.services

  name               = local.name
  role               = each.key
  region             = var.region
  cluster_arn        = aws_ecs_cluster.this.arn
  cluster_name       = aws_ecs_cluster.this.name
  image              = "${module.ecr.repository_url}:${var.image_tag}"
  ecr_repository_arn = module.ecr.repository_arn
  cpu                = each.value.cpu
  memory             = each.value.memory
  desired_count      = each.value.desired_count
  min_count          = each.value.min_count
  max_count          = each.value.max_count
  cpu_target_percent = each.value.cpu_target_percent
  vpc_id             = module.network.vpc_id
  subnet_ids         = module.network.app_subnet_ids
  container_port     = var.container_port

  environment = merge(local.common_environment, { WORKER_ROLE = each.key }, contains(local.kafka_roles, each.key) ? local.kafka_bootstrap : {})
  secrets = merge(
    local.common_secrets,
    contains(local.kafka_roles, each.key) ? local.kafka_secrets : {},
  )
  secrets_kms_key_arn = module.secrets.kms_key_arn

  load_balancer = each.key != "api" ? null : {
    target_group_arn    = module.alb.target_group_arn
    security_group_id   = module.alb.security_group_id
    resource_label      = module.alb.request_count_resource_label
    requests_per_target = each.value.requests_per_target
  }

  custom_scaling = lookup({
    # Outbox age is fleet-wide (read from PostgreSQL): relay tasks added while it grows drain it.
    relay = { namespace = "OpenSeat", metric_name = "outbox_oldest_unpublished_age_seconds", statistic = "Maximum", dimensions = { environment = var.environment }, target = var.relay_target_outbox_age_seconds }
    # stats reads reservation.events; MSK reports the group's lag itself.
    stats = { namespace = "AWS/Kafka", metric_name = "SumOffsetLag", statistic = "Maximum", dimensions = { "Cluster Name" = local.name, "Consumer Group" = "stats", "Topic" = "reservation.events" }, target = var.stats_target_lag_messages }
  }, each.key, null)

  collector = {
    image          = var.collector_image
    environment    = var.environment
    log_group_name = aws_cloudwatch_log_group.metrics.name
    metric_names   = local.shipped_metrics
  }

  # The collector sidecar's calls: spans to X-Ray from every role; metrics from api's only.
  task_policy_statements = concat(
    [{ actions = ["xray:PutTraceSegments", "xray:PutTelemetryRecords"], resources = ["*"] }],
    each.key != "api" ? [] : [
      { actions = ["cloudwatch:PutMetricData"], resources = ["*"] },
      { actions = ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"], resources = ["${aws_cloudwatch_log_group.metrics.arn}:*"] },
    ],
  )

  data_security_groups = merge(
    {
      postgres = { id = module.data.postgres_security_group_id, port = 5432, to_port = 5432 }
      redis    = { id = module.data.redis_security_group_id, port = 6379, to_port = 6379 }
    },
    contains(local.kafka_roles, each.key) ? { kafka = { id = module.data.kafka_security_group_id, port = 9096, to_port = 9096 } } : {},
  )

  stop_timeout_seconds = var.shutdown_grace_seconds + 5
  log_retention_days   = var.log_retention_days

}

module "data" {
  source     = "../data"
  name       = local.name
  vpc_id     = module.network.vpc_id
  subnet_ids = module.network.data_subnet_ids

  postgres_clients = { for r in keys(var.services) : r => module.service[r].security_group_id }
  redis_clients    = { for r in keys(var.services) : r => module.service[r].security_group_id }
  kafka_clients    = { for r in keys(var.services) : r => module.service[r].security_group_id if contains(local.kafka_roles, r) }

  postgres_major_version         = "17"
  postgres_instance_class        = var.postgres_instance_class
  postgres_storage_gb            = var.postgres_storage_gb
  postgres_multi_az              = var.postgres_multi_az
  postgres_backup_retention_days = var.postgres_backup_retention_days

  redis_node_type       = var.redis_node_type
  redis_replicas        = var.redis_replicas
  redis_auth_secret_arn = module.secrets.arns["REDIS_AUTH_TOKEN"]

  kafka_version             = "3.6.0"
  kafka_broker_count        = var.kafka_broker_count
  kafka_instance_type       = var.kafka_instance_type
  kafka_volume_gb           = var.kafka_volume_gb
  kafka_replication_factor  = 2
  kafka_min_insync_replicas = var.kafka_min_insync_replicas
  kafka_scram_secret_arn    = module.secrets.kafka_scram_secret_arn

  log_retention_days = var.log_retention_days
}

module "alarms" {
  source                   = "../alarms"
  name                     = local.name
  environment              = var.environment
  alb_arn_suffix           = module.alb.arn_suffix
  kafka_cluster_name       = local.name
  db_instance_identifier   = module.data.ids.db_instance
  rds_max_connections      = var.rds_max_connections
  redis_primary_cluster_id = module.data.ids.redis_member_cluster
  consumer_group_topics = {
    for pair in var.consumer_group_topics : "${pair.group}-${replace(pair.topic, ".", "-")}" => pair
  }
}
