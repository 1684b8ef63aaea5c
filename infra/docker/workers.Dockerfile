# The worker fleet image: one image, one ECS service per role (WORKER_ROLE=api|admission|…).
# Built in CI with a Docker engine (these development machines have none).
FROM node:20.19-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY scripts/prisma-generate.mjs scripts/
COPY prisma prisma
COPY prisma.config.ts ./
RUN npm ci --omit=dev --ignore-scripts && npm install --no-save prisma@7.10.0 && node scripts/prisma-generate.mjs

FROM node:20.19-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY --from=deps /app/node_modules node_modules
COPY --from=deps /app/lib/db/generated lib/db/generated
COPY package.json tsconfig.json ./
COPY lib lib
COPY workers workers
COPY prisma prisma
USER node
EXPOSE 4000
# SIGTERM from ECS: readiness turns 503, in-flight work finishes (≤ 30 s), pools close.
STOPSIGNAL SIGTERM
CMD ["node", "--import", "tsx", "workers/main.ts"]
