output "arns" {
  description = "Secret name → ARN."
  value       = { for k, s in aws_secretsmanager_secret.this : k => s.arn }
}

output "kafka_scram_secret_arn" {
  description = "The AmazonMSK_* secret; its JSON keys feed KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD."
  value       = aws_secretsmanager_secret.kafka_scram.arn
}

output "kms_key_arn" {
  description = "Key that encrypts every secret."
  value       = aws_kms_key.secrets.arn
}
