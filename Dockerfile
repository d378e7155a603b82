# Product Importer: one image for the web and worker processes.
# Stage 1 builds the React app; stage 2 is the Python runtime with the built app inside.
# Not exercised by CI (no Docker engine runs there); see README.

FROM node:20-bookworm-slim AS frontend
WORKDIR /app
COPY schema.graphql ./
COPY frontend/package.json frontend/package-lock.json ./frontend/
RUN cd frontend && npm ci --no-audit --no-fund
COPY frontend ./frontend
RUN cd frontend && npm run build

FROM python:3.11-slim-bookworm AS runtime
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1
WORKDIR /app
COPY pyproject.toml ./
RUN pip install --upgrade pip && pip install .
COPY backend ./backend
COPY schema.graphql ./
COPY --from=frontend /app/frontend/dist ./frontend/dist
RUN useradd --create-home --uid 1000 app && mkdir -p /data && chown app /data
USER app
WORKDIR /app/backend
ENV DATA_DIR=/data MEDIA_ROOT=/data/media HOST=0.0.0.0 PORT=8000
EXPOSE 8000
CMD ["python", "manage.py", "serve", "--host", "0.0.0.0", "--no-worker"]
