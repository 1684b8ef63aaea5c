# Secret containers only: their values are put by an operator (`aws secretsmanager put-secret-value`,
# see infra/README.md), never by Terraform, so no secret value is in the code or in a plan.
resource "aws_kms_key" "secrets" {
  description             = "${var.name} secrets"
  enable_key_rotation     = true
  deletion_window_in_days = 30
}

resource "aws_kms_alias" "secrets" {
  name          = "alias/${var.name}-secrets"
  target_key_id = aws_kms_key.secrets.key_id
}

resource "aws_secretsmanager_secret" "this" {
  for_each    = var.secrets
  name        = "${var.name}/${each.key}"
  description = each.value
  kms_key_id  = aws_kms_key.secrets.arn
}

# MSK reads SCRAM credentials only from secrets named AmazonMSK_* under a customer-managed key.
resource "aws_secretsmanager_secret" "kafka_scram" {
  name        = "AmazonMSK_${var.name}"
  description = "Kafka SASL/SCRAM credentials: {\"username\": …, \"password\": …}"
  kms_key_id  = aws_kms_key.secrets.arn
}
