variable "name" {
  type        = string
  description = "Prefix of every secret, e.g. openseat-prod."
}

variable "secrets" {
  type        = map(string)
  description = "Secret name (the variable it feeds) → what it holds."
}
