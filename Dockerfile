# syntax=docker/dockerfile:1
# One image for every service (api, etl-worker, data-worker, analysis-worker, setup): built once, run with a
# different command. Build from the project root (compose does: context .., dockerfile Dockerfile).
# NODE_IMAGE is pinned in compose/.env with every other image tag; this default must stay equal to it
# (test/deploy/dockerfile-replay.test.ts checks).
ARG NODE_IMAGE=node:22.20.0-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
# Dependencies first, for the layer cache. --ignore-scripts: the `prepare` script would run the build here,
# before the sources are copied.
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY . .
RUN npm run build
RUN npm prune --omit=dev --ignore-scripts --no-audit --no-fund

FROM ${NODE_IMAGE}
ENV NODE_OPTIONS=--enable-source-maps
WORKDIR /app
# Only what runs: compiled code, production dependencies (vega-datasets holds the demo CSVs) and migrations.
COPY --from=build --chown=node:node /app/package.json ./
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
COPY --from=build --chown=node:node /app/migrations ./migrations
# The image's built-in unprivileged user (uid 1000).
USER node
CMD ["node", "dist/api/server.js"]
