# `npm run serve` as a container: Node 22 slim, production dependencies only (tsx is one: the service
# runs the TypeScript sources directly), non-root. Not built here: no Docker engine was available.
FROM node:22-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    STORE_DIR=/app/.data/store
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY tsconfig.json ./
COPY src ./src
COPY commands ./commands
COPY data ./data
# The embedded store (used only without DATABASE_URL) lives in a folder the node user owns.
RUN mkdir -p /app/.data && chown node:node /app/.data
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# node directly (not npm) so SIGTERM reaches the server, which drains and exits 0 within 10 s.
CMD ["node", "--import", "tsx", "src/http/serve.ts"]
