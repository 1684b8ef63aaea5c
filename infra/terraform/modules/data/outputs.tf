output "postgres_security_group_id" {
  description = "Security group of RDS."
  value       = aws_security_group.postgres.id
}

output "redis_security_group_id" {
  description = "Security group of ElastiCache."
  value       = aws_security_group.redis.id
}

output "kafka_security_group_id" {
  description = "Security group of MSK."
  value       = aws_security_group.kafka.id
}

output "postgres_endpoint" {
  description = "host:port of the primary (for DATABASE_URL)."
  value       = aws_db_instance.this.endpoint
}

output "redis_primary_endpoint" {
  description = "Primary endpoint (for REDIS_URL, rediss://)."
  value       = aws_elasticache_replication_group.this.primary_endpoint_address
}

output "kafka_bootstrap_brokers" {
  description = "SASL/SCRAM bootstrap brokers (KAFKA_BROKERS)."
  value       = aws_msk_cluster.this.bootstrap_brokers_sasl_scram
}

output "ids" {
  description = "Identifiers the alarms use as dimensions."
  value = {
    db_instance          = aws_db_instance.this.identifier
    replication_group    = aws_elasticache_replication_group.this.id
    kafka_cluster_name   = aws_msk_cluster.this.cluster_name
    redis_member_cluster = "${aws_elasticache_replication_group.this.id}-001"
  }
}

output "summary" {
  description = "What the environment's checks assert on."
  value = {
    postgres_multi_az            = aws_db_instance.this.multi_az
    postgres_deletion_protection = aws_db_instance.this.deletion_protection
    postgres_backup_days         = aws_db_instance.this.backup_retention_period
    postgres_insights            = aws_db_instance.this.performance_insights_enabled
    postgres_preload             = [for p in aws_db_parameter_group.this.parameter : p.value if p.name == "shared_preload_libraries"]
    postgres_public              = aws_db_instance.this.publicly_accessible
    redis_tls                    = aws_elasticache_replication_group.this.transit_encryption_enabled
    redis_nodes                  = aws_elasticache_replication_group.this.num_cache_clusters
    redis_failover               = aws_elasticache_replication_group.this.automatic_failover_enabled
    kafka_client_broker          = aws_msk_cluster.this.encryption_info[0].encryption_in_transit[0].client_broker
    kafka_scram                  = aws_msk_cluster.this.client_authentication[0].sasl[0].scram
    kafka_unauthenticated        = aws_msk_cluster.this.client_authentication[0].unauthenticated
    ingress_rules = [for r in concat(values(aws_vpc_security_group_ingress_rule.postgres), values(aws_vpc_security_group_ingress_rule.redis), values(aws_vpc_security_group_ingress_rule.kafka), [aws_vpc_security_group_ingress_rule.kafka_brokers]) : {
      group = "data", port = r.from_port, cidr_ipv4 = r.cidr_ipv4
    }]
  }
}
