variable "name" {
  type        = string
  description = "Environment prefix, e.g. openseat-prod; the service is <name>-<role>."
}

variable "role" {
  type        = string
  description = "The worker role this service runs (one of ROLE_NAMES in workers/config.ts)."
}

variable "region" {
  type        = string
  description = "AWS region of the log group."
}

variable "cluster_arn" {
  type        = string
  description = "ECS cluster the service runs in."
}

variable "cluster_name" {
  type        = string
  description = "The same cluster's name (autoscaling resource ids use it)."
}

variable "image" {
  type        = string
  description = "Image reference: the ECR repository URL and the commit SHA tag."
}

variable "ecr_repository_arn" {
  type        = string
  description = "The repository the execution role may pull from."
}

variable "cpu" {
  type        = number
  description = "Fargate CPU units (256 = 1/4 vCPU)."
}

variable "memory" {
  type        = number
  description = "Fargate memory in MiB."
}

variable "desired_count" {
  type        = number
  description = "Tasks at creation; autoscaling moves it between min_count and max_count afterwards."
}

variable "min_count" {
  type        = number
  description = "Autoscaling floor."
}

variable "max_count" {
  type        = number
  description = "Autoscaling ceiling."
  validation {
    condition     = var.max_count >= 1
    error_message = "max_count must be at least 1."
  }
}

variable "cpu_target_percent" {
  type        = number
  description = "Target average CPU of the service's tasks."
}

variable "vpc_id" {
  type        = string
  description = "VPC of the service's security group."
}

variable "subnet_ids" {
  type        = list(string)
  description = "App subnets the tasks run in (no public IP)."
}

variable "container_port" {
  type        = number
  description = "WORKER_PORT of the container."
}

variable "environment" {
  type        = map(string)
  description = "Plain configuration. Anything secret goes in `secrets`; names that look secret are refused."
  validation {
    condition     = alltrue([for k in keys(var.environment) : !can(regex("(SECRET|TOKEN|PASSWORD|KEYS?|_URL|USERNAME)$", k))])
    error_message = "A secret-looking variable is in environment; pass it through secrets (Secrets Manager or SSM)."
  }
}

variable "secrets" {
  type        = map(string)
  description = "Variable name → Secrets Manager ARN (optionally with a JSON key) or SSM parameter ARN."
}

variable "secrets_kms_key_arn" {
  type        = string
  description = "KMS key that encrypts the secrets; the execution role may decrypt with it."
}

variable "load_balancer" {
  type = object({
    target_group_arn    = string
    security_group_id   = string
    resource_label      = string
    requests_per_target = number
  })
  description = "Set for the api role only: its target group, the ALB's security group and the requests-per-target scaling target."
  default     = null
}

variable "custom_scaling" {
  type = object({
    namespace   = string
    metric_name = string
    statistic   = string
    dimensions  = map(string)
    target      = number
  })
  description = "A second target-tracking metric (outbox age for relay, consumer lag for stats)."
  default     = null
}

variable "data_security_groups" {
  type = map(object({
    id      = string
    port    = number
    to_port = number
  }))
  description = "Data stores this role may reach, by name: security group and port range."
}

variable "task_policy_statements" {
  type = list(object({
    actions   = list(string)
    resources = list(string)
  }))
  description = "IAM statements the role's own code needs; empty for roles that call no AWS API."
  default     = []
}

variable "stop_timeout_seconds" {
  type        = number
  description = "Time between SIGTERM and SIGKILL; above the worker's 30 s graceful shutdown."
}

variable "log_retention_days" {
  type        = number
  description = "CloudWatch Logs retention of the role's log group."
}

variable "collector" {
  type = object({
    image          = string
    environment    = string
    log_group_name = string
    metric_names   = list(string)
  })
  description = "The OpenTelemetry collector sidecar: spans of every role to X-Ray; for the load-balanced role also /metrics into CloudWatch (namespace OpenSeat, these metric names)."
}
