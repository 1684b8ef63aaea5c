output "vpc_id" {
  description = "The VPC's id."
  value       = aws_vpc.this.id
}

output "public_subnet_ids" {
  description = "Public subnets (ALB and NAT gateways), one per AZ."
  value       = [for az in var.azs : aws_subnet.public[az].id]
}

output "app_subnet_ids" {
  description = "App subnets (ECS tasks), one per AZ."
  value       = [for az in var.azs : aws_subnet.app[az].id]
}

output "data_subnet_ids" {
  description = "Data subnets (RDS, ElastiCache, MSK), one per AZ."
  value       = [for az in var.azs : aws_subnet.data[az].id]
}

output "data_routes" {
  description = "Routes of the data tier's route table besides the implicit local one: empty by design."
  value       = aws_route_table.data.route
}

output "internet_routes" {
  description = "Every default route in the VPC, by the tier whose table holds it."
  value = concat(
    [{ tier = "public", destination = aws_route.public_internet.destination_cidr_block }],
    [for k, r in aws_route.app_nat : { tier = "app", destination = r.destination_cidr_block }],
  )
}
