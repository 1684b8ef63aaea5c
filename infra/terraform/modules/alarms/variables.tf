variable "name" {
  type        = string
  description = "Name prefix of the alarms and the SNS topic."
}

variable "environment" {
  type        = string
  description = "The `environment` dimension the collector puts on OpenSeat metrics."
}

variable "alb_arn_suffix" {
  type        = string
  description = "LoadBalancer dimension of the ALB metrics."
}

variable "kafka_cluster_name" {
  type        = string
  description = "Cluster Name dimension of the MSK metrics."
}

variable "db_instance_identifier" {
  type        = string
  description = "DBInstanceIdentifier dimension of the RDS metrics."
}

variable "rds_max_connections" {
  type        = number
  description = "max_connections of the instance class (the connections alarm fires at 80%)."
}

variable "redis_primary_cluster_id" {
  type        = string
  description = "CacheClusterId of the primary node."
}

variable "consumer_group_topics" {
  type = map(object({
    group = string
    topic = string
  }))
  description = "Alarm key → consumer group and the topic it reads."
}

variable "api_5xx_percent" {
  type        = number
  description = "5xx share of worker API responses that raises the alarm."
  default     = 2
}

variable "outbox_age_seconds" {
  type        = number
  description = "Age of the oldest unpublished outbox event that raises the alarm."
  default     = 60
}

variable "consumer_lag_messages" {
  type        = number
  description = "Lag of one group on one topic that raises the alarm."
  default     = 5000
}
