# One worker role as one ECS Fargate service: task definition (secrets from Secrets Manager or
# SSM, never in `environment`), its own security group and task role, a rolling deployment that
# the circuit breaker rolls back, and target-tracking autoscaling on CPU plus the role's own load
# signal (requests per target for `api`, outbox age or consumer lag for the event roles).
locals {
  service_name = "${var.name}-${var.role}"
  # Every role answers /health/live inside its task (the api on its server, loop roles on a probe
  # server): 503 when a loop stopped turning, and ECS replaces the task.
  health_check = {
    command     = ["CMD", "node", "--import", "tsx", "infra/docker/healthcheck.ts"]
    interval    = 15
    timeout     = 5
    retries     = 3
    startPeriod = 30
  }
  container = {
    name                   = var.role
    image                  = var.image
    essential              = true
    readonlyRootFilesystem = true
    user                   = "node"
    command                = ["node", "--import", "tsx", "workers/main.ts", "--role=${var.role}"]
    portMappings           = var.load_balancer == null ? [] : [{ containerPort = var.container_port, protocol = "tcp" }]
    environment            = [for k in sort(keys(var.environment)) : { name = k, value = var.environment[k] }]
    secrets                = [for k in sort(keys(var.secrets)) : { name = k, valueFrom = var.secrets[k] }]
    stopTimeout            = var.stop_timeout_seconds
    healthCheck            = local.health_check
    mountPoints            = [{ sourceVolume = "tmp", containerPath = "/tmp", readOnly = false }]
    logConfiguration = {
      logDriver = "awslogs"
      options = {
        awslogs-group         = aws_cloudwatch_log_group.this.name
        awslogs-region        = var.region
        awslogs-stream-prefix = var.role
      }
    }
  }
  # Every task runs an OpenTelemetry collector beside the role: the role sends its spans to it
  # over OTLP (127.0.0.1:4318) and it forwards them to X-Ray. The api role's /metrics also carries
  # the fleet-wide outbox series (read from PostgreSQL), so its collector also scrapes them into
  # CloudWatch (namespace OpenSeat) for the alarms and the relay's scaling.
  scrapes = var.load_balancer != null
  collector_config = {
    receivers = merge(
      { otlp = { protocols = { http = { endpoint = "127.0.0.1:4318" } } } },
      local.scrapes ? { prometheus = { config = { scrape_configs = [{
        job_name        = "openseat-${var.role}"
        scrape_interval = "15s"
        static_configs  = [{ targets = ["127.0.0.1:${var.container_port}"] }]
      }] } } } : {},
    )
    processors = {
      batch    = {}
      resource = { attributes = [{ key = "environment", value = var.collector.environment, action = "upsert" }] }
    }
    exporters = merge(
      { awsxray = {} },
      local.scrapes ? { awsemf = {
        namespace                        = "OpenSeat"
        log_group_name                   = var.collector.log_group_name
        dimension_rollup_option          = "NoDimensionRollup"
        resource_to_telemetry_conversion = { enabled = true }
        metric_declarations = [{
          dimensions            = [["environment"], ["environment", "group"]]
          metric_name_selectors = var.collector.metric_names
        }]
      } } : {},
    )
    service = { pipelines = merge(
      { traces = { receivers = ["otlp"], processors = ["resource", "batch"], exporters = ["awsxray"] } },
      local.scrapes ? { metrics = { receivers = ["prometheus"], processors = ["resource"], exporters = ["awsemf"] } } : {},
    ) }
  }
  collector = {
    name             = "otel-collector"
    image            = var.collector.image
    essential        = false
    environment      = [{ name = "AOT_CONFIG_CONTENT", value = yamlencode(local.collector_config) }]
    logConfiguration = local.container.logConfiguration
  }
  scaling_metrics = concat(
    ["ECSServiceAverageCPUUtilization"],
    var.load_balancer == null ? [] : ["ALBRequestCountPerTarget"],
    var.custom_scaling == null ? [] : ["${var.custom_scaling.namespace}/${var.custom_scaling.metric_name}"],
  )
}

resource "aws_cloudwatch_log_group" "this" {
  name              = "/ecs/${local.service_name}"
  retention_in_days = var.log_retention_days
}

data "aws_iam_policy_document" "assume_tasks" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["ecs-tasks.amazonaws.com"]
    }
  }
}

# Execution role: what ECS itself needs to start the task — pull the image, write logs, read
# exactly this role's secrets.
resource "aws_iam_role" "execution" {
  name_prefix        = "${var.role}-exec-"
  assume_role_policy = data.aws_iam_policy_document.assume_tasks.json
}

data "aws_iam_policy_document" "execution" {
  statement {
    sid       = "PullImage"
    actions   = ["ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"]
    resources = [var.ecr_repository_arn]
  }
  statement {
    sid       = "EcrToken"
    actions   = ["ecr:GetAuthorizationToken"]
    resources = ["*"]
  }
  statement {
    sid       = "Logs"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["${aws_cloudwatch_log_group.this.arn}:*"]
  }
  dynamic "statement" {
    for_each = length(local.secret_manager_arns) > 0 ? [1] : []
    content {
      sid       = "ReadSecrets"
      actions   = ["secretsmanager:GetSecretValue"]
      resources = local.secret_manager_arns
    }
  }
  dynamic "statement" {
    for_each = length(local.ssm_arns) > 0 ? [1] : []
    content {
      sid       = "ReadParameters"
      actions   = ["ssm:GetParameters"]
      resources = local.ssm_arns
    }
  }
  statement {
    sid       = "DecryptSecrets"
    actions   = ["kms:Decrypt"]
    resources = [var.secrets_kms_key_arn]
  }
}

locals {
  # valueFrom may name a JSON key (`arn:…:secret:name-AbCd:KEY::`); IAM wants the secret's ARN.
  secret_manager_arns = distinct([for v in values(var.secrets) : join(":", slice(split(":", v), 0, 7)) if strcontains(v, ":secretsmanager:")])
  ssm_arns            = distinct([for v in values(var.secrets) : v if strcontains(v, ":ssm:")])
}

resource "aws_iam_role_policy" "execution" {
  name   = "start-task"
  role   = aws_iam_role.execution.id
  policy = data.aws_iam_policy_document.execution.json
}

# Task role: what the role's code may call in AWS. The roles talk to PostgreSQL, Redis, Kafka
# and PortOne over the network with credentials from their secrets, so the default is nothing.
resource "aws_iam_role" "task" {
  name_prefix        = "${var.role}-task-"
  assume_role_policy = data.aws_iam_policy_document.assume_tasks.json
}

data "aws_iam_policy_document" "task" {
  count = length(var.task_policy_statements) > 0 ? 1 : 0
  dynamic "statement" {
    for_each = var.task_policy_statements
    content {
      actions   = statement.value.actions
      resources = statement.value.resources
    }
  }
}

resource "aws_iam_role_policy" "task" {
  count  = length(var.task_policy_statements) > 0 ? 1 : 0
  name   = "role-code"
  role   = aws_iam_role.task.id
  policy = data.aws_iam_policy_document.task[0].json
}

resource "aws_ecs_task_definition" "this" {
  family                   = local.service_name
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = var.cpu
  memory                   = var.memory
  execution_role_arn       = aws_iam_role.execution.arn
  task_role_arn            = aws_iam_role.task.arn
  container_definitions    = jsonencode([local.container, local.collector])
  volume {
    name = "tmp"
  }
  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = "X86_64"
  }
}

resource "aws_security_group" "this" {
  name_prefix = "${local.service_name}-"
  description = "Tasks of the ${var.role} role"
  vpc_id      = var.vpc_id
  lifecycle {
    create_before_destroy = true
  }
}

# Only the ALB reaches a task, and only the api role's.
resource "aws_vpc_security_group_ingress_rule" "from_alb" {
  count                        = var.load_balancer == null ? 0 : 1
  security_group_id            = aws_security_group.this.id
  description                  = "worker API from the ALB"
  referenced_security_group_id = var.load_balancer.security_group_id
  from_port                    = var.container_port
  to_port                      = var.container_port
  ip_protocol                  = "tcp"
}

resource "aws_vpc_security_group_egress_rule" "to_data" {
  for_each                     = var.data_security_groups
  security_group_id            = aws_security_group.this.id
  description                  = "to ${each.key}"
  referenced_security_group_id = each.value.id
  from_port                    = each.value.port
  to_port                      = each.value.to_port
  ip_protocol                  = "tcp"
}

# AWS APIs (ECR, Secrets Manager, CloudWatch) and PortOne, through the NAT gateway.
resource "aws_vpc_security_group_egress_rule" "https" {
  security_group_id = aws_security_group.this.id
  description       = "HTTPS out through NAT"
  cidr_ipv4         = "0.0.0.0/0"
  from_port         = 443
  to_port           = 443
  ip_protocol       = "tcp"
}

resource "aws_ecs_service" "this" {
  name                               = local.service_name
  cluster                            = var.cluster_arn
  task_definition                    = aws_ecs_task_definition.this.arn
  desired_count                      = var.desired_count
  launch_type                        = "FARGATE"
  platform_version                   = "1.4.0"
  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 200
  health_check_grace_period_seconds  = var.load_balancer == null ? null : 30
  propagate_tags                     = "SERVICE"
  enable_ecs_managed_tags            = true
  wait_for_steady_state              = false

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  deployment_controller {
    type = "ECS"
  }

  network_configuration {
    subnets          = var.subnet_ids
    security_groups  = [aws_security_group.this.id]
    assign_public_ip = false
  }

  dynamic "load_balancer" {
    for_each = var.load_balancer == null ? [] : [var.load_balancer]
    content {
      target_group_arn = load_balancer.value.target_group_arn
      container_name   = var.role
      container_port   = var.container_port
    }
  }

  # Autoscaling owns the count after the first apply.
  lifecycle {
    ignore_changes = [desired_count]
  }
}

resource "aws_appautoscaling_target" "this" {
  service_namespace  = "ecs"
  resource_id        = "service/${var.cluster_name}/${aws_ecs_service.this.name}"
  scalable_dimension = "ecs:service:DesiredCount"
  min_capacity       = var.min_count
  max_capacity       = var.max_count
}

resource "aws_appautoscaling_policy" "cpu" {
  name               = "${local.service_name}-cpu"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = aws_appautoscaling_target.this.service_namespace
  resource_id        = aws_appautoscaling_target.this.resource_id
  scalable_dimension = aws_appautoscaling_target.this.scalable_dimension
  target_tracking_scaling_policy_configuration {
    target_value       = var.cpu_target_percent
    scale_out_cooldown = 60
    scale_in_cooldown  = 300
    predefined_metric_specification {
      predefined_metric_type = "ECSServiceAverageCPUUtilization"
    }
  }
}

resource "aws_appautoscaling_policy" "requests" {
  count              = var.load_balancer == null ? 0 : 1
  name               = "${local.service_name}-requests"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = aws_appautoscaling_target.this.service_namespace
  resource_id        = aws_appautoscaling_target.this.resource_id
  scalable_dimension = aws_appautoscaling_target.this.scalable_dimension
  target_tracking_scaling_policy_configuration {
    target_value       = var.load_balancer.requests_per_target
    scale_out_cooldown = 30
    scale_in_cooldown  = 300
    predefined_metric_specification {
      predefined_metric_type = "ALBRequestCountPerTarget"
      resource_label         = var.load_balancer.resource_label
    }
  }
}

resource "aws_appautoscaling_policy" "backlog" {
  count              = var.custom_scaling == null ? 0 : 1
  name               = "${local.service_name}-${var.custom_scaling.metric_name}"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = aws_appautoscaling_target.this.service_namespace
  resource_id        = aws_appautoscaling_target.this.resource_id
  scalable_dimension = aws_appautoscaling_target.this.scalable_dimension
  target_tracking_scaling_policy_configuration {
    target_value       = var.custom_scaling.target
    scale_out_cooldown = 60
    scale_in_cooldown  = 600
    customized_metric_specification {
      namespace   = var.custom_scaling.namespace
      metric_name = var.custom_scaling.metric_name
      statistic   = var.custom_scaling.statistic
      dynamic "dimensions" {
        for_each = var.custom_scaling.dimensions
        content {
          name  = dimensions.key
          value = dimensions.value
        }
      }
    }
  }
}
