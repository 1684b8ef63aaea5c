# The alarms the runbook (infra/README.md) answers, all to one SNS topic. OpenSeat/* metrics are
# the worker's Prometheus series, shipped to CloudWatch by the api tasks' collector sidecar.
resource "aws_sns_topic" "alarms" {
  name              = "${var.name}-alarms"
  kms_master_key_id = "alias/aws/sns"
}

locals {
  common = {
    alarm_actions = [aws_sns_topic.alarms.arn]
    ok_actions    = [aws_sns_topic.alarms.arn]
  }
}

# 5xx share of the worker API's responses over 5 minutes; 2% (the seed documents' rollback trigger
# was 5% on the gateway, and the gateway adds its own 5xx on top of these).
resource "aws_cloudwatch_metric_alarm" "api_5xx_rate" {
  alarm_name          = "${var.name}-api-5xx-rate"
  alarm_description   = "Worker API 5xx above ${var.api_5xx_percent}% of requests (runbook: roll back)"
  comparison_operator = "GreaterThanThreshold"
  threshold           = var.api_5xx_percent
  evaluation_periods  = 3
  datapoints_to_alarm = 2
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.common.alarm_actions
  ok_actions          = local.common.ok_actions

  metric_query {
    id          = "rate"
    expression  = "IF(requests > 100, 100 * errors / requests, 0)"
    label       = "5xx percent"
    return_data = true
  }
  metric_query {
    id = "errors"
    metric {
      namespace   = "AWS/ApplicationELB"
      metric_name = "HTTPCode_Target_5XX_Count"
      dimensions  = { LoadBalancer = var.alb_arn_suffix }
      period      = 60
      stat        = "Sum"
    }
  }
  metric_query {
    id = "requests"
    metric {
      namespace   = "AWS/ApplicationELB"
      metric_name = "RequestCount"
      dimensions  = { LoadBalancer = var.alb_arn_suffix }
      period      = 60
      stat        = "Sum"
    }
  }
}

resource "aws_cloudwatch_metric_alarm" "outbox_age" {
  alarm_name          = "${var.name}-outbox-age"
  alarm_description   = "Oldest unpublished outbox event older than ${var.outbox_age_seconds} s (runbook: Kafka down)"
  namespace           = "OpenSeat"
  metric_name         = "outbox_oldest_unpublished_age_seconds"
  dimensions          = { environment = var.environment }
  statistic           = "Maximum"
  period              = 60
  evaluation_periods  = 3
  threshold           = var.outbox_age_seconds
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "breaching"
  alarm_actions       = local.common.alarm_actions
  ok_actions          = local.common.ok_actions
}

resource "aws_cloudwatch_metric_alarm" "dead_letters" {
  alarm_name          = "${var.name}-dead-letters"
  alarm_description   = "Events waiting in a dead-letter topic (runbook: replay from the admin events page)"
  namespace           = "OpenSeat"
  metric_name         = "outbox_dead_letters"
  dimensions          = { environment = var.environment }
  statistic           = "Maximum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 0
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.common.alarm_actions
  ok_actions          = local.common.ok_actions
}

resource "aws_cloudwatch_metric_alarm" "consumer_lag" {
  for_each            = var.consumer_group_topics
  alarm_name          = "${var.name}-lag-${each.key}"
  alarm_description   = "Consumer lag of ${each.value.group} on ${each.value.topic} above ${var.consumer_lag_messages} messages for 5 minutes"
  namespace           = "AWS/Kafka"
  metric_name         = "SumOffsetLag"
  dimensions          = { "Cluster Name" = var.kafka_cluster_name, "Consumer Group" = each.value.group, "Topic" = each.value.topic }
  statistic           = "Maximum"
  period              = 60
  evaluation_periods  = 5
  threshold           = var.consumer_lag_messages
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.common.alarm_actions
  ok_actions          = local.common.ok_actions
}

resource "aws_cloudwatch_metric_alarm" "kafka_offline_partitions" {
  alarm_name          = "${var.name}-kafka-offline-partitions"
  alarm_description   = "MSK has partitions without a leader (runbook: Kafka down)"
  namespace           = "AWS/Kafka"
  metric_name         = "OfflinePartitionsCount"
  dimensions          = { "Cluster Name" = var.kafka_cluster_name }
  statistic           = "Maximum"
  period              = 60
  evaluation_periods  = 1
  threshold           = 0
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "breaching"
  alarm_actions       = local.common.alarm_actions
  ok_actions          = local.common.ok_actions
}

resource "aws_cloudwatch_metric_alarm" "kafka_active_controller" {
  alarm_name          = "${var.name}-kafka-no-controller"
  alarm_description   = "MSK has no active controller"
  namespace           = "AWS/Kafka"
  metric_name         = "ActiveControllerCount"
  dimensions          = { "Cluster Name" = var.kafka_cluster_name }
  statistic           = "Sum"
  period              = 60
  evaluation_periods  = 3
  threshold           = 1
  comparison_operator = "LessThanThreshold"
  treat_missing_data  = "breaching"
  alarm_actions       = local.common.alarm_actions
  ok_actions          = local.common.ok_actions
}

resource "aws_cloudwatch_metric_alarm" "rds" {
  for_each = {
    cpu      = { metric = "CPUUtilization", op = "GreaterThanThreshold", threshold = 80, stat = "Average", text = "CPU above 80%" }
    storage  = { metric = "FreeStorageSpace", op = "LessThanThreshold", threshold = 10 * 1024 * 1024 * 1024, stat = "Minimum", text = "less than 10 GiB of storage free" }
    memory   = { metric = "FreeableMemory", op = "LessThanThreshold", threshold = 256 * 1024 * 1024, stat = "Minimum", text = "less than 256 MiB of memory free" }
    replica  = { metric = "ReplicaLag", op = "GreaterThanThreshold", threshold = 30, stat = "Maximum", text = "replica more than 30 s behind" }
    sessions = { metric = "DatabaseConnections", op = "GreaterThanThreshold", threshold = var.rds_max_connections * 0.8, stat = "Maximum", text = "connections above 80% of max_connections" }
  }
  alarm_name          = "${var.name}-rds-${each.key}"
  alarm_description   = "RDS ${each.value.text}"
  namespace           = "AWS/RDS"
  metric_name         = each.value.metric
  dimensions          = { DBInstanceIdentifier = var.db_instance_identifier }
  statistic           = each.value.stat
  period              = 60
  evaluation_periods  = 5
  threshold           = each.value.threshold
  comparison_operator = each.value.op
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.common.alarm_actions
  ok_actions          = local.common.ok_actions
}

resource "aws_cloudwatch_metric_alarm" "redis" {
  for_each = {
    cpu       = { metric = "EngineCPUUtilization", threshold = 70, text = "engine CPU above 70% (Redis runs the Lua scripts on one core)" }
    memory    = { metric = "DatabaseMemoryUsagePercentage", threshold = 80, text = "memory above 80% (noeviction: writes fail when full)" }
    evictions = { metric = "Evictions", threshold = 0, text = "keys evicted" }
  }
  alarm_name          = "${var.name}-redis-${each.key}"
  alarm_description   = "Redis ${each.value.text}"
  namespace           = "AWS/ElastiCache"
  metric_name         = each.value.metric
  dimensions          = { CacheClusterId = var.redis_primary_cluster_id }
  statistic           = "Maximum"
  period              = 60
  evaluation_periods  = 3
  threshold           = each.value.threshold
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "breaching"
  alarm_actions       = local.common.alarm_actions
  ok_actions          = local.common.ok_actions
}
