variable "environment" {
  type        = string
  description = "staging or prod."
  validation {
    condition     = contains(["staging", "prod"], var.environment)
    error_message = "environment is staging or prod."
  }
}

variable "region" {
  type        = string
  description = "AWS region (ap-northeast-2, Seoul, next to Vercel's icn1)."
}

variable "services" {
  type = map(object({
    cpu                 = number
    memory              = number
    desired_count       = number
    min_count           = number
    max_count           = number
    cpu_target_percent  = number
    requests_per_target = optional(number)
  }))
  description = "Sizing per worker role (keys are ROLE_NAMES of workers/config.ts): one ECS service each."
}

variable "image_tag" {
  type        = string
  description = "Commit SHA of the image every service runs (the deploy workflow sets it)."
  validation {
    condition     = can(regex("^[0-9a-f]{40}$", var.image_tag))
    error_message = "image_tag is a full 40-character commit SHA."
  }
}

variable "container_port" {
  type        = number
  description = "WORKER_PORT of every task."
  default     = 4000
}

variable "shutdown_grace_seconds" {
  type        = number
  description = "The worker's graceful shutdown (SHUTDOWN_GRACE_MS); ALB draining and ECS stopTimeout add 5 s to it."
  default     = 30
}

variable "vpc_cidr" {
  type        = string
  description = "The VPC's /16."
}

variable "azs" {
  type        = list(string)
  description = "The two availability zones."
}

variable "nat_gateway_per_az" {
  type        = bool
  description = "One NAT gateway per AZ (prod) or one shared (staging)."
}

variable "alb_internal" {
  type        = bool
  description = "Internal ALB reached through Vercel Secure Compute (true) or internet-facing behind the origin header and WAF (false)."
}

variable "gateway_ingress_cidrs" {
  type        = list(string)
  description = "Source ranges the ALB admits: Secure Compute's range, or 0.0.0.0/0 when the origin header is the gate."
}

variable "certificate_arn" {
  type        = string
  description = "ACM certificate of the worker API host name."
}

variable "waf_rate_limit_per_5_minutes" {
  type        = number
  description = "Per-IP WAF limit in front of the ALB."
}

variable "collector_image" {
  type        = string
  description = "The metrics collector sidecar's image (AWS Distro for OpenTelemetry), pinned by version."
}

variable "relay_target_outbox_age_seconds" {
  type        = number
  description = "Oldest unpublished outbox event the relay's autoscaling aims to stay under."
}

variable "stats_target_lag_messages" {
  type        = number
  description = "Consumer lag of the stats group that its autoscaling aims for."
}

variable "postgres_instance_class" {
  type        = string
  description = "RDS instance class."
}

variable "postgres_storage_gb" {
  type        = number
  description = "Initial RDS storage."
}

variable "postgres_multi_az" {
  type        = bool
  description = "Multi-AZ standby."
}

variable "postgres_backup_retention_days" {
  type        = number
  description = "Backup retention."
}

variable "rds_max_connections" {
  type        = number
  description = "max_connections of the instance class, for the connections alarm."
}

variable "redis_node_type" {
  type        = string
  description = "ElastiCache node type."
}

variable "redis_replicas" {
  type        = number
  description = "Replicas beside the primary."
}

variable "kafka_broker_count" {
  type        = number
  description = "MSK brokers (a multiple of 2, one per AZ)."
}

variable "kafka_instance_type" {
  type        = string
  description = "MSK broker instance type."
}

variable "kafka_volume_gb" {
  type        = number
  description = "EBS per broker."
}

variable "kafka_min_insync_replicas" {
  type        = number
  description = "min.insync.replicas."
}

variable "consumer_group_topics" {
  type = list(object({
    group = string
    topic = string
  }))
  description = "Consumer groups (role names) and the topics they read, for the lag alarms."
}

variable "log_retention_days" {
  type        = number
  description = "Retention of the fleet's log groups."
}
