variable "name" {
  type        = string
  description = "Name prefix of every network resource, e.g. openseat-prod."
}

variable "cidr_block" {
  type        = string
  description = "The VPC's IPv4 range; /16 leaves room for the three tiers in each AZ."
  validation {
    condition     = can(cidrnetmask(var.cidr_block)) && endswith(var.cidr_block, "/16")
    error_message = "cidr_block must be an IPv4 /16."
  }
}

variable "azs" {
  type        = list(string)
  description = "Availability zones, two of them (ap-northeast-2a and 2c)."
  validation {
    condition     = length(var.azs) == 2
    error_message = "The network spans exactly two availability zones."
  }
}

variable "nat_gateway_per_az" {
  type        = bool
  description = "One NAT gateway per AZ (prod) or a single shared one (staging)."
}
