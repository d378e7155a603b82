"""GET /exports/<id>/download: the export's file, for its owner only."""

from collections.abc import AsyncIterator

from asgiref.sync import sync_to_async
from django.core.files import File
from django.http import HttpRequest, JsonResponse, StreamingHttpResponse
from graphql import GraphQLError

from core.ids import node_pk
from exports import services
from exports.models import ExportJob

BLOCK_BYTES = 256 * 1024
CONTENT_TYPES = {
    ExportJob.Format.CSV: "text/csv; charset=utf-8",
    ExportJob.Format.XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
NOT_FOUND = "No export job with this id."


def _problem(status: int, code: str, message: str) -> JsonResponse:
    return JsonResponse({"error": message, "code": code}, status=status)


async def _blocks(handle: File) -> AsyncIterator[bytes]:
    """The file in blocks, read off the event loop (a sync iterator would be read whole)."""
    read = sync_to_async(handle.read)
    try:
        while block := await read(BLOCK_BYTES):
            yield block
    finally:
        await sync_to_async(handle.close)()


def _open(job: ExportJob) -> File | None:
    try:
        return job.file.storage.open(job.file.name, "rb")
    except FileNotFoundError:
        return None


async def download(request: HttpRequest, job_id: str) -> StreamingHttpResponse | JsonResponse:
    """Stream the file of one of the caller's exports (session or bearer token)."""
    user = await request.auser()
    if not user.is_authenticated:
        return _problem(
            401,
            "UNAUTHENTICATED",
            "Sign in first: send a session cookie or 'Authorization: Bearer <token>'.",
        )
    try:
        pk = node_pk(job_id, "ExportJob")
    except GraphQLError:
        return _problem(404, "NOT_FOUND", NOT_FOUND)
    job = await sync_to_async(services.job_of)(user, pk)
    if job is None:
        return _problem(404, "NOT_FOUND", NOT_FOUND)
    if job.status == ExportJob.Status.EXPIRED:
        return _problem(
            410,
            "EXPIRED",
            "This export's file was deleted after the retention period; export again.",
        )
    if job.status != ExportJob.Status.COMPLETED or not job.file:
        if job.status == ExportJob.Status.FAILED:
            return _problem(409, "EXPORT_FAILED", f"This export failed: {job.error_message}")
        return _problem(
            409,
            "NOT_READY",
            f"This export is {job.status.lower()} ({job.progress}%); download it once "
            "exportJob says COMPLETED.",
        )
    handle = await sync_to_async(_open)(job)
    if handle is None:
        return _problem(410, "EXPIRED", "This export's file is gone; export again.")
    response = StreamingHttpResponse(_blocks(handle), content_type=CONTENT_TYPES[job.format])
    response["Content-Length"] = str(job.file_size)
    response["Content-Disposition"] = f'attachment; filename="{job.file_name}"'
    response["Cache-Control"] = "private, no-store"
    return response
