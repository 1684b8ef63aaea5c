output "environment" {
  description = "Which environment this root is."
  value       = var.environment
}

output "alb_dns_name" {
  description = "Point the worker API host name at this."
  value       = module.stack.alb_dns_name
}

output "ecr_repository_url" {
  description = "Where CI pushes images."
  value       = module.stack.ecr_repository_url
}

output "cluster_name" {
  description = "ECS cluster."
  value       = module.stack.cluster_name
}

output "services" {
  description = "Per role service facts."
  value       = module.stack.services
}

output "alb" {
  description = "ALB listener facts."
  value       = module.stack.alb
}

output "network" {
  description = "Route facts."
  value       = module.stack.network
}

output "ingress_rules" {
  description = "Every ingress rule."
  value       = module.stack.ingress_rules
}

output "data" {
  description = "Data service settings."
  value       = module.stack.data
}

output "ecr_tag_mutability" {
  description = "ECR tag mutability."
  value       = module.stack.ecr_tag_mutability
}

output "secret_names" {
  description = "Secrets Manager secrets."
  value       = module.stack.secret_names
}

output "alarm_names" {
  description = "CloudWatch alarms."
  value       = module.stack.alarm_names
}
