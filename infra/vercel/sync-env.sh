#!/usr/bin/env bash
# Writes the gateway's variables into the Vercel project, per Vercel environment, from
# infra/vercel/environments.json (URLs) and AWS Secrets Manager (secrets; the same values the
# worker fleet of that AWS environment reads). Run after a secret rotation, with `vercel link`
# done and AWS credentials for both accounts:  bash infra/vercel/sync-env.sh production preview
set -euo pipefail
cd "$(dirname "$0")"

SECRETS=(DATABASE_URL REDIS_URL INTERNAL_API_TOKEN ENTRY_TOKEN_KEYS TICKET_SIGNING_KEY AUTH_SECRET ALB_ORIGIN_SECRET)

for target in "$@"; do
  aws_env=$(node -p "require('./environments.json')['$target'].awsEnvironment")
  for name in WORKER_API_URL PUBLIC_ORIGIN; do
    value=$(node -p "require('./environments.json')['$target']['$name'] ?? ''")
    [ -n "$value" ] && printf '%s' "$value" | vercel env add "$name" "$target" --force > /dev/null
  done
  for name in "${SECRETS[@]}"; do
    aws secretsmanager get-secret-value --secret-id "openseat-$aws_env/$name" --query SecretString --output text \
      | tr -d '\n' | vercel env add "$name" "$target" --sensitive --force > /dev/null
  done
  echo "vercel $target ← openseat-$aws_env"
done
