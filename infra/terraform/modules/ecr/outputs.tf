output "repository_url" {
  description = "Push and pull URL."
  value       = aws_ecr_repository.this.repository_url
}

output "repository_arn" {
  description = "For IAM policies."
  value       = aws_ecr_repository.this.arn
}

output "tag_mutability" {
  description = "IMMUTABLE: a SHA tag always names the same image."
  value       = aws_ecr_repository.this.image_tag_mutability
}
