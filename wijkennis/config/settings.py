"""Wijkennis settings: one module, configured through environment variables.

Every variable has a documented default that is safe for a local demo; production sets
DJANGO_DEBUG=0, SECRET_KEY, ALLOWED_HOSTS and DATABASE_URL (see docs/DEPLOY.md).
"""

import os
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name: str, default: bool) -> bool:
    return os.environ.get(name, "1" if default else "0").lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def _next_redis_database(url: str) -> str:
    """redis://host:6379/3 → redis://host:6379/4 (database 0 when the URL names none)."""
    parts = urlsplit(url)
    number = int(parts.path.strip("/") or 0) + 1
    return urlunsplit(parts._replace(path=f"/{number}"))


DEBUG = env_bool("DJANGO_DEBUG", False)
# The fallback key only exists so a local demo starts; check --deploy flags it in production.
SECRET_KEY = os.environ.get("SECRET_KEY", "django-insecure-local-demo-key-change-me")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

DATA_DIR = Path(os.environ.get("WIJKENNIS_DATA_DIR", BASE_DIR / "var"))
# The SQLite file and collected static files live here; both need the folder to exist.
(DATA_DIR / "static").mkdir(parents=True, exist_ok=True)
DEDUCE_CACHE_DIR = Path(os.environ.get("WIJKENNIS_DEDUCE_CACHE", DATA_DIR / "cache" / "deduce"))

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django_htmx",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "axes",
    # Optional two-factor sign-in (TOTP apps) for coordinators and beheerders.
    "django_otp",
    "django_otp.plugins.otp_totp",
    "wijkennis.core",
    "wijkennis.accounts",
    "wijkennis.organisations",
    "wijkennis.vocabulary",
    "wijkennis.deidentification",
    "wijkennis.stories",
    "wijkennis.search",
    "wijkennis.taalbrug",
    "wijkennis.knowledge",
    "wijkennis.readiness",
    "wijkennis.deployment",
    "wijkennis.jobs",
    "wijkennis.trajectories",
    "wijkennis.inbreng",
    "wijkennis.dashboards",
    "wijkennis.intervision",
    "wijkennis.trainings",
    "wijkennis.referrals",
    "wijkennis.invitations",
    "wijkennis.sso",
    "wijkennis.twofactor",
    "wijkennis.help",
    "wijkennis.mydata",
    "wijkennis.demo",
    "wijkennis.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Content-Security-Policy on every response (CONTENT_SECURITY_POLICY below).
    "wijkennis.core.security.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Outside everything that queries: database gone → a clear 503 page, reconnect next time.
    "wijkennis.core.database_errors.DatabaseUnavailableMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # From here on, the signed-in person's cached values come in one round trip.
    "wijkennis.core.middleware.read_ahead_for_the_session",
    "wijkennis.core.middleware.DutchFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # user.is_verified(): true after a two-factor code at sign-in (wijkennis.twofactor).
    "django_otp.middleware.OTPMiddleware",
    "wijkennis.core.middleware.person_once_per_request",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # Last, so that it sees the outcome of authentication (django-axes requirement).
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "wijkennis.config.urls"
WSGI_APPLICATION = "wijkennis.config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "wijkennis.inbreng.context_processors.inbreng_unread",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{DATA_DIR / 'wijkennis.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    # IMMEDIATE avoids lock-upgrade deadlocks; WAL is switched on in core.apps.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    # Django's password sign-in, the account of a session read from the cache.
    "wijkennis.accounts.backends.AccountBackend",
    # Staff of an organisation with OpenID Connect sign in there (wijkennis.sso).
    "wijkennis.sso.auth.OrganisationOIDCBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "core:home"
LOGOUT_REDIRECT_URL = "core:home"

# Lockout: after 5 failed attempts for one e-mail address from one IP, wait 15 minutes.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 0.25
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_FORM_FIELD = "username"
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        # Token first: an API call without credentials gets 401 with WWW-Authenticate.
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticatedOrReadOnly"],
    "DEFAULT_PAGINATION_CLASS": "wijkennis.api.pagination.StrictPageNumberPagination",
    "PAGE_SIZE": 20,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_RENDERER_CLASSES": [
        "rest_framework.renderers.JSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
    ],
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Wijkennis API",
    "DESCRIPTION": "Experience stories (de-identified), search and the shared vocabulary.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    # Swagger UI from the installed sidecar package: the docs page works without internet.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "wijkennis.api.schema.document_errors",
    ],
}

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "wijkennis" / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # No manifest: pages work without a collectstatic step (finders serve the files).
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True

# Several app processes share one Redis for cache, rate limits and sessions (docs/DEPLOY.md);
# without REDIS_URL: Django's in-process memory cache and database sessions (the local demo).
# "search_pages" holds rendered search results (de-identified story text): a store of its own,
# because every change of the search index empties it whole (search.pages).
REDIS_URL = os.environ.get("REDIS_URL", "")
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "search_pages": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "search-pages",
    },
}
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "wijkennis.core.cache.ReusingRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "wk",
        },
        "search_pages": {
            "BACKEND": "wijkennis.core.cache.ReusingRedisCache",
            # Emptied with FLUSHDB: never the database of anything else.
            "LOCATION": os.environ.get("REDIS_SEARCH_PAGES_URL") or _next_redis_database(REDIS_URL),
        },
    }
    # cached_db: read from Redis, written through to the database, so a Redis restart signs
    # nobody out and "delete my account" finds every session in the Session table.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
# Seconds a search ranking (ids and counts, no text) may stay cached; 0: never cached.
WIJKENNIS_SEARCH_CACHE_SECONDS = int(os.environ.get("WIJKENNIS_SEARCH_CACHE_SECONDS", "600"))
# Background work (wijkennis.core.tasks): in this process unless a Celery broker is set.
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", "") or REDIS_URL
WIJKENNIS_TASKS = os.environ.get(
    "WIJKENNIS_TASKS", "celery" if os.environ.get("CELERY_BROKER_URL") else "inprocess"
)
CELERY_TASK_IGNORE_RESULT = True
CELERY_WORKER_HIJACK_ROOT_LOGGER = False  # keep LOGGING below (never logs story text)
CELERY_TASK_DEFAULT_QUEUE = os.environ.get("CELERY_QUEUE", "wijkennis")

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Wijkennis <noreply@wijkennis.local>")
if os.environ.get("EMAIL_URL"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    _email = dj_database_url.urlparse.urlparse(os.environ["EMAIL_URL"])
    EMAIL_HOST, EMAIL_PORT = _email.hostname, _email.port or 587
    EMAIL_HOST_USER, EMAIL_HOST_PASSWORD = _email.username or "", _email.password or ""
    EMAIL_USE_TLS = True

# Stories up to 100 000 characters; larger bodies are refused with a clear message.
STORY_MAX_CHARS = 100_000
DATA_UPLOAD_MAX_MEMORY_SIZE = 1_048_576
# Uploads above 2.5 MB go to a temporary file, not memory; forms refuse files above their limit.
FILE_UPLOAD_MAX_MEMORY_SIZE = int(os.environ.get("FILE_UPLOAD_MAX_MEMORY_SIZE", "2621440"))

# Production behind TLS sets these to 1; the local demo runs on plain http://127.0.0.1.
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SESSION_COOKIE_HTTPONLY = True
# Lax: the cookie still comes along when a person follows a link from an e-mail or the SSO provider.
SESSION_COOKIE_SAMESITE = "Lax"
# htmx reads the token from the page (base.html), never from the cookie.
CSRF_COOKIE_HTTPONLY = True
# A 403 for a missing CSRF token uses the site template with a plain message.
CSRF_FAILURE_VIEW = "wijkennis.core.security.csrf_failure"
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", False)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "0"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_HSTS_SECONDS > 0
SECURE_HSTS_PRELOAD = SECURE_HSTS_SECONDS > 0
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("BEHIND_TLS_PROXY", False) else None
)
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Content-Security-Policy (django-csp 4): scripts and styles only from our own files, and no
# inline style at all (bar widths are classes, `w-0` … `w-100`). Sign-out through an
# organisation's provider adds that provider to form-action (wijkennis.core.security).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    }
}
# Login attempts per IP address, across e-mail addresses (django-ratelimit; next to axes).
WIJKENNIS_LOGIN_RATE = os.environ.get("WIJKENNIS_LOGIN_RATE", "20/m")
# Behind a proxy, the client address is in a header (e.g. HTTP_X_REAL_IP); empty: REMOTE_ADDR.
RATELIMIT_IP_META_KEY = os.environ.get("RATELIMIT_IP_META_KEY") or None
# Two-factor codes: the issuer name people see in their authenticator app.
OTP_TOTP_ISSUER = "Wijkennis"
# Beheerders may delete a lost device in the admin, but never see anyone's secret key.
OTP_ADMIN_HIDE_SENSITIVE_DATA = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        # Request bodies may contain story text: never log them, even at DEBUG.
        "django.db.backends": {"level": "INFO"},
        # django-axes reports every login at INFO; failures (WARNING) are what matters.
        "axes": {"level": "WARNING"},
    },
}

# Wij-kennis becomes "vastgesteld" when this many peers from this many organisations recognise
# the current version, and a reviewer confirms (DESIGN §5; the research asks for a shared rule).
WIJKENNIS_ESTABLISH_MIN_PEOPLE = int(os.environ.get("WIJKENNIS_ESTABLISH_MIN_PEOPLE", "5"))
WIJKENNIS_ESTABLISH_MIN_ORGANISATIONS = int(
    os.environ.get("WIJKENNIS_ESTABLISH_MIN_ORGANISATIONS", "2")
)
# Published aggregates never show a group smaller than this.
WIJKENNIS_MIN_GROUP = 5

# The address people open from e-mails (invitation links); behind a proxy, set it explicitly.
WIJKENNIS_SITE_URL = os.environ.get("WIJKENNIS_SITE_URL", "")
# An invitation link works this many days, once.
WIJKENNIS_INVITATION_DAYS = int(os.environ.get("WIJKENNIS_INVITATION_DAYS", "14"))
# OpenID Connect providers per organisation, as JSON (docs/DEPLOY.md); `wijkennis sso_sync`
# writes them into the database, where the admin can also edit them.
WIJKENNIS_OIDC_PROVIDERS = os.environ.get("WIJKENNIS_OIDC_PROVIDERS", "")
WIJKENNIS_OIDC_TIMEOUT = int(os.environ.get("WIJKENNIS_OIDC_TIMEOUT", "10"))
