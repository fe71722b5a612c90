# Production image: gunicorn behind whatever terminates TLS, static files by whitenoise.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DEBUG=false

WORKDIR /app
COPY pyproject.toml ./
RUN pip install .
COPY . .
RUN python scripts/compile_messages.py

# collectstatic needs settings to import, not a real secret or database.
RUN SECRET_KEY=collectstatic-only python manage.py collectstatic --noinput --verbosity 0

RUN useradd --system --uid 10001 --home-dir /app tramitit && chown -R tramitit /app
USER tramitit

EXPOSE 8000
# SECRET_KEY, ALLOWED_HOSTS and DATABASE_URL come from the environment at run time.
CMD ["sh", "-c", "python manage.py migrate --noinput && python manage.py loadcontent && exec gunicorn tramitit.wsgi --bind 0.0.0.0:8000 --workers ${WEB_CONCURRENCY:-2} --no-control-socket --access-logfile -"]
