output "security_group_id" {
  description = "The ALB's security group: the only source the api service admits."
  value       = aws_security_group.alb.id
}

output "target_group_arn" {
  description = "The api role's target group."
  value       = aws_lb_target_group.api.arn
}

output "dns_name" {
  description = "The ALB's DNS name (point the worker API's host name at it)."
  value       = aws_lb.this.dns_name
}

output "arn_suffix" {
  description = "For CloudWatch dimensions (LoadBalancer)."
  value       = aws_lb.this.arn_suffix
}

output "request_count_resource_label" {
  description = "resource_label of the ALBRequestCountPerTarget scaling metric."
  value       = "${aws_lb.this.arn_suffix}/${aws_lb_target_group.api.arn_suffix}"
}

output "ingress_rules" {
  description = "Every ingress rule of the ALB's security group, for the environment's checks."
  value = [for r in concat(values(aws_vpc_security_group_ingress_rule.https), values(aws_vpc_security_group_ingress_rule.http)) : {
    group = "alb", port = r.from_port, cidr_ipv4 = r.cidr_ipv4
  }]
}

output "listener" {
  description = "The HTTPS listener's TLS policy and the health check path, for the environment's checks."
  value = {
    ssl_policy           = aws_lb_listener.https.ssl_policy
    health_check_path    = aws_lb_target_group.api.health_check[0].path
    deregistration_delay = aws_lb_target_group.api.deregistration_delay
    http_redirect        = aws_lb_listener.http.default_action[0].type
  }
}
