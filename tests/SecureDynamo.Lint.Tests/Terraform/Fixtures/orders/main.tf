variable "environment" {
  type    = string
  default = "prod"
}

locals {
  tables = {
    orders   = { ttl = true, pitr = true }
    sessions = { ttl = false, pitr = false }
  }
}

resource "aws_kms_key" "tables" {
  description         = "DynamoDB tables"
  enable_key_rotation = true
}

module "t" {
  source   = "./modules/table"
  for_each = local.tables

  name        = "${var.environment}-${each.key}"
  kms_key_arn = aws_kms_key.tables.arn
  ttl_enabled = each.value.ttl
  pitr        = each.value.pitr
}

# securedynamo:ignore dynamodb:013 reason="audit tables are append-only" expires=2099-01-01
resource "aws_dynamodb_table" "audit" {
  count        = 2
  name         = "audit-${count.index}"
  hash_key     = "id"
  billing_mode = "PAY_PER_REQUEST"

  attribute {
    name = "id"
    type = "S"
  }

  server_side_encryption {
    enabled = true
  }

  deletion_protection_enabled = true
}
