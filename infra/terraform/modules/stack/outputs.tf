output "alb_dns_name" {
  description = "Point the worker API host name (WORKER_API_URL in Vercel) at this."
  value       = module.alb.dns_name
}

output "ecr_repository_url" {
  description = "Where CI pushes the SHA-tagged image."
  value       = module.ecr.repository_url
}

output "cluster_name" {
  description = "ECS cluster."
  value       = aws_ecs_cluster.this.name
}

output "services" {
  description = "Per role: the ECS service's sizing, deployment safety, scaling metrics and variables."
  value       = { for r, s in module.service : r => s.summary }
}

output "alb" {
  description = "The ALB's listener facts."
  value       = module.alb.listener
}

output "network" {
  description = "Routes: data_routes must stay empty; internet_routes names each default route's tier."
  value = {
    data_routes     = module.network.data_routes
    internet_routes = module.network.internet_routes
  }
}

output "ingress_rules" {
  description = "Every security group ingress rule in the environment, with its CIDR if any."
  value = concat(
    module.alb.ingress_rules,
    flatten([for s in module.service : s.summary.ingress_rules]),
    module.data.summary.ingress_rules,
  )
}

output "data" {
  description = "The data services' settings."
  value       = module.data.summary
}

output "ecr_tag_mutability" {
  description = "IMMUTABLE."
  value       = module.ecr.tag_mutability
}

output "secret_names" {
  description = "Secrets Manager secrets (values are put by an operator)."
  value       = keys(module.secrets.arns)
}

output "alarm_names" {
  description = "Every CloudWatch alarm."
  value       = module.alarms.alarm_names
}
