variable "name" {
  type = string
}

variable "kms_key_arn" {
  type = string
}

variable "ttl_enabled" {
  type    = bool
  default = false
}

variable "pitr" {
  type    = bool
  default = true
}

resource "aws_dynamodb_table" "this" {
  name                        = var.name
  hash_key                    = "pk"
  billing_mode                = "PAY_PER_REQUEST"
  deletion_protection_enabled = true
  stream_enabled              = true
  stream_view_type            = "NEW_AND_OLD_IMAGES"

  attribute {
    name = "pk"
    type = "S"
  }

  server_side_encryption {
    enabled     = true
    kms_key_arn = var.kms_key_arn
  }

  point_in_time_recovery {
    enabled = var.pitr
  }

  dynamic "ttl" {
    for_each = var.ttl_enabled ? [1] : []
    content {
      enabled        = true
      attribute_name = "expires_at"
    }
  }
}

output "arn" {
  value = aws_dynamodb_table.this.arn
}
