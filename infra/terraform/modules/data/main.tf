# The data tier, in the data subnets (no internet route): RDS PostgreSQL, ElastiCache Redis and
# MSK. Each has its own security group that admits the roles that use it by security group
# reference, never by address range.

# ---------- PostgreSQL ----------
resource "aws_security_group" "postgres" {
  name_prefix = "${var.name}-postgres-"
  description = "RDS PostgreSQL"
  vpc_id      = var.vpc_id
  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_vpc_security_group_ingress_rule" "postgres" {
  for_each                     = var.postgres_clients
  security_group_id            = aws_security_group.postgres.id
  description                  = "PostgreSQL from ${each.key}"
  referenced_security_group_id = each.value
  from_port                    = 5432
  to_port                      = 5432
  ip_protocol                  = "tcp"
}

resource "aws_db_subnet_group" "this" {
  name_prefix = "${var.name}-"
  subnet_ids  = var.subnet_ids
}

resource "aws_db_parameter_group" "this" {
  name_prefix = "${var.name}-pg${var.postgres_major_version}-"
  family      = "postgres${var.postgres_major_version}"

  parameter {
    name         = "shared_preload_libraries"
    value        = "pg_stat_statements"
    apply_method = "pending-reboot"
  }
  parameter {
    name  = "pg_stat_statements.track"
    value = "top"
  }
  # Statements slower than 250 ms are logged; a hold or a reservation takes 2-10 ms.
  parameter {
    name  = "log_min_duration_statement"
    value = "250"
  }
  parameter {
    name  = "rds.force_ssl"
    value = "1"
  }
  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_db_instance" "this" {
  identifier_prefix                     = "${var.name}-"
  engine                                = "postgres"
  engine_version                        = var.postgres_major_version
  instance_class                        = var.postgres_instance_class
  allocated_storage                     = var.postgres_storage_gb
  max_allocated_storage                 = var.postgres_storage_gb * 4
  storage_type                          = "gp3"
  storage_encrypted                     = true
  db_name                               = "openseat"
  username                              = "openseat_admin"
  manage_master_user_password           = true
  db_subnet_group_name                  = aws_db_subnet_group.this.name
  vpc_security_group_ids                = [aws_security_group.postgres.id]
  parameter_group_name                  = aws_db_parameter_group.this.name
  multi_az                              = var.postgres_multi_az
  publicly_accessible                   = false
  deletion_protection                   = true
  backup_retention_period               = var.postgres_backup_retention_days
  backup_window                         = "18:00-19:00" # 03:00-04:00 KST, the quietest hour
  maintenance_window                    = "sun:19:00-sun:20:00"
  copy_tags_to_snapshot                 = true
  final_snapshot_identifier             = "${var.name}-final"
  skip_final_snapshot                   = false
  performance_insights_enabled          = true
  performance_insights_retention_period = 7
  enabled_cloudwatch_logs_exports       = ["postgresql"]
  auto_minor_version_upgrade            = true
  apply_immediately                     = false
}

# ---------- Redis ----------
resource "aws_security_group" "redis" {
  name_prefix = "${var.name}-redis-"
  description = "ElastiCache Redis"
  vpc_id      = var.vpc_id
  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_vpc_security_group_ingress_rule" "redis" {
  for_each                     = var.redis_clients
  security_group_id            = aws_security_group.redis.id
  description                  = "Redis from ${each.key}"
  referenced_security_group_id = each.value
  from_port                    = 6379
  to_port                      = 6379
  ip_protocol                  = "tcp"
}

resource "aws_elasticache_subnet_group" "this" {
  name       = var.name
  subnet_ids = var.subnet_ids
}

data "aws_secretsmanager_secret_version" "redis_auth" {
  secret_id = var.redis_auth_secret_arn
}

resource "aws_cloudwatch_log_group" "redis_slow" {
  name              = "/elasticache/${var.name}/slow-log"
  retention_in_days = var.log_retention_days
}

resource "aws_elasticache_replication_group" "this" {
  replication_group_id       = var.name
  description                = "OpenSeat hot path: queue, holds, rate limits, entry-token revocations"
  engine                     = "redis"
  engine_version             = "7.1"
  node_type                  = var.redis_node_type
  port                       = 6379
  num_cache_clusters         = 1 + var.redis_replicas
  automatic_failover_enabled = var.redis_replicas > 0
  multi_az_enabled           = var.redis_replicas > 0
  subnet_group_name          = aws_elasticache_subnet_group.this.name
  security_group_ids         = [aws_security_group.redis.id]
  at_rest_encryption_enabled = true
  transit_encryption_enabled = true
  transit_encryption_mode    = "required"
  auth_token                 = data.aws_secretsmanager_secret_version.redis_auth.secret_string
  snapshot_retention_limit   = var.redis_replicas > 0 ? 3 : 0
  # Holds and queue positions live here; evicting them would sell a seat twice or lose a place.
  parameter_group_name = aws_elasticache_parameter_group.this.name
  log_delivery_configuration {
    destination      = aws_cloudwatch_log_group.redis_slow.name
    destination_type = "cloudwatch-logs"
    log_format       = "json"
    log_type         = "slow-log"
  }
}

resource "aws_elasticache_parameter_group" "this" {
  name   = "${var.name}-redis7"
  family = "redis7"
  parameter {
    name  = "maxmemory-policy"
    value = "noeviction"
  }
}

# ---------- Kafka ----------
resource "aws_security_group" "kafka" {
  name_prefix = "${var.name}-kafka-"
  description = "MSK brokers"
  vpc_id      = var.vpc_id
  lifecycle {
    create_before_destroy = true
  }
}

# 9096 = SASL/SCRAM over TLS, the only listener the cluster opens.
resource "aws_vpc_security_group_ingress_rule" "kafka" {
  for_each                     = var.kafka_clients
  security_group_id            = aws_security_group.kafka.id
  description                  = "Kafka SASL/SCRAM+TLS from ${each.key}"
  referenced_security_group_id = each.value
  from_port                    = 9096
  to_port                      = 9096
  ip_protocol                  = "tcp"
}

resource "aws_vpc_security_group_ingress_rule" "kafka_brokers" {
  security_group_id            = aws_security_group.kafka.id
  description                  = "broker to broker replication"
  referenced_security_group_id = aws_security_group.kafka.id
  ip_protocol                  = "-1"
}

resource "aws_msk_configuration" "this" {
  name           = "${var.name}-kafka"
  kafka_versions = [var.kafka_version]
  # Topics are created from the catalog (kafka-topics.json), not by the first producer, so a typo
  # in a topic name fails the publish instead of creating a one-partition topic.
  # acks=all with min ISR 2 stops publishing while a broker restarts (patching rolls through
  # brokers one by one); the outbox keeps those events and the relay drains them afterwards.
  server_properties = <<-PROPS
    auto.create.topics.enable=false
    default.replication.factor=${var.kafka_replication_factor}
    min.insync.replicas=${var.kafka_min_insync_replicas}
    unclean.leader.election.enable=false
    log.retention.hours=168
  PROPS
  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_cloudwatch_log_group" "kafka" {
  name              = "/msk/${var.name}"
  retention_in_days = var.log_retention_days
}

resource "aws_msk_cluster" "this" {
  cluster_name           = var.name
  kafka_version          = var.kafka_version
  number_of_broker_nodes = var.kafka_broker_count
  enhanced_monitoring    = "PER_TOPIC_PER_BROKER"

  broker_node_group_info {
    instance_type   = var.kafka_instance_type
    client_subnets  = var.subnet_ids
    security_groups = [aws_security_group.kafka.id]
    storage_info {
      ebs_storage_info {
        volume_size = var.kafka_volume_gb
      }
    }
  }

  client_authentication {
    unauthenticated = false
    sasl {
      scram = true
      iam   = false
    }
  }

  encryption_info {
    encryption_in_transit {
      client_broker = "TLS"
      in_cluster    = true
    }
  }

  configuration_info {
    arn      = aws_msk_configuration.this.arn
    revision = aws_msk_configuration.this.latest_revision
  }

  logging_info {
    broker_logs {
      cloudwatch_logs {
        enabled   = true
        log_group = aws_cloudwatch_log_group.kafka.name
      }
    }
  }
}

resource "aws_msk_scram_secret_association" "this" {
  cluster_arn     = aws_msk_cluster.this.arn
  secret_arn_list = [var.kafka_scram_secret_arn]
}
