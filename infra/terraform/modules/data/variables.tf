variable "name" {
  type        = string
  description = "Name prefix, e.g. openseat-prod."
}

variable "vpc_id" {
  type        = string
  description = "VPC of the security groups."
}

variable "subnet_ids" {
  type        = list(string)
  description = "Data subnets (no internet route), one per AZ."
}

variable "postgres_clients" {
  type        = map(string)
  description = "Role name → security group admitted on 5432."
}

variable "redis_clients" {
  type        = map(string)
  description = "Role name → security group admitted on 6379."
}

variable "kafka_clients" {
  type        = map(string)
  description = "Role name → security group admitted on 9096 (SASL/SCRAM over TLS)."
}

variable "postgres_major_version" {
  type        = string
  description = "PostgreSQL major version (the code runs on 15 through 18)."
}

variable "postgres_instance_class" {
  type        = string
  description = "RDS instance class."
}

variable "postgres_storage_gb" {
  type        = number
  description = "Initial gp3 storage; autoscaling may grow it to four times this."
}

variable "postgres_multi_az" {
  type        = bool
  description = "A synchronous standby in the other AZ (prod)."
}

variable "postgres_backup_retention_days" {
  type        = number
  description = "Automated backup retention (point-in-time recovery window)."
  validation {
    condition     = var.postgres_backup_retention_days >= 1
    error_message = "Backups must stay on."
  }
}

variable "redis_node_type" {
  type        = string
  description = "ElastiCache node type."
}

variable "redis_replicas" {
  type        = number
  description = "Read replicas beside the primary; 1 or more turns on automatic failover (prod)."
}

variable "redis_auth_secret_arn" {
  type        = string
  description = "Secrets Manager secret holding the Redis AUTH token."
}

variable "kafka_version" {
  type        = string
  description = "MSK Kafka version."
}

variable "kafka_broker_count" {
  type        = number
  description = "Brokers, a multiple of the number of data subnets."
}

variable "kafka_instance_type" {
  type        = string
  description = "MSK broker instance type."
}

variable "kafka_volume_gb" {
  type        = number
  description = "EBS volume per broker."
}

variable "kafka_replication_factor" {
  type        = number
  description = "Default replication factor of new topics."
}

variable "kafka_min_insync_replicas" {
  type        = number
  description = "Replicas that must have a record before acks=all succeeds."
}

variable "kafka_scram_secret_arn" {
  type        = string
  description = "Secrets Manager secret (name AmazonMSK_…, customer KMS key) with the SCRAM username and password."
}

variable "log_retention_days" {
  type        = number
  description = "Retention of the data services' log groups."
}
