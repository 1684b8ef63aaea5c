terraform {
  required_version = ">= 1.11"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.100"
    }
  }
  # State bucket and lock table come from `-backend-config` in the deploy workflow; the test
  # suite runs `terraform init -backend=false`.
  backend "s3" {}
}
