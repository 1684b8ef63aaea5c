output "topic_arn" {
  description = "SNS topic every alarm notifies (subscribe the on-call channel)."
  value       = aws_sns_topic.alarms.arn
}

output "alarm_names" {
  description = "Every alarm's name."
  value = concat(
    [aws_cloudwatch_metric_alarm.api_5xx_rate.alarm_name, aws_cloudwatch_metric_alarm.outbox_age.alarm_name, aws_cloudwatch_metric_alarm.dead_letters.alarm_name,
    aws_cloudwatch_metric_alarm.kafka_offline_partitions.alarm_name, aws_cloudwatch_metric_alarm.kafka_active_controller.alarm_name],
    [for a in aws_cloudwatch_metric_alarm.consumer_lag : a.alarm_name],
    [for a in aws_cloudwatch_metric_alarm.rds : a.alarm_name],
    [for a in aws_cloudwatch_metric_alarm.redis : a.alarm_name],
  )
}
