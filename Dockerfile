# syntax=docker/dockerfile:1
# ctacte's production image: the API and the built admin, run by plain node (no TypeScript at run time).
#   docker build -t ctacte .
#   docker compose --profile app up     (API ×2, worker, PgBouncer, PostgreSQL; see docker-compose.yml)

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    PORT=3000 \
    CTACTE_DATA_DIR=/home/node/data
WORKDIR /app
COPY --from=build --chown=node:node /app/package.json ./
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
COPY --from=build --chown=node:node /app/admin/dist ./admin/dist
USER node
EXPOSE 3000
# Liveness: the process answers and reaches its database.
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# SIGTERM drains the requests in flight (exports included) before the process exits.
STOPSIGNAL SIGTERM
CMD ["node", "dist/server/src/cli/start.js"]
