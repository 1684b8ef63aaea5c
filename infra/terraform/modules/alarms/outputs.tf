output "topic_arn" {
  description = "SNS topic every alarm notifies (subscribe the on-call channel)."
  value       = aws_sns_topic.alarms.arn
}

output "alarm_names" {
  description = "Every alarm's name."
  value       = concat([aws_cloudwatch_metric_alarm.api_5xx_rate.alarm_name], [for alarm in aws_cloudwatch_metric_alarm.metric : alarm.alarm_name])
}
