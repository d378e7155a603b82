"""URL routes. WebSocket routes are in config/asgi.py."""

from django.urls import path, re_path

from accounts.views import activity_csv
from config import views
from config.schema import schema
from exports.views import download as export_download
from imports.api.conflicts_csv import conflicts_csv
from imports.api.views import changes_csv, errors_csv

handler404 = "config.views.not_found"
handler500 = "config.views.server_error"

urlpatterns = [
    path(
        "graphql/",
        views.GraphQLView.as_view(schema=schema, multipart_uploads_enabled=True),
        name="graphql",
    ),
    path("imports/<str:job_id>/errors.csv", errors_csv, name="import-errors-csv"),
    path("exports/<str:job_id>/download", export_download, name="export-download"),
    path("imports/<str:job_id>/changes.csv", changes_csv, name="import-changes-csv"),
    path("imports/<str:job_id>/conflicts.csv", conflicts_csv, name="import-conflicts-csv"),
    path("activity.csv", activity_csv, name="activity-csv"),
    path("healthz", views.healthz, name="healthz"),
    path("readyz", views.readyz, name="readyz"),
    # Everything else is a route of the single-page app.
    re_path(r"^(?!graphql/|static/|imports/|exports/).*$", views.spa, name="spa"),
]
