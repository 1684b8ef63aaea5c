output "service_name" {
  description = "The ECS service's name."
  value       = aws_ecs_service.this.name
}

output "security_group_id" {
  description = "The tasks' security group (data stores admit it by reference)."
  value       = aws_security_group.this.id
}

output "log_group_name" {
  description = "Where the role's JSON logs go."
  value       = aws_cloudwatch_log_group.this.name
}

output "summary" {
  description = "What the environment's checks assert on: sizing, deployment safety, scaling, and which variables are plain or secret."
  value = {
    role              = var.role
    cpu               = aws_ecs_task_definition.this.cpu
    memory            = aws_ecs_task_definition.this.memory
    desired_count     = aws_ecs_service.this.desired_count
    min_count         = aws_appautoscaling_target.this.min_capacity
    max_count         = aws_appautoscaling_target.this.max_capacity
    circuit_breaker   = aws_ecs_service.this.deployment_circuit_breaker[0]
    load_balanced     = length(aws_ecs_service.this.load_balancer) > 0
    public_ip         = aws_ecs_service.this.network_configuration[0].assign_public_ip
    scaling_metrics   = local.scaling_metrics
    environment_names = [for e in local.container.environment : e.name]
    secret_names      = [for s in local.container.secrets : s.name]
    stop_timeout      = local.container.stopTimeout
    health_check      = local.container.healthCheck.command
    ingress_rules     = [for r in aws_vpc_security_group_ingress_rule.from_alb : { group = var.role, port = r.from_port, cidr_ipv4 = r.cidr_ipv4 }]
  }
}
