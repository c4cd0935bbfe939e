# The API server image: `docker build -t milmed-api .`, then see compose.yaml for a production layout.
# Nothing in CI builds it; `npm run test:load` exercises the same processes without Docker.

# Build: install every dependency, compile dist/ (server, CLI and web pages) once, failing on a type
# error (`prepare` only warns, so it is skipped here), then drop the dev dependencies.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY . .
RUN npm ci --no-audit --no-fund --ignore-scripts && npm run build && npm prune --omit=dev

# Run: only what the server reads at run time (package.json for its version, migrations, dist/, modules).
FROM node:20-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=8000 DATA_DIR=/data
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/drizzle ./drizzle
COPY --from=build /app/dist ./dist
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME /data
EXPOSE 8000
# Liveness only (/health touches nothing); readiness for a load balancer is /api/v1/health/ready.
HEALTHCHECK --interval=10s --timeout=3s \
  CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# SIGTERM drains requests and running jobs (SHUTDOWN_GRACE_MS) and exits 0; give it the time in compose.
CMD ["node", "dist/main.js"]
