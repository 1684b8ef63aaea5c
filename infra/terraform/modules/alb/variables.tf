variable "name" {
  type        = string
  description = "Name of the load balancer and its WAF ACL (at most 32 characters)."
}

variable "vpc_id" {
  type        = string
  description = "VPC of the target group and security group."
}

variable "subnet_ids" {
  type        = list(string)
  description = "Public subnets when the ALB is internet-facing, app subnets when internal."
}

variable "internal" {
  type        = bool
  description = "true when the gateway reaches the ALB through Vercel Secure Compute (VPC peering); false when it comes over the internet with the origin header."
}

variable "ingress_cidrs" {
  type        = list(string)
  description = "Where the gateway's requests come from: Secure Compute's egress range, or 0.0.0.0/0 with the origin header and WAF."
}

variable "certificate_arn" {
  type        = string
  description = "ACM certificate of the worker API's host name."
}

variable "origin_secret_arn" {
  type        = string
  description = "Secrets Manager secret holding the origin header's value (the gateway sends the same)."
}

variable "origin_header_name" {
  type        = string
  description = "Header the gateway sets on every call to the worker API."
  default     = "x-openseat-origin"
}

variable "container_port" {
  type        = number
  description = "Port the api role listens on (WORKER_PORT)."
}

variable "deregistration_delay_seconds" {
  type        = number
  description = "How long a draining target keeps its in-flight requests."
}

variable "shutdown_grace_seconds" {
  type        = number
  description = "The worker's graceful shutdown (SHUTDOWN_GRACE_MS / 1000); the delay must exceed it."
}

variable "deletion_protection" {
  type        = bool
  description = "Refuse to delete the load balancer (prod)."
}

variable "waf_rate_limit_per_5_minutes" {
  type        = number
  description = "Requests one IP may send in 5 minutes before WAF blocks it."
}
