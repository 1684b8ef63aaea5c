variable "name" {
  type        = string
  description = "Repository name."
}

variable "keep_images" {
  type        = number
  description = "Images kept; older ones expire."
  default     = 200
}
