"""The one settings file of Accord, read from the environment.

Development is the default (DEBUG on, SQLite in ./var). Production sets
ACCORD_DEBUG=0, ACCORD_SECRET_KEY, ACCORD_ALLOWED_HOSTS and usually DATABASE_URL;
it then refuses to start without a real secret key.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from accord.cooperation.palette import status_stylesheet_source
from accord.env import envbool, envint, envjson, envlist, envstr

BASE_DIR = Path(__file__).resolve().parent.parent
PACKAGE_DIR = Path(__file__).resolve().parent
VAR_DIR = Path(envstr("ACCORD_VAR_DIR", str(BASE_DIR / "var")))

DEBUG = envbool("ACCORD_DEBUG", True)
_DEV_KEY = "django-insecure-development-only-key-never-use-in-production"
SECRET_KEY = envstr("ACCORD_SECRET_KEY", _DEV_KEY if DEBUG else "")
if not SECRET_KEY or (not DEBUG and SECRET_KEY == _DEV_KEY):
    raise ImproperlyConfigured("ACCORD_SECRET_KEY must be set when ACCORD_DEBUG=0")

ALLOWED_HOSTS = envlist("ACCORD_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = envlist("ACCORD_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "accord.accounts.admin_site.AdminConfig",  # django.contrib.admin, for administrators only
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "simple_history",
    "django_tasks",
    "django_tasks_db",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "csp",
    "accord.accounts",
    "accord.registry",
    "accord.documents",
    "accord.cooperation",
    "accord.reports",
    "accord.web",
    "accord.search",
    "accord.notifications",
    "ninja",  # its static files: the API's interactive documentation, served from here
    "accord.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "accord.accounts.middleware.IdleSessionMiddleware",
    "accord.accounts.middleware.SecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "csp.middleware.CSPMiddleware",
    "accord.accounts.middleware.PermissionsPolicyMiddleware",
    # Last, as django-axes asks: it turns a lockout into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "accord.urls"
WSGI_APPLICATION = "accord.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# Database: SQLite in ./var by default; PostgreSQL (or another) through DATABASE_URL.
VAR_DIR.mkdir(parents=True, exist_ok=True)
DATABASE_URL = envstr("DATABASE_URL", f"sqlite:///{VAR_DIR / 'accord.sqlite3'}")
DATABASES = {
    "default": dj_database_url.parse(
        DATABASE_URL,
        conn_max_age=envint("ACCORD_DB_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers and one writer work at once; IMMEDIATE avoids lock upgrades failing.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# Cache (pieces of pages, accord/web/cache.py): shared by every process of the server, so
# a file cache in ACCORD_VAR_DIR by default; ACCORD_CACHE_BACKEND names another Django
# backend (e.g. django.core.cache.backends.db.DatabaseCache, or redis when several app
# servers run) and ACCORD_CACHE_LOCATION its location.
# ``default`` (each process's memory) is for anything else, a throttle or rate limit
# included: the pages' cache holds only pages.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pages": {
        "BACKEND": envstr("ACCORD_CACHE_BACKEND", "accord.web.cache.FileCache"),
        "LOCATION": envstr("ACCORD_CACHE_LOCATION", str(VAR_DIR / "cache")),
        "OPTIONS": {"MAX_ENTRIES": envint("ACCORD_CACHE_MAX_ENTRIES", 20000)},
    },
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# django-axes counts failed sign-ins: after ACCORD_LOGIN_FAILURE_LIMIT of them it locks the
# username (from any address) and the address (for any username) for
# ACCORD_LOGIN_LOCKOUT_MINUTES; `accord unlock NAME` lifts it.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = envint("ACCORD_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=envint("ACCORD_LOGIN_LOCKOUT_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = ["ip_address", "username"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "accord.accounts.lockout.locked_out"
AXES_IPWARE_PROXY_COUNT = 1 if envbool("ACCORD_BEHIND_PROXY", False) else 0
AXES_VERBOSE = False
# Sessions end after this many seconds without a request (see accounts/middleware.py).
ACCORD_SESSION_IDLE_SECONDS = envint("ACCORD_SESSION_IDLE_SECONDS", 30 * 60)
SESSION_COOKIE_AGE = ACCORD_SESSION_IDLE_SECONDS
# Password reset mails: the console in development, SMTP when ACCORD_EMAIL_HOST is set.
EMAIL_HOST = envstr("ACCORD_EMAIL_HOST", "")
EMAIL_PORT = envint("ACCORD_EMAIL_PORT", 587)
EMAIL_HOST_USER = envstr("ACCORD_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = envstr("ACCORD_EMAIL_PASSWORD", "")
EMAIL_USE_TLS = envbool("ACCORD_EMAIL_TLS", True)
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)
DEFAULT_FROM_EMAIL = envstr("ACCORD_FROM_EMAIL", "accord@localhost")
# Notification mails (docs/notifications.md): links in them start with this address;
# `accord remind` queued as a task (--schedule) runs daily at this hour.
ACCORD_SITE_URL = envstr("ACCORD_SITE_URL", "http://127.0.0.1:8000")
ACCORD_REMIND_HOUR = envint("ACCORD_REMIND_HOUR", 6)
# The REST API (docs/api.md): requests per token or signed-in user, per address for the
# public ("N/s", "N/m", "N/h", "N/d"), and the largest page a list gives.
ACCORD_API_RATE = envstr("ACCORD_API_RATE", "600/m")
ACCORD_API_PUBLIC_RATE = envstr("ACCORD_API_PUBLIC_RATE", "120/m")
ACCORD_API_MAX_LIMIT = envint("ACCORD_API_MAX_LIMIT", 200)
PASSWORD_RESET_TIMEOUT = envint("ACCORD_PASSWORD_RESET_SECONDS", 3 * 24 * 3600)
OTP_TOTP_ISSUER = "Accord"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Internationalization: English, French and Arabic (right to left).
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("fr", _("French")), ("ar", _("Arabic"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
USE_I18N = True
# Dates and numbers one way per language (accord/formats over Django's locales).
FORMAT_MODULE_PATH = ["accord.formats"]
TIME_ZONE = envstr("ACCORD_TIME_ZONE", "UTC")
USE_TZ = True

STATIC_URL = "static/"
# accord/static holds the project's own stylesheet (no app owns it, so name the folder).
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
STATIC_ROOT = Path(envstr("ACCORD_STATIC_ROOT", str(VAR_DIR / "static")))
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
MEDIA_URL = "media/"
MEDIA_ROOT = Path(envstr("ACCORD_MEDIA_ROOT", str(VAR_DIR / "media")))
# Uploads: on disk in MEDIA_ROOT by default; ACCORD_STORAGE_BACKEND names another Django
# storage class (e.g. storages.backends.s3.S3Storage, after `pip install django-storages`
# with boto3) and ACCORD_STORAGE_OPTIONS its options as a JSON object.
STORAGES = {
    "default": {
        "BACKEND": envstr("ACCORD_STORAGE_BACKEND", "django.core.files.storage.FileSystemStorage"),
        "OPTIONS": envjson("ACCORD_STORAGE_OPTIONS", {}),
    },
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
# The largest resolution file accepted by upload (bytes).
ACCORD_MAX_UPLOAD_BYTES = envint("ACCORD_MAX_UPLOAD_BYTES", 20 * 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = ACCORD_MAX_UPLOAD_BYTES
# Hostile files (docs/files.md): the upload is cut while it streams; an .xlsx/.docx may
# unzip to at most this many bytes, at most this ratio; an import has at most so many
# rows and characters per cell; a PDF at most so many pages.
FILE_UPLOAD_HANDLERS = [
    "accord.core.uploads.LimitedUploadHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]
ACCORD_MAX_UNZIPPED_BYTES = envint("ACCORD_MAX_UNZIPPED_BYTES", 50 * 1024 * 1024)
ACCORD_MAX_ZIP_RATIO = envint("ACCORD_MAX_ZIP_RATIO", 100)
ACCORD_MAX_IMPORT_ROWS = envint("ACCORD_MAX_IMPORT_ROWS", 5000)
ACCORD_MAX_CELL_CHARS = envint("ACCORD_MAX_CELL_CHARS", 20000)
ACCORD_MAX_PDF_PAGES = envint("ACCORD_MAX_PDF_PAGES", 300)
# Parsing an uploaded resolution runs in a child process with at most this much more
# memory and this many seconds (core/limits.py); ACCORD_JOB_SECONDS=0 turns the limit off.
ACCORD_JOB_SECONDS = envint("ACCORD_JOB_SECONDS", 120)
ACCORD_JOB_MEMORY_BYTES = envint("ACCORD_JOB_MEMORY_BYTES", 1024 * 1024 * 1024)
# A job's page (an upload, a queued report) asks the server again this often (htmx);
# less than 100 ms would have each open page ask ten times a second.
ACCORD_JOB_POLL_MS = envint("ACCORD_JOB_POLL_MS", 2000, minimum=100)
# The publisher's registered IATI organization identifier, prefix of every IATI
# activity identifier in the open-data export (docs/opendata.md).
ACCORD_IATI_REPORTING_ORG = envstr("ACCORD_IATI_REPORTING_ORG", "XX-ACCORD")

# Long jobs (reports): run at once by default; ACCORD_TASKS_BACKEND=database queues them in
# the database for `accord worker` processes (several app servers and workers share it).
_TASK_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}
_task_backend = envstr("ACCORD_TASKS_BACKEND", "immediate")
TASKS = {"default": {"BACKEND": _TASK_BACKENDS.get(_task_backend, _task_backend)}}

# Security: secure by default outside development.
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_SSL_REDIRECT = envbool("ACCORD_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = envint("ACCORD_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if envbool("ACCORD_BEHIND_PROXY", False) else None
)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Content-Security-Policy (django-csp): every page loads only from this site.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        # the stylesheet, and the status palette's <style> of base.html by its hash
        "style-src": [SELF, status_stylesheet_source()],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=()"
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": envstr("ACCORD_LOG_LEVEL", "WARNING")},
}
