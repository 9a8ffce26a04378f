# syntax=docker/dockerfile:1
# Build stage: full install (better-sqlite3 compiles here), type-check and compile to dist/.
FROM node:20-bookworm-slim AS build
WORKDIR /app
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY commands ./commands
RUN npx tsc -p tsconfig.build.json && npm prune --omit=dev

# Runtime stage: production dependencies and compiled JavaScript only, as the unprivileged node user.
FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    DATA_DIR=/data \
    FEEDS_FILE=/app/feeds.json
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json feeds.json ./
COPY bin ./bin
RUN mkdir -p /data && chown node:node /data
USER node
# The SQLite database lives here; mount a volume to keep it. Mount your own feeds.json over /app/feeds.json.
VOLUME ["/data"]
# Healthy while the poller keeps every enabled feed on time; `health` only reads the database.
HEALTHCHECK --interval=5m --timeout=30s --start-period=10m CMD ["node", "bin/newsbrief.js", "health"]
CMD ["node", "dist/src/main.js"]
