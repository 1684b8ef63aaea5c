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

# Every other alarm watches one metric against a threshold: one row each, one resource below.
locals {
  rds_alarms = {
    cpu      = { metric = "CPUUtilization", op = "GreaterThanThreshold", threshold = 80, stat = "Average", text = "CPU above 80%" }
    storage  = { metric = "FreeStorageSpace", op = "LessThanThreshold", threshold = 10 * 1024 * 1024 * 1024, stat = "Minimum", text = "less than 10 GiB of storage free" }
    memory   = { metric = "FreeableMemory", op = "LessThanThreshold", threshold = 256 * 1024 * 1024, stat = "Minimum", text = "less than 256 MiB of memory free" }
    replica  = { metric = "ReplicaLag", op = "GreaterThanThreshold", threshold = 30, stat = "Maximum", text = "replica more than 30 s behind" }
    sessions = { metric = "DatabaseConnections", op = "GreaterThanThreshold", threshold = var.rds_max_connections * 0.8, stat = "Maximum", text = "connections above 80% of max_connections" }
  }
  redis_alarms = {
    cpu       = { metric = "EngineCPUUtilization", threshold = 70, text = "engine CPU above 70% (Redis runs the Lua scripts on one core)" }
    memory    = { metric = "DatabaseMemoryUsagePercentage", threshold = 80, text = "memory above 80% (noeviction: writes fail when full)" }
    evictions = { metric = "Evictions", threshold = 0, text = "keys evicted" }
  }

  metric_alarms = merge(
    {
      outbox-age = {
        text      = "Oldest unpublished outbox event older than ${var.outbox_age_seconds} s (runbook: Kafka down)"
        namespace = "OpenSeat", metric = "outbox_oldest_unpublished_age_seconds", dimensions = { environment = var.environment }
        stat      = "Maximum", period = 60, periods = 3, op = "GreaterThanThreshold", threshold = var.outbox_age_seconds, missing = "breaching"
      }
      dead-letters = {
        text      = "Events waiting in a dead-letter topic (runbook: replay from the admin events page)"
        namespace = "OpenSeat", metric = "outbox_dead_letters", dimensions = { environment = var.environment }
        stat      = "Maximum", period = 300, periods = 1, op = "GreaterThanThreshold", threshold = 0, missing = "notBreaching"
      }
      kafka-offline-partitions = {
        text      = "MSK has partitions without a leader (runbook: Kafka down)"
        namespace = "AWS/Kafka", metric = "OfflinePartitionsCount", dimensions = { "Cluster Name" = var.kafka_cluster_name }
        stat      = "Maximum", period = 60, periods = 1, op = "GreaterThanThreshold", threshold = 0, missing = "breaching"
      }
      kafka-no-controller = {
        text      = "MSK has no active controller"
        namespace = "AWS/Kafka", metric = "ActiveControllerCount", dimensions = { "Cluster Name" = var.kafka_cluster_name }
        stat      = "Sum", period = 60, periods = 3, op = "LessThanThreshold", threshold = 1, missing = "breaching"
      }
    },
    { for key, group_topic in var.consumer_group_topics : "lag-${key}" => {
      text       = "Consumer lag of ${group_topic.group} on ${group_topic.topic} above ${var.consumer_lag_messages} messages for 5 minutes"
      namespace  = "AWS/Kafka", metric = "SumOffsetLag"
      dimensions = { "Cluster Name" = var.kafka_cluster_name, "Consumer Group" = group_topic.group, "Topic" = group_topic.topic }
      stat       = "Maximum", period = 60, periods = 5, op = "GreaterThanThreshold", threshold = var.consumer_lag_messages, missing = "notBreaching"
    } },
    { for key, alarm in local.rds_alarms : "rds-${key}" => {
      text      = "RDS ${alarm.text}"
      namespace = "AWS/RDS", metric = alarm.metric, dimensions = { DBInstanceIdentifier = var.db_instance_identifier }
      stat      = alarm.stat, period = 60, periods = 5, op = alarm.op, threshold = alarm.threshold, missing = "notBreaching"
    } },
    { for key, alarm in local.redis_alarms : "redis-${key}" => {
      text      = "Redis ${alarm.text}"
      namespace = "AWS/ElastiCache", metric = alarm.metric, dimensions = { CacheClusterId = var.redis_primary_cluster_id }
      stat      = "Maximum", period = 60, periods = 3, op = "GreaterThanThreshold", threshold = alarm.threshold, missing = "breaching"
    } },
  )
}

resource "aws_cloudwatch_metric_alarm" "metric" {
  for_each            = local.metric_alarms
  alarm_name          = "${var.name}-${each.key}"
  alarm_description   = each.value.text
  namespace           = each.value.namespace
  metric_name         = each.value.metric
  dimensions          = each.value.dimensions
  statistic           = each.value.stat
  period              = each.value.period
  evaluation_periods  = each.value.periods
  threshold           = each.value.threshold
  comparison_operator = each.value.op
  treat_missing_data  = each.value.missing
  alarm_actions       = local.common.alarm_actions
  ok_actions          = local.common.ok_actions
}
