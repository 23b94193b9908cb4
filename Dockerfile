# syntax=docker/dockerfile:1
# Build stage: dev dependencies (TypeScript) compile src/ to dist/.
FROM node:26-slim AS build
WORKDIR /app
# better-sqlite3 builds its native addon when no prebuilt binary can be fetched.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build

# Runtime stage: production dependencies only, non-root.
FROM node:26-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force \
  && apt-get purge -y python3 make g++ && apt-get autoremove -y
COPY --from=build /app/dist ./dist
COPY bin ./bin
COPY manifest.yml ./
RUN mkdir -p /app/data && chown -R node:node /app/data
USER node
VOLUME ["/app/data"]
ENV PORT=3000 DATABASE_URL=sqlite:/app/data/vspc-bot.sqlite
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# --max-semi-space-size=2 (MB): V8 otherwise grows each young-generation semi-space to 16 MB on
# start-up's and a burst's allocations and keeps them resident; the bot's short-lived garbage
# (request bodies, VSPC pages read one at a time) fits in 2 MB. npm run bench runs the bot with
# these flags: peak RSS of the 100-command burst over 12,000 licenses about 15-25 MB lower.
# --liftoff-only: the only WebAssembly in the process is undici's HTTP parser (llhttp, the VSPC
# client). V8 otherwise recompiles it with TurboFan on a background thread right after the first
# VSPC request, with ~30 MB of compiler memory it gives back afterwards: RSS peaked at ~130 MB one
# second after /readyz, 93-98 MB with the flag. The baseline code parses the VSPC answers as fast
# as the bench can tell (the 12,000-license load is bound by JSON.parse and the checks, not llhttp).
# --max-old-space-size=256 (MB): V8 sizes the heap's growth by its limit; with the default limit
# (GBs) it let ~30 MB of garbage pile up (VSPC answers read and dropped) before a full collection.
# The bot's live heap over 12,000 licenses is ~35-45 MB, so 256 MB leaves ample room.
CMD ["node", "--max-semi-space-size=2", "--liftoff-only", "--max-old-space-size=256", "dist/cli/main.js", "serve"]
