variable "environment" {
  type        = string
  description = "Which environment to plan: its sizes are in local.environments (main.tf)."
  validation {
    condition     = contains(["prod", "staging"], var.environment)
    error_message = "environment is prod or staging."
  }
}

variable "worker_roles" {
  type        = list(string)
  description = "ROLE_NAMES from workers/config.ts (the deploy workflow and the test suite pass them from the code)."
  validation {
    condition     = sort(var.worker_roles) == sort(keys(local.environments[var.environment].services))
    error_message = "Every worker role in the code needs exactly one ECS service in its environment's services (main.tf), and every service a role."
  }
}

variable "image_tag" {
  type        = string
  description = "Commit SHA of the image to run."
}

variable "certificate_arn" {
  type        = string
  description = "ACM certificate of the worker API host name."
}
