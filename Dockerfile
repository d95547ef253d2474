# Nhắc việc — the bot in a container: slim Python, non-root, Tesseract with Vietnamese data
# (scanned notices), PostgreSQL 16 client tools (nhacviec backup / restore against postgres:16).
# Build from the repository alone:  docker build -t nhacviec .
FROM python:3.12-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    TZ=Asia/Ho_Chi_Minh

# pg_dump must not be older than the server: take postgresql-client-16 from the PostgreSQL (PGDG) archive
RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates curl tzdata tesseract-ocr tesseract-ocr-vie \
 && install -d /usr/share/postgresql-common/pgdg \
 && curl -fsSL -o /usr/share/postgresql-common/pgdg/apt.postgresql.org.asc \
        https://www.postgresql.org/media/keys/ACCC4CF8.asc \
 && echo "deb [signed-by=/usr/share/postgresql-common/pgdg/apt.postgresql.org.asc] https://apt.postgresql.org/pub/repos/apt bookworm-pgdg main" \
        > /etc/apt/sources.list.d/pgdg.list \
 && apt-get update \
 && apt-get install -y --no-install-recommends postgresql-client-16 \
 && apt-get purge -y curl && apt-get autoremove -y \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /src
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY scheduler ./scheduler
COPY storage ./storage
RUN pip install . && rm -rf /src/build

# Non-root: the bot, its SQLite file (when DATABASE_URL is not PostgreSQL) and backups live in /data and /backups
RUN groupadd --system --gid 10001 nhacviec \
 && useradd --system --uid 10001 --gid nhacviec --home-dir /data --shell /usr/sbin/nologin nhacviec \
 && install -d -o nhacviec -g nhacviec /data /backups
USER nhacviec:nhacviec
WORKDIR /data
ENV DATABASE_URL=sqlite:////data/nhacviec.db
VOLUME ["/data", "/backups"]

# `docker run nhacviec` runs the bot; `docker run nhacviec db upgrade`, `… doctor`, `… backup /backups/x.dump`
ENTRYPOINT ["nhacviec"]
CMD ["run"]
